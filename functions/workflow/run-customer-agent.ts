import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { runCustomerAgent } from '../core/periodic/run-customer-agent.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Customer insight (A11) / Opportunities (A12) / Risks (A14) / Marketing suggestions (A13)" of the periodic run (A16 coordinator). */
export const build = (deps: PeriodicRunDependencies) => (step: unknown) => runCustomerAgent(deps, step);

export const handler = onAwsWorkflow(build);
