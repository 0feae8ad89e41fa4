import type { A10Output } from '../../core/agents/a10-communication-analysis.js';
import { type AnalysisText, wordsBefore } from './analysis-text.js';
import { type CueHit, describeHit, findCues } from './cue-lexicon.js';
import { SENTIMENT_LEXICON } from './sentiment-lexicon.js';

export type Sentiment = A10Output['sentiment']['overall'];
type SentimentTag = 'positive' | 'negative' | 'courtesy';

/** One sentiment cue with the weight it carried after negation, intensifiers and contrast. */
export interface WeightedCue {
  readonly hit: CueHit<SentimentTag>;
  readonly weight: number;
}

/** How warm or cold a message reads. */
export interface SentimentReading {
  readonly overall: Sentiment;
  /** In [-1, 1], two decimals. */
  readonly score: number;
  /** The unbounded sum the score is squashed from. */
  readonly raw: number;
  readonly cues: readonly WeightedCue[];
}

const NEGATORS = new Set(['不', '没', '没有', '未', '无', '别', '并不', '并没有', '并非', '不太', '不是', '不够', '不怎么', '从不', '从没', '从来没有', '毫不', '毫无', '绝不', '不算', '谈不上', '不再', '不用', '无需', '不必', '没什么', 'not', 'no', 'never', 'without', 'hardly', 'cannot', 'none', 'nor', 'neither']);
const INTENSIFIERS = new Set(['很', '非常', '太', '特别', '十分', '极其', '极', '相当', '真', '真的', '好', '超', '超级', '实在', '太过', '更', '越来越', '完全', '彻底', '挺', '蛮', '最', '这么', '那么', '如此', 'very', 'really', 'so', 'extremely', 'totally', 'completely', 'highly', 'deeply', 'truly', 'incredibly', 'absolutely', 'quite', 'too', 'super', 'seriously', 'utterly', 'such']);
/** "never been so disappointed", "从来没有这么失望过": negation that stresses instead of flipping. */
const EMPHATIC = new Set(['这么', '那么', '如此', 'so', 'such']);
const CONTRAST = /但是|不过|可是|然而|\bbut\b|\bhowever\b/g;
const REQUEST = /[?？]|请|麻烦|能否|能不能|可否|是否|帮忙|please|could you|can you|would you|kindly|let me know/;

/** Words the fallback segmenter must keep whole so negation and intensity read as with jieba. */
export const SENTIMENT_MODIFIERS: readonly string[] = [...NEGATORS, ...INTENSIFIERS].filter((word) => /[^\x00-\x7f]/.test(word));

/**
 * Scores sentiment from weighted cues: an intensifier (很/非常/very) adds half again, a negator in
 * the three words before flips a cue (a negated praise counts 80% as blame, a negated blame 50% as
 * praise: "not bad" is faint praise), cues before a 但是/but count half, and exclamation marks add
 * a fifth. The sum is squashed to [-1, 1] with raw / (|raw| + 2), so one clear cue reads ±0.4–0.6.
 */
export function judgeSentiment(text: AnalysisText): SentimentReading {
  const asksSomething = REQUEST.test(text.lower);
  const contrastAt = lastIndexOf(text.lower, CONTRAST);
  const cues: WeightedCue[] = [];
  for (const hit of findCues(text, SENTIMENT_LEXICON)) {
    let weight = hit.cue.tag === 'negative' ? -hit.cue.weight : hit.cue.weight;
    // "请报价，谢谢" is manners, not warmth; a note that asks nothing ("收到，谢谢！") is warm.
    if (hit.cue.tag === 'courtesy' && asksSomething) weight = 0.3;
    const before = wordsBefore(text, hit.start, 3);
    const negatorAt = before.findIndex((word) => isNegator(word.text));
    const stressedAt = before.findIndex((word) => INTENSIFIERS.has(word.text));
    if (stressedAt >= 0) weight *= 1.5;
    const emphaticNegation = stressedAt >= 0 && stressedAt < negatorAt && EMPHATIC.has(before[stressedAt]?.text ?? '');
    if (negatorAt >= 0 && !emphaticNegation) weight = weight > 0 ? -0.8 * weight : -0.5 * weight;
    if (hit.start < contrastAt) weight *= 0.5;
    cues.push({ hit, weight });
  }
  let raw = cues.reduce((sum, cue) => sum + cue.weight, 0);
  if (text.exclamations > 0) raw *= 1.2;
  return reading(raw, cues);
}

/**
 * Adds goodwill the cues cannot see: a cooperation proposal is itself a friendly act, so it reads
 * positive unless something negative was said.
 */
export function withGoodwill(sentiment: SentimentReading, bonus: number): SentimentReading {
  return sentiment.raw < 0 ? sentiment : reading(sentiment.raw + bonus, sentiment.cues);
}

/** A one-word mood for the reading, e.g. `frustrated`, `satisfied`, `calm`, `anxious`. */
export function moodFor(sentiment: SentimentReading, context: { readonly urgentNow: boolean; readonly complaint: boolean; readonly shouting: boolean }): string {
  const phrases = sentiment.cues.map((cue) => cue.hit.cue.phrase);
  if (sentiment.overall === 'negative') {
    if (context.shouting && sentiment.score <= -0.6) return 'angry';
    if (phrases.some((phrase) => phrase === '失望' || phrase === 'disappoint')) return 'disappointed';
    if (context.complaint && sentiment.score <= -0.5) return 'frustrated';
    return context.urgentNow ? 'anxious' : 'concerned';
  }
  if (sentiment.overall === 'positive') {
    if (sentiment.cues.every((cue) => cue.hit.cue.tag === 'courtesy')) return 'grateful';
    if (sentiment.cues.some((cue) => cue.hit.cue.tag === 'positive' && cue.weight >= 2.5)) return 'satisfied';
    return sentiment.cues.length === 0 ? 'optimistic' : 'pleased';
  }
  return context.urgentNow ? 'anxious' : 'calm';
}

/** `sentiment:negative(-0.8) ← 失望(-4.5), 退货(-2)` */
export function explainSentiment(sentiment: SentimentReading): string {
  const cues = sentiment.cues.map((cue) => describeHit(cue.hit, cue.weight)).join(', ');
  return `sentiment:${sentiment.overall}(${sentiment.score}) ← ${cues || 'no sentiment cues'}`;
}

function reading(raw: number, cues: readonly WeightedCue[]): SentimentReading {
  const score = Math.round((raw / (Math.abs(raw) + 2)) * 100) / 100;
  const overall: Sentiment = score >= 0.15 ? 'positive' : score <= -0.15 ? 'negative' : 'neutral';
  return { overall, score, raw, cues };
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || /n['’]t$/.test(word);
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}
