import { $ZodError } from '../core/zod.js';
import { zodDetails } from '../core/validation-details.js';
import { PayloadError, SignatureError } from '../core/channels/channel-adapter.js';
import { ConflictError, InvalidCursorError, InvalidTransitionError, NotFoundError, ValidationError, type ErrorDetail } from '../core/errors.js';

/** The one error body of the API: `{ error: { code, message, details } }`. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: readonly ErrorDetail[] };
}

/** An error raised by the HTTP layer itself (auth, body, media type), with its status and code. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export interface MappedError {
  readonly statusCode: number;
  readonly body: ApiErrorBody;
}

const body = (code: string, message: string, details: readonly ErrorDetail[] = []): ApiErrorBody => ({ error: { code, message, details } });

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'SlowDown',
  'TimeoutError',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** A failure of a backing service that a retry of the same request can overcome. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  return TRANSIENT_NAMES.has(e?.name ?? '') || TRANSIENT_CODES.has(e?.code ?? '') || e?.$retryable !== undefined || (e?.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Maps any error to an HTTP status and body — the only place that does. A backing service that is
 * throttling or unreachable is a 503 the client may retry (nothing was acknowledged, and every write
 * is idempotent); other unknown errors are 500 with a message that reveals nothing (the caller logs them).
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof HttpError) return { statusCode: error.statusCode, body: body(error.code, error.message, error.details) };
  if (error instanceof $ZodError) {
    const details = zodDetails(error);
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return { statusCode: 400, body: body('VALIDATION_FAILED', `invalid request: ${summary}`, details) };
  }
  if (error instanceof ValidationError) return { statusCode: 400, body: body('VALIDATION_FAILED', error.message, error.details) };
  if (error instanceof SignatureError) return { statusCode: 401, body: body('SIGNATURE_REJECTED', `${error.failure}: ${error.message}`) };
  if (error instanceof PayloadError) return { statusCode: 400, body: body('INVALID_PAYLOAD', error.message) };
  if (error instanceof InvalidCursorError) return { statusCode: 400, body: body('INVALID_CURSOR', error.message) };
  if (error instanceof NotFoundError) return { statusCode: 404, body: body('NOT_FOUND', error.message) };
  if (error instanceof ConflictError) return { statusCode: 409, body: body('CONFLICT', error.message) };
  if (error instanceof InvalidTransitionError) return { statusCode: 409, body: body('INVALID_TRANSITION', error.message, error.details) };
  if (isTransient(error)) {
    return {
      statusCode: 503,
      body: body('SERVICE_UNAVAILABLE', `a backing service is busy or unreachable; retry after ${RETRY_AFTER_SECONDS} s (safe: the request is idempotent)`),
    };
  }
  return { statusCode: 500, body: body('INTERNAL', 'internal error; it has been logged') };
}
