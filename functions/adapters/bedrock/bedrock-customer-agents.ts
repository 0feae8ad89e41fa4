import type { CustomerAgents } from '../../core/ports/customer-agents.js';
import { createBedrockAgent, type BedrockAgentOptions } from './bedrock-agent.js';
import { A11_AGENT, A12_AGENT, A13_AGENT, A14_AGENT } from './customer-agent-definitions.js';

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
  return {
    insight: createBedrockAgent(A11_AGENT, options),
    opportunities: createBedrockAgent(A12_AGENT, options),
    marketing: createBedrockAgent(A13_AGENT, options),
    risks: createBedrockAgent(A14_AGENT, options),
  };
}
