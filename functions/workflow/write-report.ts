import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { writeReport, type WriteReportStep } from '../core/periodic/write-report.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Write the report" of the periodic run (agent A15). */
export const build = (deps: PeriodicRunDependencies) => (step: WriteReportStep) => writeReport(deps, step);

export const handler = onAwsWorkflow(build);
