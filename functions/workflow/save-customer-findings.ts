import { noteCustomerNotAnalysed } from '../core/periodic/note-customer-not-analysed.js';
import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { saveCustomerFindings } from '../core/periodic/save-customer-findings.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/**
 * Steps "Save the customer's findings" and "Note the customer not analysed" of the periodic run
 * (one function: the same store access; a `failure` in the input says which).
 */
export const build = (deps: PeriodicRunDependencies) => (step: unknown): Promise<unknown> =>
  typeof step === 'object' && step !== null && 'failure' in step ? noteCustomerNotAnalysed(deps, step) : saveCustomerFindings(deps, step);

export const handler = onAwsWorkflow(build);
