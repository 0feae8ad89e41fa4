import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import type { AnalysisText } from './analysis-text.js';
import type { IntentCategory } from './intent-lexicon.js';
import type { KeyFacts } from './key-facts.js';
import { clip } from '../schema-limits.js';
import type { SentimentReading } from './sentiment-rules.js';
import type { UrgencyLevel } from './urgency-rules.js';

const POLITE = /您好|你好|请|麻烦|谢谢|感谢|辛苦|\b(?:please|thanks?|thank you|could you|would you|kindly|dear|hi|hello|regards)\b/;
const CLEAR_ASK = /[?？]|请|麻烦|能否|能不能|是否|需要|\b(?:please|could you|can you|would you|we need|let me know)\b/;
const REPEATED_BANGS = /[!！]{2,}/;
const CAPS_WORD = /\b[A-Z]{4,}\b/g;
/** Four all-caps words read as shouting; fewer are acronyms (ASAP, MSDS). */
const SHOUTING_CAPS_WORDS = 4;
const INSULT = /垃圾|骗子|废物|\b(?:idiots?|stupid|scam|useless)\b/;
/** Business intents where the account team needs product, quantity and date to act. */
const NEEDS_SPECIFICS: ReadonlySet<IntentCategory> = new Set(['inquiry', 'order']);

/**
 * Scores how complete and clear a message is, 1–10: a base of 4, up to +2 for substance (length),
 * up to +2 for specifics (product, quantity, price or date), +1 for a clear ask, +1 for courtesy;
 * −2 for a message too short to act on, −1 for shouting or insults.
 */
export function scoreQuality(text: AnalysisText, facts: KeyFacts): number {
  const { keyInfo } = facts;
  const units = contentUnits(text.lower);
  let score = 4;
  if (units >= 15) score += 1;
  if (units >= 40) score += 1;
  if (units < 6) score -= 2;
  const specifics = [keyInfo.products.length > 0, keyInfo.quantity !== null, keyInfo.price !== null || keyInfo.timeline !== null].filter(Boolean).length;
  score += Math.min(2, specifics);
  if (CLEAR_ASK.test(text.lower)) score += 1;
  if (POLITE.test(text.lower)) score += 1;
  const shouting = REPEATED_BANGS.test(text.original) || (text.original.match(CAPS_WORD)?.length ?? 0) >= SHOUTING_CAPS_WORDS;
  if (shouting || INSULT.test(text.lower)) score -= 1;
  return Math.max(1, Math.min(10, Math.round(score)));
}

/** What the account team should keep in mind when answering, in the record's language, at most five. */
export function suggestImprovements(input: {
  readonly intent: IntentCategory;
  readonly facts: KeyFacts;
  readonly sentiment: SentimentReading;
  readonly urgency: UrgencyLevel;
  readonly quality: number;
  readonly language: RecordLanguage;
}): string[] {
  const { keyInfo } = input.facts;
  const zh = input.language === 'zh';
  const tips: string[] = [];
  if (NEEDS_SPECIFICS.has(input.intent)) {
    if (keyInfo.products.length === 0) tips.push(zh ? '向客户确认具体型号/牌号' : 'Confirm the exact product code or grade');
    if (keyInfo.quantity === null) tips.push(zh ? '向客户确认采购数量' : 'Confirm the quantity needed');
    if (keyInfo.timeline === null) tips.push(zh ? '向客户确认需求时间和交期' : 'Confirm when the goods are needed');
  }
  if (keyInfo.competitors.length > 0) tips.push(zh ? '客户提到竞争对手：关注竞品动态，准备有竞争力的方案' : 'A competitor was mentioned: prepare a competitive offer');
  if (input.sentiment.overall === 'negative') tips.push(zh ? '先回应客户情绪，再给出明确的处理时限' : 'Acknowledge the frustration first, then commit to a clear timeline');
  if (input.urgency === 'high') tips.push(zh ? '今天内答复客户' : 'Reply to the customer today');
  if (input.quality <= 3 && input.intent !== 'other') tips.push(zh ? '信息较少，回复时请客户补充细节' : 'Little detail given: ask the customer for specifics');
  return tips.slice(0, 5).map((tip) => clip(tip, 300));
}

/** Chinese ideographs count one each, Latin words and numbers two: roughly the information carried. */
function contentUnits(lower: string): number {
  const ideographs = lower.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = lower.match(/[a-z0-9]+/g)?.length ?? 0;
  return ideographs + 2 * words;
}
