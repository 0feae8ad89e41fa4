import { nextCronFire, parseCronExpression } from '../functions/core/schedules/cron-expression.js';
import { REPORT_SCHEDULES, type ReportSchedule } from '../functions/core/schedules/report-schedules.js';
import { logger } from '../functions/http/logger.js';
import { summarizeError } from '../functions/observability/error-summary.js';

/** setTimeout's longest delay (about 24.8 days); a later fire is reached in hops. */
const MAX_TIMER_MS = 2_147_483_647;

/** What the scheduler needs of a schedule: a name and a `cron(…)` expression. */
export type CronSchedule = Pick<ReportSchedule, 'name' | 'expression'>;

export interface ReportSchedulerOptions<S extends CronSchedule = ReportSchedule> {
  /** The zones to run the schedules in (every tenant's zone). */
  readonly timeZones: () => Promise<readonly string[]>;
  /** What a schedule firing does (the dispatcher the AWS schedules invoke). */
  readonly fire: (schedule: S, timeZone: string, firedAt: Date) => Promise<unknown>;
  /** @default REPORT_SCHEDULES (the retention sweep passes its own) */
  readonly schedules?: readonly S[];
  readonly now?: () => Date;
}

export interface ReportScheduler {
  /** The next firing of each schedule in each zone (for the start-up banner and tests). */
  readonly upcoming: () => { name: string; timeZone: string; at: Date }[];
  stop(): void;
}

/**
 * The embedded stand-in for EventBridge Scheduler: the same four `cron(…)` expressions
 * (`REPORT_SCHEDULES`), evaluated in each tenant zone, each firing calling the same dispatch the
 * AWS schedules invoke. A firing missed while the hub was down is not made up (Scheduler does not
 * either once its event age passes); the runs are named by period, so nothing doubles.
 */
export async function startReportScheduler<S extends CronSchedule = ReportSchedule>(options: ReportSchedulerOptions<S>): Promise<ReportScheduler> {
  const now = options.now ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  const next = new Map<string, { name: string; timeZone: string; at: Date }>();
  let stopped = false;

  const arm = (schedule: S, timeZone: string, after: Date) => {
    if (stopped) return;
    const at = nextCronFire(parseCronExpression(schedule.expression), after, timeZone);
    if (!at) return;
    next.set(`${schedule.name}|${timeZone}`, { name: schedule.name, timeZone, at });
    const wait = () => {
      const delay = at.getTime() - now().getTime();
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (delay > MAX_TIMER_MS) return wait();
        options
          .fire(schedule, timeZone, at)
          .catch((error: unknown) => logger.error('scheduled run failed to start', { schedule: schedule.name, timeZone, error: summarizeError(error) }))
          .finally(() => arm(schedule, timeZone, at));
      }, Math.max(0, Math.min(delay, MAX_TIMER_MS)));
      timer.unref();
      timers.add(timer);
    };
    wait();
  };

  for (const timeZone of new Set(await options.timeZones())) {
    for (const schedule of options.schedules ?? (REPORT_SCHEDULES as readonly CronSchedule[] as readonly S[])) arm(schedule, timeZone, now());
  }
  return {
    upcoming: () => [...next.values()].sort((a, b) => a.at.getTime() - b.at.getTime()),
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
