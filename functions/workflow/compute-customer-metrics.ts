import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { computeCustomerInput } from '../core/periodic/compute-customer-input.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Compute the customer's metrics" of the periodic run (A16 coordinator). */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => computeCustomerInput(deps, step);

export const handler = onAwsWorkflow(build);
