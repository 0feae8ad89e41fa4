import type { ConverseCommandOutput, ToolConfiguration, ToolInputSchema, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { A10Output } from '../../core/agents/a10-communication-analysis.js';
import { zodDetails } from '../../core/validation-details.js';
import { modelFacingSchema } from './model-facing-schema.js';

/** The SDK's JSON document type (a Smithy document), named without importing `@smithy/types`. */
type JsonDocument = ToolInputSchema.JsonMember['json'];

/** The one tool the model may call; its input is the A10 answer. */
export const A10_TOOL_NAME = 'record_communication_analysis';

/**
 * The tool's input schema, generated from `A10Output` so the schema the model sees and the one its
 * answer is validated with cannot drift. `$schema` is dropped: it only names the draft, and Bedrock
 * documents `inputSchema.json` as a plain JSON Schema object. The model sees a shorter, tighter form
 * (model-facing-schema.ts); its answers are still validated with `A10Output` itself. `strict` is not set on the tool: Claude's
 * strict mode rejects `maxItems`, which the schema needs (LiteLLM PR #39115).
 */
export const A10_TOOL_INPUT_SCHEMA: JsonDocument = withoutDialect(modelFacingSchema(z.toJSONSchema(A10Output, { target: 'draft-07' }) as Record<string, unknown>));

/**
 * The tool configuration for every A10 call. `toolChoice.tool` forces this tool, so the answer is
 * structured rather than prose. A forced tool is supported by Anthropic Claude 3+ (the SDK's
 * `SpecificToolChoice` note) and Amazon Nova (Nova user guide, "Choosing a tool"); other models may
 * refuse it with a ValidationException, which the analyzer answers with the local fallback.
 */
export const A10_TOOL_CONFIG: ToolConfiguration = {
  tools: [
    {
      toolSpec: {
        name: A10_TOOL_NAME,
        description:
          'Record the analysis of one customer communication: intent, key facts, sentiment, urgency, follow-up actions, quality score and suggestions. Call it exactly once with every field filled.',
        inputSchema: { json: A10_TOOL_INPUT_SCHEMA },
      },
    },
  ],
  toolChoice: { tool: { name: A10_TOOL_NAME } },
};

/** The model's answer read as A10: the validated output, or what was wrong with it. */
export type A10ToolAnswer =
  | { readonly ok: true; readonly output: A10Output }
  | {
      readonly ok: false;
      /** Short and field-level (`intent.category: Invalid option…`); fed back to the model on repair. */
      readonly problem: string;
      /** False when asking again cannot help (filtered content, a full context window). */
      readonly repairable: boolean;
    };

// Stop reasons after which the same request would be stopped the same way.
const FINAL_STOP_REASONS = new Set(['content_filtered', 'guardrail_intervened', 'model_context_window_exceeded']);

/**
 * Reads one Converse response: finds the `toolUse` block of {@link A10_TOOL_NAME} among whatever else
 * the message holds (text, reasoning, calls to tools we never offered) and validates its input with
 * `A10Output`. A response cut at `maxTokens` counts as invalid even when its input happens to parse:
 * a truncated array or string is not the model's whole answer.
 */
export function readA10Answer(response: ConverseCommandOutput): A10ToolAnswer {
  const stopReason = response.stopReason;
  if (stopReason !== undefined && FINAL_STOP_REASONS.has(stopReason)) {
    return { ok: false, problem: `stopped with ${stopReason}`, repairable: false };
  }
  if (stopReason === 'max_tokens') {
    return { ok: false, problem: 'answer cut off at the output token limit (stopReason max_tokens); keep text fields shorter', repairable: true };
  }
  const calls = toolUsesOf(response);
  const ours = calls.filter((call) => call.name === A10_TOOL_NAME);
  if (ours.length === 0) {
    const others = calls.map((call) => call.name ?? '(unnamed)');
    const problem = others.length > 0 ? `called ${others.join(', ')} instead of ${A10_TOOL_NAME}` : `no ${A10_TOOL_NAME} call`;
    return { ok: false, problem, repairable: true };
  }
  // Forced tool choice yields one call; should a model repeat it, the first valid one is the answer.
  const parsed = ours.map((call) => A10Output.safeParse(call.input));
  const valid = parsed.find((result) => result.success);
  if (valid?.success) return { ok: true, output: valid.data };
  const first = parsed[0];
  const issues = first && !first.success ? zodDetails(first.error).map((detail) => `${detail.path}: ${detail.message}`) : [];
  return { ok: false, problem: issues.join('; '), repairable: true };
}

/** Every `toolUse` block in the response message, in order. */
function toolUsesOf(response: ConverseCommandOutput): ToolUseBlock[] {
  const content = response.output?.message?.content ?? [];
  return content.flatMap((block) => (block.toolUse ? [block.toolUse] : []));
}

function withoutDialect(schema: Record<string, unknown>): JsonDocument {
  const { $schema: _dialect, ...rest } = schema;
  // A JSON Schema is JSON, so it is a Smithy document; the generator's type is just wider (`unknown`).
  return rest as JsonDocument;
}
