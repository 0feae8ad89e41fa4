import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import type { CustomerAgentResult, CustomerAgents } from '../../core/ports/customer-agents.js';
import { localCustomerInsight } from './a11-local-customer-insight.js';
import { localOpportunities } from './a12-local-opportunity-mining.js';
import { localMarketingSuggestions } from './a13-local-marketing-suggestions.js';
import { localRiskAlerts } from './a14-local-risk-alerts.js';

/** The `model` of an answer the local rules gave by choice. */
export const LOCAL_MODEL = 'local';

const byRules =
  <Output>(agent: (input: CustomerAgentInput) => Output) =>
  async (input: CustomerAgentInput): Promise<CustomerAgentResult<Output>> => ({ output: agent(input), model: LOCAL_MODEL, modelCalls: 0 });

/**
 * Agents A11–A14 by rules only: the embedded runtime's agents (no model call, deterministic).
 *
 * @example
 * const agents = createLocalCustomerAgents();
 * const { output, model } = await agents.risks(input); // model === 'local'
 */
export function createLocalCustomerAgents(): CustomerAgents {
  return {
    insight: byRules(localCustomerInsight),
    opportunities: byRules(localOpportunities),
    marketing: byRules(localMarketingSuggestions),
    risks: byRules(localRiskAlerts),
  };
}
