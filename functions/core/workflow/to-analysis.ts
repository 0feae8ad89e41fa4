import type { Analysis, FollowUpItem, ModelInputRecord } from '../model/analysis.js';
import type { AnalysisResult } from '../ports/analyzer.js';

export interface AnalysisContext {
  readonly followUps: readonly FollowUpItem[];
  readonly alertInsightId?: string;
  readonly run: string;
  readonly analyzedAt: string;
  readonly modelInput?: ModelInputRecord;
  readonly modelSkipped?: string;
}

const orUndefined = (value: string | null) => value ?? undefined;

/**
 * The rules that decided intent, sentiment and urgency — what a reader needs to see why. The rest
 * (facts counted, segmenter used) stays in the analyzer's own output: every byte on the record is
 * written three times (the item and its two index copies) and again on each analysis.
 */
function storedExplanation(lines: readonly string[]): string[] {
  return lines.filter((line) => /^(intent|sentiment|urgency):/.test(line)).map((line) => line.slice(0, 200));
}

/** A10's answer (seed shape, snake_case) as the record's analysis block (camelCase). */
export function toAnalysis(result: AnalysisResult, context: AnalysisContext): Analysis {
  const { output } = result;
  return {
    status: 'completed',
    intent: output.intent,
    keyInfo: {
      products: output.key_info.products,
      price: orUndefined(output.key_info.price),
      quantity: orUndefined(output.key_info.quantity),
      timeline: orUndefined(output.key_info.timeline),
      competitors: output.key_info.competitors,
    },
    sentiment: output.sentiment,
    urgency: output.urgency,
    followUps: [...context.followUps],
    qualityScore: output.quality_score,
    insights: [],
    suggestions: output.suggestions,
    tags: [],
    model: result.model,
    modelCalls: result.modelCalls,
    ...(result.usage ? { usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens } } : {}),
    ...(result.fallbackReason ? { fallbackReason: result.fallbackReason.slice(0, 2000) } : {}),
    ...(result.explanation ? { explanation: storedExplanation(result.explanation) } : {}),
    ...(context.modelInput ? { modelInput: context.modelInput } : {}),
    ...(context.modelSkipped ? { modelSkipped: context.modelSkipped } : {}),
    ...(context.alertInsightId ? { alertInsightId: context.alertInsightId } : {}),
    analyzedAt: context.analyzedAt,
    run: context.run,
  };
}
