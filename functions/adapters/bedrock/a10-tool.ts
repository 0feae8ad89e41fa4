import type { ConverseCommandOutput, ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { A10Output } from '../../core/agents/a10-communication-analysis.js';
import { lazy } from '../../core/lazy.js';
import { forcedToolConfig, readToolAnswer, toolInputSchema, type ForcedTool, type ToolAnswer } from './forced-tool.js';

/** The one tool the model may call; its input is the A10 answer. */
export const A10_TOOL_NAME = 'record_communication_analysis';

/** A10's forced tool: its input is the A10 answer. */
export const A10_TOOL: ForcedTool = { name: A10_TOOL_NAME, output: A10Output };

/**
 * The tool configuration for every A10 call, with {@link A10_TOOL_NAME} forced and its input schema
 * generated from `A10Output` (forced-tool.ts says how and why) — on first use, not when the module
 * loads: generating it costs a cold start milliseconds in every bundle that holds the module unused.
 */
export const a10ToolConfig: () => ToolConfiguration = lazy(() =>
  forcedToolConfig(
    A10_TOOL_NAME,
    // Short: the schema already names every field, and the description is billed on every call.
    'Record the analysis of one customer communication. Call it once, every field filled.',
    toolInputSchema(A10_TOOL),
  ),
);

/** The model's answer read as A10: the validated output, or what was wrong with it. */
export type A10ToolAnswer = ToolAnswer<A10Output>;

/** Reads one Converse response as an A10 answer (forced-tool.ts `readToolAnswer`). */
export function readA10Answer(response: ConverseCommandOutput): A10ToolAnswer {
  return readToolAnswer(response, A10_TOOL_NAME, A10Output);
}
