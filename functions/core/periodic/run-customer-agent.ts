import * as z from '../zod.js';
import { CustomerAgentInput, newsOnly } from '../agents/customer-agent-input.js';
import { countModelUse } from '../agents/model-use-metrics.js';
import type { CustomerAgentResult } from '../ports/customer-agents.js';
import type { MetricAgent } from '../ports/metrics.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';

export const CUSTOMER_AGENTS = ['insight', 'opportunities', 'marketing', 'risks'] as const;
export type CustomerAgentName = (typeof CUSTOMER_AGENTS)[number];

/** Each agent as the `agent` metric dimension names it. */
const AGENT_IDS: Readonly<Record<CustomerAgentName, MetricAgent>> = { insight: 'A11', opportunities: 'A12', marketing: 'A13', risks: 'A14' };

const AgentCall = z.object({ agent: z.enum(CUSTOMER_AGENTS), input: CustomerAgentInput });

/** A14's input: every summary (customer-agent-input.ts `PRIOR_CONTEXT_SUMMARIES` says why), no period mark. */
const withoutNewsMark = ({ newsSince: _period, ...input }: CustomerAgentInput): CustomerAgentInput => input;

/**
 * Step "Customer insight (A11)", "Opportunities (A12)", "Marketing suggestions (A13)", "Risks (A14)":
 * one function for the four agents (same input, same permissions; in a tenant-wide report A11–A13
 * see only the period's record summaries and a few before it, `newsOnly`). Throttling that outlasts the
 * SDK's retries rejects with `ModelThrottled`, which the state machine retries with backoff.
 */
export async function runCustomerAgent(deps: PeriodicRunDependencies, call: unknown): Promise<CustomerAgentResult<unknown>> {
  const { agent, input } = AgentCall.parse(call);
  const result = await deps.agents[agent](agent === 'risks' ? withoutNewsMark(input) : newsOnly(input));
  countModelUse(deps.metrics, AGENT_IDS[agent], result);
  return result;
}
