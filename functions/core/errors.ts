/**
 * Domain errors. Their `name`s are stable (Step Functions and the HTTP layer match on them); the
 * mapping to HTTP status lives in one place, `functions/http/api-errors.ts`.
 */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A pagination cursor that was tampered with, expired in format, or belongs to another query. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** Absent — or another tenant's, which must look the same. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The request conflicts with stored state (e.g. an identity already owned by another customer). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A status change that the entity's state machine does not allow. */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
