import { estimateTokens } from '../agents/token-estimate.js';
import type { AnalysisResult } from '../ports/analyzer.js';

/**
 * Texts shorter than this, in estimated tokens (after trimming), go to the local analyzer even when
 * a model is configured: "收到，谢谢！" or "Noted, will check." carries no more than the rules see,
 * and a model call per acknowledgment is most of the bill for chat-heavy tenants. Tokens, not
 * characters: twelve characters are a whole Chinese sentence but two English words, so a character
 * threshold let English pleasantries through to the model while holding back Chinese ones of the same
 * weight (token-estimate.ts: a CJK character ≈ 1 token, other text ≈ 4 characters a token).
 */
export const MODEL_MIN_TEXT_TOKENS = 12;
/** Tiered policy: the rules' answer stands when their intent confidence reaches this… */
export const TIERED_CONFIDENCE = 0.8;
/** …on a text no longer than this (long texts mix topics the rules cannot weigh). */
export const TIERED_MAX_CHARS = 280;

/** Why the model is not asked for this text (`undefined`: ask it). */
export function modelSkipReason(text: string, local: AnalysisResult, policy: 'tiered' | 'always'): string | undefined {
  const trimmed = text.trim();
  const length = trimmed.length;
  if (estimateTokens(trimmed) < MODEL_MIN_TEXT_TOKENS) return `text shorter than ${MODEL_MIN_TEXT_TOKENS} tokens`;
  if (policy === 'always') return undefined;
  const confidence = local.output.intent.confidence;
  if (confidence >= TIERED_CONFIDENCE && length <= TIERED_MAX_CHARS) {
    return `tiered policy: local rules confident (${confidence.toFixed(2)}) on a ${length}-character text`;
  }
  return undefined;
}
