import type { BedrockRuntimeClient, ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import type * as z from '../../core/zod.js';
import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import type { CustomerAgentResult } from '../../core/ports/customer-agents.js';
import type { AnswerGuard } from '../../analysis/agents/answer-guard.js';
import { LOCAL_FALLBACK_MODEL, converseWithOneRepair, shortenReason } from './converse-with-repair.js';
import { buildCustomerAgentMessages, customerAgentRepairInstruction, type CustomerAgentPrompt } from './customer-agent-prompt.js';
import { forcedToolConfig, readToolAnswer, toolInputSchema, type ForcedTool } from './forced-tool.js';

/** Lists a customer agent's model may fill: more than A10's three, as A14 may name several risks. */
export const CUSTOMER_AGENT_LIST_MAX = 5;

/** Everything that makes one customer agent: its schema, prompt, local rules and guard. */
export interface BedrockAgentDefinition<Output> {
  readonly output: z.ZodMiniType<Output>;
  readonly prompt: CustomerAgentPrompt;
  /** What the forced tool records (its description). */
  readonly toolDescription: string;
  /** The local rules: the fallback when the model's answer cannot be used. */
  readonly local: (input: CustomerAgentInput) => Output;
  /** Puts the computed facts back into a valid model answer. */
  readonly guard: AnswerGuard<Output>;
  /** Output token budget of one call (a full answer plus headroom). */
  readonly maxOutputTokens: number;
}

export interface BedrockAgentOptions {
  readonly client: BedrockRuntimeClient;
  /** A model or inference-profile id that supports a forced tool on Converse (Claude 3+, Nova). */
  readonly modelId: string;
  /** Judgement on given figures, not creative writing: the most likely answer every time. @default 0 */
  readonly temperature?: number;
}

/** The forced tool of a definition: its input is the agent's answer, lists capped at {@link CUSTOMER_AGENT_LIST_MAX}. */
export function agentTool(definition: Pick<BedrockAgentDefinition<unknown>, 'output' | 'prompt'>): ForcedTool {
  return { name: definition.prompt.toolName, output: definition.output, options: { listMax: CUSTOMER_AGENT_LIST_MAX } };
}

/** The forced tool's configuration of a definition, its input schema generated from the definition's zod schema. */
export function agentToolConfig(definition: Pick<BedrockAgentDefinition<unknown>, 'output' | 'prompt' | 'toolDescription'>): ToolConfiguration {
  return forcedToolConfig(definition.prompt.toolName, definition.toolDescription, toolInputSchema(agentTool(definition)));
}

/**
 * One customer agent on Bedrock: Converse with the agent's tool forced, the answer validated with its
 * zod schema, one repair call showing the validation error, then the local rules (`model:
 * local-fallback` with the reason). A valid answer passes the agent's guard, which puts the computed
 * facts back and lists what it changed as `corrections`. Throttling after the SDK's retries rejects
 * with `ModelThrottledError`.
 *
 * @example
 * ```ts
 * const risks = createBedrockAgent(A14_AGENT, { client, modelId });
 * const { output, model, corrections } = await risks(input);
 * ```
 */
export function createBedrockAgent<Output>(
  definition: BedrockAgentDefinition<Output>,
  options: BedrockAgentOptions,
): (input: CustomerAgentInput) => Promise<CustomerAgentResult<Output>> {
  const toolConfig = agentToolConfig(definition);
  const inferenceConfig = { maxTokens: definition.maxOutputTokens, temperature: options.temperature ?? 0 };
  const { prompt, output: schema } = definition;

  return async (input) => {
    const { system, messages } = buildCustomerAgentMessages(prompt, input);
    const { verdict, modelCalls, usage } = await converseWithOneRepair({
      client: options.client,
      modelId: options.modelId,
      system,
      messages,
      toolConfig,
      inferenceConfig,
      toolName: prompt.toolName,
      read: (response) => readToolAnswer(response, prompt.toolName, schema),
      repairInstruction: (problem) => customerAgentRepairInstruction(prompt, input.language, problem),
    });

    if (verdict.ok) {
      const { output, corrections } = definition.guard(verdict.output, input);
      return { output, model: options.modelId, modelCalls, ...(usage && { usage }), ...(corrections.length > 0 && { corrections }) };
    }
    return { output: definition.local(input), model: LOCAL_FALLBACK_MODEL, modelCalls, ...(usage && { usage }), fallbackReason: shortenReason(verdict.reason) };
  };
}
