import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { A10Input } from '../../core/agents/a10-communication-analysis.js';
import type { AnalysisResult, CommunicationAnalyzer } from '../../core/ports/analyzer.js';
import { a10RepairInstruction, buildA10Messages } from './a10-prompt.js';
import { a10ToolConfig, A10_TOOL_NAME, readA10Answer } from './a10-tool.js';
import { LOCAL_FALLBACK_MODEL, converseWithOneRepair, shortenReason } from './converse-with-repair.js';

export { LOCAL_FALLBACK_MODEL } from './converse-with-repair.js';

export interface BedrockAnalyzerOptions {
  readonly client: BedrockRuntimeClient;
  /** A model or inference-profile id that supports a forced tool on Converse (Claude 3+, Nova). */
  readonly modelId: string;
  /** Answers when Bedrock cannot: refused calls, or output still invalid after one repair. */
  readonly fallback: CommunicationAnalyzer;
  /** A full A10 answer is about 250–400 tokens; the rest is headroom. @default 600 */
  readonly maxOutputTokens?: number;
  /** Classification, not writing: the most likely answer every time. @default 0 */
  readonly temperature?: number;
}

/**
 * Agent A10 on Bedrock: one Converse call with the A10 tool forced, its input validated by `A10Output`,
 * one repair call that shows the model its validation errors, then the local analyzer as fallback
 * (marked `local-fallback` with the reason). Throttling that outlasts the SDK's retries is the one
 * failure that is not answered locally: it throws `ModelThrottledError` so the workflow retries later.
 * The exchange itself is converse-with-repair.ts, shared with the customer agents A11–A14.
 *
 * @example
 * ```ts
 * const analyzer = createBedrockAnalyzer({
 *   client: createBedrockRuntimeClient(),
 *   modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
 *   fallback: localAnalyzer,
 * });
 * const { output, model, usage, modelCalls } = await analyzer.analyze(input);
 * ```
 */
export function createBedrockAnalyzer(options: BedrockAnalyzerOptions): CommunicationAnalyzer {
  const inferenceConfig = { maxTokens: options.maxOutputTokens ?? 600, temperature: options.temperature ?? 0 };

  return {
    async analyze(input: A10Input): Promise<AnalysisResult> {
      const { system, messages } = buildA10Messages(input);
      const { verdict, modelCalls, usage } = await converseWithOneRepair({
        client: options.client,
        modelId: options.modelId,
        system,
        messages,
        toolConfig: a10ToolConfig(),
        inferenceConfig,
        toolName: A10_TOOL_NAME,
        read: readA10Answer,
        repairInstruction: (problem) => a10RepairInstruction(input.language, problem),
      });

      if (verdict.ok) return { output: verdict.output, model: options.modelId, modelCalls, ...(usage && { usage }) };
      const local = await options.fallback.analyze(input);
      return { ...local, model: LOCAL_FALLBACK_MODEL, fallbackReason: shortenReason(verdict.reason), modelCalls, ...(usage && { usage }) };
    },
  };
}
