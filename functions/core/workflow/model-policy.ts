import type { AnalysisResult } from '../ports/analyzer.js';

/**
 * Texts shorter than this (after trimming) go to the local analyzer even when a model is configured:
 * "收到，谢谢！" carries no more than the rules see, and a model call per acknowledgment is most of
 * the bill for chat-heavy tenants.
 */
export const MODEL_MIN_TEXT_CHARS = 12;
/** Tiered policy: the rules' answer stands when their intent confidence reaches this… */
export const TIERED_CONFIDENCE = 0.8;
/** …on a text no longer than this (long texts mix topics the rules cannot weigh). */
export const TIERED_MAX_CHARS = 280;

/** Why the model is not asked for this text (`undefined`: ask it). */
export function modelSkipReason(text: string, local: AnalysisResult, policy: 'tiered' | 'always'): string | undefined {
  const length = text.trim().length;
  if (length < MODEL_MIN_TEXT_CHARS) return `text shorter than ${MODEL_MIN_TEXT_CHARS} characters`;
  if (policy === 'always') return undefined;
  const confidence = local.output.intent.confidence;
  if (confidence >= TIERED_CONFIDENCE && length <= TIERED_MAX_CHARS) {
    return `tiered policy: local rules confident (${confidence.toFixed(2)}) on a ${length}-character text`;
  }
  return undefined;
}
