/**
 * The X-Ray trace header Lambda hands each invocation (`Root=1-…;Parent=…;Sampled=1`), read and
 * written. Format: https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 */

export interface TraceHeader {
  /** The trace id, `1-<8 hex epoch seconds>-<24 hex>`. */
  readonly root: string;
  /** The id of the segment (in Lambda: the function's facade segment) new subsegments hang under. */
  readonly parent?: string;
  /** Whether the trace is recorded: nothing is sent for an unsampled one. */
  readonly sampled: boolean;
  /** Other `Key=value` fields (e.g. `Lineage`), passed on unchanged. */
  readonly extra: readonly string[];
}

/** `Root=…;Parent=…;Sampled=1` as its fields; undefined when there is no root to join. */
export function parseTraceHeader(value: string | undefined): TraceHeader | undefined {
  if (!value) return undefined;
  let root: string | undefined;
  let parent: string | undefined;
  let sampled = false;
  const extra: string[] = [];
  for (const field of value.split(';')) {
    const at = field.indexOf('=');
    if (at < 0) continue;
    const key = field.slice(0, at).trim();
    const text = field.slice(at + 1).trim();
    if (key === 'Root') root = text;
    else if (key === 'Parent') parent = text;
    else if (key === 'Sampled') sampled = text === '1';
    else if (key !== 'Self') extra.push(`${key}=${text}`);
  }
  return root ? { root, parent, sampled, extra } : undefined;
}

/** The header a downstream call carries: this trace, `parent` as its parent segment. */
export function formatTraceHeader(header: TraceHeader, parent: string): string {
  return [`Root=${header.root}`, `Parent=${parent}`, `Sampled=${header.sampled ? '1' : '0'}`, ...header.extra].join(';');
}

/** Lambda's runtime interface client, where a function runs several invocations at once. */
interface LambdaInvokeStore {
  getXRayTraceId(): string | undefined;
}

/**
 * The current invocation's trace header: from the runtime's per-invocation store where it has one
 * (functions running several invocations at once), else from `_X_AMZN_TRACE_ID`, which Lambda sets
 * before each invocation.
 */
export function currentTraceHeader(env: NodeJS.ProcessEnv = process.env): TraceHeader | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: LambdaInvokeStore } }).awslambda?.InvokeStore;
  return parseTraceHeader(store?.getXRayTraceId() ?? env._X_AMZN_TRACE_ID);
}
