import { emailReport } from '../core/periodic/email-report.js';
import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Email the report" of the periodic run. */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => emailReport(deps, step);

export const handler = onAwsWorkflow(build);
