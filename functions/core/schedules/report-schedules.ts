import type { PeriodicRunType } from '../model/report.js';

/** One recurring periodic run: what it runs and when, as EventBridge Scheduler writes it. */
export interface ReportSchedule {
  /** Stable name: the scheduler's schedule name suffix and the embedded scheduler's log key. */
  readonly name: string;
  readonly run: PeriodicRunType;
  /** Evaluated in each deployed report time zone; each run covers the tenants whose zone it is. */
  readonly expression: string;
  readonly description: string;
}

/**
 * The four schedules — the one list the CDK stack deploys (EventBridge Scheduler, in each tenant
 * time zone) and the embedded scheduler fires. Reports go out at 09:00 local time, covering the
 * previous day, week (Monday–Sunday) or calendar month; the risk check (A14 only) runs every five
 * minutes for high-priority customers.
 */
export const REPORT_SCHEDULES = [
  { name: 'daily-report', run: 'daily', expression: 'cron(0 9 * * ? *)', description: 'Daily report at 09:00 (the previous day)' },
  { name: 'weekly-report', run: 'weekly', expression: 'cron(0 9 ? * MON *)', description: 'Weekly report on Mondays at 09:00 (the previous Monday–Sunday)' },
  { name: 'monthly-report', run: 'monthly', expression: 'cron(0 9 1 * ? *)', description: 'Monthly report on the 1st at 09:00 (the previous month)' },
  { name: 'risk-check', run: 'risk-check', expression: 'cron(0/5 * * * ? *)', description: 'Risk check (A14) of high-priority customers every 5 minutes' },
] as const satisfies readonly ReportSchedule[];

