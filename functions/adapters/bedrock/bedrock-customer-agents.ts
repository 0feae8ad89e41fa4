import type { CustomerAgents } from '../../core/ports/customer-agents.js';
import { createBedrockAgent, type BedrockAgentOptions } from './bedrock-agent.js';
import { CUSTOMER_AGENT_DEFINITIONS } from './customer-agent-definitions.js';

/**
 * Agents A11–A14 on Bedrock, each falling back to its local rules (`model: local-fallback`) when the
 * model's answer cannot be used, and each valid answer passed through its guard.
 *
 * @example
 * ```ts
 * const agents = config.modelId === LOCAL_MODEL_ID
 *   ? createLocalCustomerAgents()
 *   : createBedrockCustomerAgents({ client: createBedrockRuntimeClient({ region }), modelId: config.modelId });
 * const { output, model } = await agents.risks(input);
 * ```
 */
export function createBedrockCustomerAgents(options: BedrockAgentOptions): CustomerAgents {
  const { insight, opportunities, marketing, risks } = CUSTOMER_AGENT_DEFINITIONS;
  return {
    insight: createBedrockAgent(insight, options),
    opportunities: createBedrockAgent(opportunities, options),
    marketing: createBedrockAgent(marketing, options),
    risks: createBedrockAgent(risks, options),
  };
}
