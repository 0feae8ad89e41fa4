import { createBedrockCustomerAgents } from '../adapters/bedrock/bedrock-customer-agents.js';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-client.js';
import { createLocalCustomerAgents } from '../analysis/agents/local-customer-agents.js';
import { LOCAL_MODEL_ID } from '../config/runtime-config.js';
import type { CustomerAgents } from '../core/ports/customer-agents.js';
import type { ReportWriter } from '../core/ports/report-writer.js';
import { createBedrockReportWriter } from '../adapters/bedrock/bedrock-report-writer.js';
import { createLocalReportWriter } from '../analysis/agents/local-report-writer.js';

/** Agents A11–A14 for a model id: the local rules for `local`, else Bedrock with the rules as fallback. */
export function createCustomerAgents(modelId: string, region: string): CustomerAgents {
  if (modelId === LOCAL_MODEL_ID) return createLocalCustomerAgents();
  return createBedrockCustomerAgents({ client: createBedrockRuntimeClient({ region }), modelId });
}

/** Agent A15's writer for a model id: the local writer for `local`, else Bedrock with it as fallback. */
export function createReportWriter(modelId: string, region: string): ReportWriter {
  if (modelId === LOCAL_MODEL_ID) return createLocalReportWriter();
  return createBedrockReportWriter({ client: createBedrockRuntimeClient({ region }), modelId });
}
