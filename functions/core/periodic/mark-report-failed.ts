import { failureReasonOf, type CaughtError } from '../workflow/mark-analysis-failed.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';

export interface FailedRun {
  readonly tenantId: string;
  readonly runId: string;
  readonly reportId: string | null;
  readonly error?: CaughtError;
}

/**
 * The run's catch-all: a report still running is marked `failed` with the reason (a ready report
 * stays ready); the findings already stored stay. The risk check has no report: its failure is the
 * execution's own (and the next check five minutes later runs again).
 */
export async function markReportFailed(deps: PeriodicRunDependencies, run: FailedRun): Promise<{ marked: boolean; reason: string }> {
  const reason = failureReasonOf(run.error);
  if (!run.reportId) return { marked: false, reason };
  const report = await deps.reports.failReport(run.tenantId, run.reportId, reason, deps.clock.now().toISOString());
  return { marked: report?.status === 'failed', reason };
}
