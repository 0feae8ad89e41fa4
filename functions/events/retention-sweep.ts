import type { HubDependencies } from '../core/dependencies.js';
import { sweepRetention } from '../core/use-cases/sweep-retention.js';
import { logger } from '../http/logger.js';
import { onAws } from '../wiring/lambda-entry.js';

/**
 * Work one invocation may do: the function times out after 15 minutes. What is left (a tenant's
 * first sweep over years of records) is continued by the next day's sweep from where this one stopped.
 */
const RUN_BUDGET_MS = 13 * 60_000;

/**
 * The retention schedule's target (EventBridge Scheduler, daily; the embedded scheduler calls the
 * same sweep): deletes every tenant's records older than its `retentionDays`, one audit entry per
 * tenant. Throws on failure, so Lambda retries and then dead-letters the event; a retry resumes.
 */
export const build = (deps: HubDependencies) => async (): Promise<{ tenants: number; records: number; complete: boolean }> => {
  const sweeps = await sweepRetention(deps, { budget: { deadline: Date.now() + RUN_BUDGET_MS } });
  const records = sweeps.reduce((sum, sweep) => sum + sweep.recordIds.length, 0);
  const complete = sweeps.every((sweep) => sweep.complete);
  // Counts and ids only.
  logger.info('retention sweep done', { tenants: sweeps.length, records, complete, incomplete: sweeps.filter((s) => !s.complete).map((s) => s.tenantId) });
  return { tenants: sweeps.length, records, complete };
};

export const handler = onAws(build);
