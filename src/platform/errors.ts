/**
 * Every error code Switchboard returns, with its HTTP status. Codes are stable: integrators match
 * on them. Add a code here when a domain needs one; `AppError` accepts only codes listed here, so
 * the mapping to HTTP at the boundary is exhaustive by construction.
 */
export const errorStatus = {
  // boundary
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  ROUTE_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // access
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PROJECT_NOT_FOUND: 404,
  // directory
  USER_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  ALREADY_MEMBER: 409,
  INVITATION_INVALID: 410,
  API_KEY_NOT_FOUND: 404,
  LAST_ADMIN: 409,
  // contacts
  CONTACT_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  INVALID_PHONE: 400,
  PHONE_TAKEN: 409,
  EXTERNAL_ID_TAKEN: 409,
  OWNER_NOT_AGENT: 400,
  // imports
  IMPORT_NOT_FOUND: 404,
  CSV_INVALID: 400,
  CSV_ENCODING: 400,
  // webhooks
  WEBHOOK_NOT_FOUND: 404,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (code: ErrorCode & `${string}_NOT_FOUND`, what: string): AppError =>
  new AppError(code, `${what} not found`);
