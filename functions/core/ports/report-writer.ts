import type { A15Input, A15Narrative } from '../agents/a15-report.js';
import type { ModelUsage } from './analyzer.js';

/** A15's words for a report and how they were obtained (the same fields as the other agents' results). */
export interface ReportWriterResult {
  readonly narrative: A15Narrative;
  /** The Bedrock model id, `local` (rules by choice) or `local-fallback` (the model's answer was unusable). */
  readonly model: string;
  readonly modelCalls: number;
  readonly usage?: ModelUsage;
  readonly fallbackReason?: string;
  /** What the number guard changed in the model's answer: sentences dropped (or the summary replaced) for quoting numbers the facts lack. */
  readonly corrections?: readonly string[];
}

/**
 * Agent A15's writer: the summary, highlights and action plan around a report's computed facts.
 * Bedrock with the local writer as fallback on AWS, the local writer in embedded mode.
 */
export interface ReportWriter {
  write(input: A15Input): Promise<ReportWriterResult>;
}
