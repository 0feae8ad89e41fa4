import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { saveCustomerFindings } from '../core/periodic/save-customer-findings.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Save the customer's findings" of the periodic run (A16 coordinator). */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => saveCustomerFindings(deps, step);

export const handler = onAwsWorkflow(build);
