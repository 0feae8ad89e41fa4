import type { A10Input, A10Output } from '../agents/a10-communication-analysis.js';

export interface ModelUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** One A10 answer and how it was obtained. */
export interface AnalysisResult {
  readonly output: A10Output;
  /** The Bedrock model id, `local` (local analyzer by choice) or `local-fallback` (model failed). */
  readonly model: string;
  /** Summed over every model call made for this answer (absent for the local analyzer). */
  readonly usage?: ModelUsage;
  /** Model calls made: 0 for the local analyzer, 2 after a repair retry. */
  readonly modelCalls: number;
  /** Why the model's answer was not used (`model: local-fallback` only). */
  readonly fallbackReason?: string;
  /** Which rules fired (local analyzer): keeps its judgement explainable. */
  readonly explanation?: readonly string[];
}

/** Agent A10: Bedrock on AWS, the local analyzer in embedded mode and as the fallback. */
export interface CommunicationAnalyzer {
  analyze(input: A10Input): Promise<AnalysisResult>;
}

/** The model was throttled after the SDK's own retries; the workflow retries the task with backoff. */
export class ModelThrottledError extends Error {
  override readonly name = 'ModelThrottled';
}
