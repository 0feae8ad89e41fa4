import { createHash } from 'node:crypto';

/** Execution names: 1–80 characters (StartExecution API reference). */
const EXECUTION_NAME_MAX_LENGTH = 80;
const DIGEST_LENGTH = 16;

/**
 * A Step Functions execution name. Step Functions forbids whitespace, brackets, wildcards,
 * `"#%\^|~\`$&,;:/` and control characters, and turns off CloudWatch logging for non-ASCII names,
 * so only `[0-9A-Za-z._-]` of `readable` is kept; a SHA-256 suffix over `unique` (the raw ids) keeps
 * two runs that sanitise alike apart. The same ids always give the same name, which is what makes a
 * second start of a Standard execution a no-op (`ExecutionAlreadyExists`).
 */
export function executionName(readable: string, unique: string): string {
  const digest = createHash('sha256').update(unique).digest('hex').slice(0, DIGEST_LENGTH);
  return `${readable.replace(/[^0-9A-Za-z._-]/g, '_').slice(0, EXECUTION_NAME_MAX_LENGTH - DIGEST_LENGTH - 1)}-${digest}`;
}

/** The execution name of a tenant's periodic run (run ids are unique per tenant, names per state machine). */
export const periodicRunExecutionName = (tenantId: string, runId: string) => executionName(`${tenantId}.${runId}`, `${tenantId}\u0000${runId}`);
