import type { ConverseCommandOutput, ToolConfiguration, ToolInputSchema, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import * as z from '../../core/zod.js';
import { zodDetails } from '../../core/validation-details.js';
import { modelFacingSchema, type ModelFacingOptions } from './model-facing-schema.js';

/** The SDK's JSON document type (a Smithy document), named without importing `@smithy/types`. */
export type JsonDocument = ToolInputSchema.JsonMember['json'];

/** A forced tool: its name, the zod schema its input is validated with, and how the model sees that schema. */
export interface ForcedTool {
  readonly name: string;
  readonly output: z.ZodMiniType;
  readonly options?: ModelFacingOptions;
}

/**
 * A forced tool's input schema, generated from the agent's zod output so the schema the model sees
 * and the one its answer is validated with cannot drift. `$schema` is dropped: it only names the
 * draft, and Bedrock documents `inputSchema.json` as a plain JSON Schema object. The model sees a
 * shorter, tighter form (model-facing-schema.ts); its answers are still validated with the zod schema
 * itself. `strict` is not set on the tool: Claude's strict mode rejects `maxItems`, which the schemas
 * need (LiteLLM PR #39115).
 */
export function generateToolInputSchema(tool: ForcedTool): JsonDocument {
  const generated = z.toJSONSchema(tool.output, { target: 'draft-07' }) as Record<string, unknown>;
  const { $schema: _dialect, ...rest } = modelFacingSchema(generated, tool.options);
  // A JSON Schema is JSON, so it is a Smithy document; the generator's type is just wider (`unknown`).
  return rest as JsonDocument;
}

/**
 * The input schema of `tool`. A Lambda bundle of a Bedrock step carries its tools' schemas generated
 * at synth (`COMMHUB_TOOL_SCHEMAS`, lib/tool-schema-defines.ts), and neither zod's JSON Schema
 * generator (~21 KB) nor the work of running it on a cold start; elsewhere they are generated here.
 */
export function toolInputSchema(tool: ForcedTool): JsonDocument {
  // Literal in a bundle (bundle-flags.d.ts): first in the function, where esbuild folds it.
  const withGenerator = typeof COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR === 'undefined' || COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR;
  if (withGenerator) return generateToolInputSchema(tool);
  const schema = COMMHUB_TOOL_SCHEMAS?.[tool.name];
  if (schema === undefined) throw new Error(`${tool.name}: no input schema was generated for this tool at synth (lib/tool-schema-defines.ts)`);
  return schema;
}

/**
 * The configuration of one tool the model must call. `toolChoice.tool` forces it, so the answer is
 * structured rather than prose. A forced tool is supported by Anthropic Claude 3+ (the SDK's
 * `SpecificToolChoice` note) and Amazon Nova (Nova user guide, "Choosing a tool"); other models may
 * refuse it with a ValidationException, which the callers answer with their local fallback.
 */
export function forcedToolConfig(name: string, description: string, inputSchema: JsonDocument): ToolConfiguration {
  return { tools: [{ toolSpec: { name, description, inputSchema: { json: inputSchema } } }], toolChoice: { tool: { name } } };
}

/** The model's answer read against the schema: the validated output, or what was wrong with it. */
export type ToolAnswer<Output> =
  | { readonly ok: true; readonly output: Output }
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
 * Reads one Converse response: finds the `toolUse` block of `toolName` among whatever else the
 * message holds (text, reasoning, calls to tools we never offered) and validates its input with
 * `output`. A response cut at `maxTokens` counts as invalid even when its input happens to parse:
 * a truncated array or string is not the model's whole answer.
 */
export function readToolAnswer<Output>(response: ConverseCommandOutput, toolName: string, output: z.ZodMiniType<Output>): ToolAnswer<Output> {
  const stopReason = response.stopReason;
  if (stopReason !== undefined && FINAL_STOP_REASONS.has(stopReason)) {
    return { ok: false, problem: `stopped with ${stopReason}`, repairable: false };
  }
  if (stopReason === 'max_tokens') {
    return { ok: false, problem: 'answer cut off at the output token limit (stopReason max_tokens); keep text fields shorter', repairable: true };
  }
  const calls = toolUsesOf(response);
  const ours = calls.filter((call) => call.name === toolName);
  if (ours.length === 0) {
    const others = calls.map((call) => call.name ?? '(unnamed)');
    const problem = others.length > 0 ? `called ${others.join(', ')} instead of ${toolName}` : `no ${toolName} call`;
    return { ok: false, problem, repairable: true };
  }
  // Forced tool choice yields one call; should a model repeat it, the first valid one is the answer.
  const parsed = ours.map((call) => output.safeParse(call.input));
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
