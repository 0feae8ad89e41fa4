import { mappedFrame } from './mapped-frames.js';

/** What a log line may say about an error: where and what kind, never its message. */
export interface ErrorSummary {
  readonly name: string;
  /** A Node, SDK or vendor code (`ECONNRESET`, `ConditionalCheckFailedException`…). */
  readonly code?: string;
  /** An AWS SDK error's HTTP status and fault side. */
  readonly httpStatus?: number;
  readonly fault?: string;
  /** For a validation error: the paths of the fields that failed (names, not values). */
  readonly fields?: readonly string[];
  /** Stack frames only: the first line of a stack repeats the message. */
  readonly frames?: readonly string[];
  readonly cause?: ErrorSummary;
}

const MAX_FRAMES = 12;
const MAX_CAUSE_DEPTH = 3;

type ErrorLike = Error & {
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  issues?: readonly { path?: readonly PropertyKey[] }[];
};

/**
 * Describes an error for the logs without its message or properties. Messages are where payload
 * text leaks: a JSON.parse error quotes the body, a zod error can quote input, an SDK error can
 * quote a key or item, a mail parser quotes headers. Names, codes, field paths and frames suffice
 * to find the fault; the caller's response (or the stored failure reason) keeps the detail.
 *
 * @example
 * ```ts
 * logger.error('request failed', { error: summarizeError(error) });
 * // { name: 'SyntaxError', frames: ['at JSON.parse (<anonymous>)', …] }
 * ```
 */
export function summarizeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error === 'string' ? 'string thrown' : typeof error };
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined;
  const httpStatus = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const fields = Array.isArray(e.issues) ? [...new Set(e.issues.map((issue) => (issue.path ?? []).map(String).join('.') || '(root)'))] : undefined;
  const frames = (e.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, MAX_FRAMES)
    .map(mappedFrame);
  return {
    name: e.name || 'Error',
    ...(code !== undefined && { code }),
    ...(httpStatus !== undefined && { httpStatus }),
    ...(typeof e.$fault === 'string' && { fault: e.$fault }),
    ...(fields && { fields }),
    ...(frames.length > 0 && { frames }),
    ...(e.cause !== undefined && depth < MAX_CAUSE_DEPTH && { cause: summarizeError(e.cause, depth + 1) }),
  };
}
