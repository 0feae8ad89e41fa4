import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { writeReport } from '../core/periodic/write-report.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Write the report" of the periodic run (agent A15). */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => writeReport(deps, step);

export const handler = onAwsWorkflow(build);
