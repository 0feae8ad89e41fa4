import type { BedrockRuntimeClient, ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { writeLocalReportNarrative } from '../../analysis/agents/a15-local-report.js';
import { guardA15Narrative } from '../../analysis/agents/a15-narrative-guard.js';
import { A15Narrative, type A15Input } from '../../core/agents/a15-report.js';
import { lazy } from '../../core/lazy.js';
import type { ReportWriter, ReportWriterResult } from '../../core/ports/report-writer.js';
import { A15_TOOL_DESCRIPTION, A15_TOOL_NAME, a15RepairInstruction, buildA15Messages } from './a15-prompt.js';
import { LOCAL_FALLBACK_MODEL, converseWithOneRepair, shortenReason } from './converse-with-repair.js';
import { forcedToolConfig, readToolAnswer, toolInputSchema, type ForcedTool } from './forced-tool.js';

export interface BedrockReportWriterOptions {
  readonly client: BedrockRuntimeClient;
  readonly modelId: string;
  /** A narrative of a few hundred words plus headroom. @default 1500 */
  readonly maxOutputTokens?: number;
}

/** A15's forced tool: its input is the report's narrative. */
export const A15_TOOL: ForcedTool = { name: A15_TOOL_NAME, output: A15Narrative };

/** The forced tool's configuration, on first use (as `a10ToolConfig`). */
export const a15ToolConfig: () => ToolConfiguration = lazy(() => forcedToolConfig(A15_TOOL_NAME, A15_TOOL_DESCRIPTION, toolInputSchema(A15_TOOL)));

/**
 * A15 on Bedrock: one Converse call with the narrative tool forced, the answer validated by
 * `A15Narrative`, one repair call, then the local writer (`local-fallback` with the reason); a valid
 * answer passes `guardA15Narrative`, which drops sentences quoting numbers the facts lack and lists
 * them as `corrections`. Throttling after the SDK's retries rejects with `ModelThrottledError` (the
 * workflow retries the step).
 *
 * @example
 * const writer = createBedrockReportWriter({ client: createBedrockRuntimeClient(), modelId: 'amazon.nova-micro-v1:0' });
 * const { narrative, model } = await writer.write(input);
 */
export function createBedrockReportWriter(options: BedrockReportWriterOptions): ReportWriter {
  const inferenceConfig = { maxTokens: options.maxOutputTokens ?? 1500, temperature: 0 };
  return {
    async write(input: A15Input): Promise<ReportWriterResult> {
      const { system, messages } = buildA15Messages(input);
      const { verdict, modelCalls, usage } = await converseWithOneRepair({
        client: options.client,
        modelId: options.modelId,
        system,
        messages,
        toolConfig: a15ToolConfig(),
        inferenceConfig,
        toolName: A15_TOOL_NAME,
        read: (response) => readToolAnswer(response, A15_TOOL_NAME, A15Narrative),
        repairInstruction: (problem) => a15RepairInstruction(input.language, problem),
      });
      if (verdict.ok) {
        const { narrative, corrections } = guardA15Narrative(verdict.output, input);
        return { narrative, model: options.modelId, modelCalls, ...(usage && { usage }), ...(corrections.length > 0 && { corrections }) };
      }
      return { narrative: writeLocalReportNarrative(input), model: LOCAL_FALLBACK_MODEL, modelCalls, ...(usage && { usage }), fallbackReason: shortenReason(verdict.reason) };
    },
  };
}
