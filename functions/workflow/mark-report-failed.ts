import { markReportFailed, type FailedRun } from '../core/periodic/mark-report-failed.js';
import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Mark the run failed" of the periodic run. */
export const build = (deps: PeriodicRunDependencies) => (step: FailedRun) => markReportFailed(deps, step);

export const handler = onAwsWorkflow(build);
