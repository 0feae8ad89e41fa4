import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { planPeriodicRun } from '../core/periodic/plan-periodic-run.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Plan the run" of the periodic run (A16 coordinator). */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => planPeriodicRun(deps, step);

export const handler = onAwsWorkflow(build);
