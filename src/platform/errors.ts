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
  INVITATION_NOT_FOUND: 404,
  MAIL_FAILED: 502,
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
  // routing
  QUEUE_NOT_FOUND: 404,
  QUEUE_NAME_TAKEN: 409,
  QUEUE_HAS_OPEN_TASKS: 409,
  TASK_NOT_FOUND: 404,
  AGENT_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  TASK_NOT_ACCEPTED: 409,
  TASK_ALREADY_COMPLETED: 409,
  OFFER_EXPIRED: 409,
  OFFER_NOT_YOURS: 403,
  NO_OFFER: 409,
  AGENT_HAS_TASK: 409,
  AGENT_STATE_CONFLICT: 409,
  NOT_AN_AGENT: 403,
  SCHEDULE_IN_PAST: 400,
  OUTSIDE_BUSINESS_HOURS: 400,
  EXTERNAL_ID_DUPLICATE: 409,
  // webhooks
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_DELIVERY_NOT_FOUND: 404,
  // call routing and telephony
  ROUTING_RULE_NOT_FOUND: 404,
  CALL_GROUP_NOT_FOUND: 404,
  CALL_GROUP_IN_USE: 409,
  CALL_GROUP_NAME_TAKEN: 409,
  EXTENSION_TAKEN: 409,
  NOT_A_MEMBER: 400,
  RULE_ORDER_MISMATCH: 400,
  PBX_TOKEN_INVALID: 401,
  ROUTE_UNAVAILABLE: 503,
  TELEPHONY_UNSUPPORTED: 501,
  TELEPHONY_TRUNK_FAILED: 502,
  // numbers: caller ID pools, tracking numbers, trunks
  CALLER_ID_POOL_NOT_FOUND: 404,
  CALLER_ID_POOL_NAME_TAKEN: 409,
  CALLER_ID_NUMBER_TAKEN: 409,
  AREA_PREFIX_TAKEN: 409,
  INVALID_PREFIX: 400,
  PREFIX_DUPLICATE: 400,
  TRACKING_NUMBER_NOT_FOUND: 404,
  TRACKING_NUMBER_TAKEN: 409,
  TRACKING_NUMBER_IN_USE: 409,
  TRUNK_NOT_FOUND: 404,
  TRUNK_NAME_TAKEN: 409,
  PRICE_LIST_INVALID: 400,
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
