/**
 * A step failed because a service it depends on (DynamoDB, S3, EventBridge, SES…) was briefly
 * unavailable — throttled, answering 5xx, or dropping the connection — after the SDK's own retries.
 * The state machines retry this error name for up to about a minute and a half before their
 * `Catch` marks the work failed: a throttling burst or a failover should delay a record's analysis,
 * not leave it `failed` for someone to replay.
 */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailable';
}

/** Error names the AWS SDK gives to throttling and to a service's own transient failures. */
const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Socket-level failures Node reports while a request is on the wire. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/**
 * Whether `error` says "try again later" rather than "this input cannot work": the SDK's throttling
 * and transient names, its `$retryable` mark, a 5xx answer, or a dropped connection.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as ErrorShape;
  if (typeof shape.name === 'string' && TRANSIENT_NAMES.has(shape.name)) return true;
  if (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code)) return true;
  if (shape.$retryable !== undefined && shape.$retryable !== null) return true;
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  return typeof shape.message === 'string' && /^socket hang up$/i.test(shape.message);
}

/**
 * A workflow step whose transient dependency failures reach the state machine as
 * `DependencyUnavailable` (the original as `cause`); every other error passes unchanged.
 * Both runtimes call their steps through it, so the same ASL `Retry` applies to both.
 */
export function namingDependencyFailures<I, R>(step: (input: I) => Promise<R>): (input: I) => Promise<R> {
  return async (input) => {
    try {
      return await step(input);
    } catch (error) {
      if (!isDependencyUnavailable(error)) throw error;
      const name = typeof (error as ErrorShape).name === 'string' ? ((error as ErrorShape).name as string) : 'Error';
      throw new DependencyUnavailableError(`a dependency was unavailable (${name})`, { cause: error });
    }
  };
}
