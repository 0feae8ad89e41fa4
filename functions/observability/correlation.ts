import { AsyncLocalStorage } from 'node:async_hooks';

/** The ids every log line written while handling one request or workflow step carries (when known). */
export interface CorrelationKeys {
  readonly tenantId?: string;
  /** API Gateway's request id for HTTP calls; Lambda's invocation id for events and steps. */
  readonly requestId?: string;
  readonly recordId?: string;
  /** The Step Functions execution (`$$.Execution.Id`) a workflow step runs in. */
  readonly executionId?: string;
  readonly customerId?: string;
  readonly reportId?: string;
  readonly runId?: string;
  /** The API route (`create-communication`, …). */
  readonly route?: string;
}

const CORRELATION_KEY_NAMES = ['tenantId', 'requestId', 'recordId', 'executionId', 'customerId', 'reportId', 'runId', 'route'] as const;

type Store = { -readonly [K in keyof CorrelationKeys]: string };

// One store per call chain, not Logger.appendKeys: the embedded server handles many requests at once
// in one process, and a process-wide key would tag one request's lines with another's tenant.
const storage = new AsyncLocalStorage<Store>();

function definedKeys(keys: CorrelationKeys): Store {
  const store: Store = {};
  for (const name of CORRELATION_KEY_NAMES) {
    const value = keys[name];
    if (typeof value === 'string' && value !== '') store[name] = value;
  }
  return store;
}

/**
 * Runs `fn` with these keys added to the current ones (a new scope: the caller's keys are unchanged
 * when it returns). Every log line written inside — however deep, across awaits — carries them.
 *
 * @example
 * ```ts
 * await withCorrelation({ requestId: event.requestContext.requestId }, () => handle(event));
 * ```
 */
export function withCorrelation<T>(keys: CorrelationKeys, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...definedKeys(keys) }, fn);
}

/**
 * Adds keys learnt along the way (the tenant once the token is checked) to the current scope; a
 * no-op outside one.
 *
 * @example
 * ```ts
 * correlate({ tenantId: caller.tenantId });
 * ```
 */
export function correlate(keys: CorrelationKeys): void {
  const store = storage.getStore();
  if (store) Object.assign(store, definedKeys(keys));
}

/**
 * The keys of the current scope (empty outside one).
 *
 * @example
 * ```ts
 * const { tenantId } = correlationKeys();
 * ```
 */
export function correlationKeys(): CorrelationKeys {
  return { ...storage.getStore() };
}
