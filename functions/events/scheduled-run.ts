import * as z from '../core/zod.js';
import { PERIODIC_RUN_TYPES } from '../core/model/report.js';
import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { dispatchScheduledRuns } from '../core/periodic/start-periodic-run.js';
import { logger } from '../http/logger.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/**
 * What each EventBridge Scheduler schedule sends (its target input): the run, the zone it fired in,
 * and `<aws.scheduler.scheduled-time>` — the scheduled (not the delivery) time, so a retried
 * delivery names the same run.
 */
export const ScheduledRunEvent = z.object({
  run: z.enum(PERIODIC_RUN_TYPES),
  timeZone: z.string().check(z.minLength(1)),
  scheduledTime: z.string().check(z.iso.datetime({ offset: true })),
});

/** Starts, for each tenant in the schedule's zone, its report or risk check (named per period, so started once). */
export const build = (deps: PeriodicRunDependencies) => async (event: unknown) => {
  const parsed = ScheduledRunEvent.parse(event);
  const started = await dispatchScheduledRuns(deps, { run: parsed.run, timeZone: parsed.timeZone, firedAt: new Date(parsed.scheduledTime) });
  logger.info('scheduled runs started', { run: parsed.run, timeZone: parsed.timeZone, runs: started.length });
  return { started };
};

export const handler = onAwsWorkflow(build);
