import { createBedrockCustomerAgents } from '../adapters/bedrock/bedrock-customer-agents.js';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-client.js';
import { createLocalCustomerAgents } from '../analysis/agents/local-customer-agents.js';
import { LOCAL_MODEL_ID } from '../config/runtime-config.js';
import type { CustomerAgents } from '../core/ports/customer-agents.js';

/** Agents A11–A14 for a model id: the local rules for `local`, else Bedrock with the rules as fallback. */
export function createCustomerAgents(modelId: string, region: string): CustomerAgents {
  if (modelId === LOCAL_MODEL_ID) return createLocalCustomerAgents();
  return createBedrockCustomerAgents({ client: createBedrockRuntimeClient({ region }), modelId });
}
