import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own error codes, translated to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The one place where any thrown error becomes `{ error: { code, message, details? } }`. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof AppError) {
    reply.code(err.status).send(errorBody(err.code, err.message, err.details));
    return;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      field: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, ''),
      message: v.message,
    }));
    const first = details[0];
    reply
      .code(400)
      .send(errorBody('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'invalid request', details));
    return;
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) {
    // @fastify/rate-limit throws what its errorResponseBuilder returned; keep its "retry in N s".
    const built = (err as Partial<ErrorBody>).error?.message;
    reply.code(429).send(errorBody('RATE_LIMITED', built ?? 'Too many requests; slow down and retry later'));
    return;
  }
  const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) {
    reply.code(errorStatus[mapped]).send(errorBody(mapped, fe.message));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    reply.code(fe.statusCode).send(errorBody('VALIDATION_FAILED', fe.message));
    return;
  }
  req.log.error({ err }, 'unhandled error');
  reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on our side; it has been logged'));
}
