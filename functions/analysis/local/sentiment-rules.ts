import type { A10Output } from '../../core/agents/a10-communication-analysis.js';
import { type AnalysisText, wordsBefore } from './analysis-text.js';
import { type CueHit, describeHit, findCues, findPatternCues } from './cue-lexicon.js';
import type { IntentCategory } from './intent-lexicon.js';
import { BLAME_PATTERNS, SHORTFALL_PATTERNS } from './pattern-cues.js';
import { SENTIMENT_LEXICON, type SentimentTag } from './sentiment-lexicon.js';
import { CONDITIONAL } from './time-expressions.js';

export type Sentiment = A10Output['sentiment']['overall'];

/** One sentiment cue with the weight it carried after negation, intensifiers and contrast. */
export interface WeightedCue {
  readonly hit: CueHit<SentimentTag | 'blame' | 'trouble'>;
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
  /** Exclamation marks amplify the cues by a fifth. */
  readonly exclaimed: boolean;
}

const NEGATORS = new Set(['不', '没', '没有', '未', '无', '别', '并不', '并没有', '并非', '不太', '不是', '不够', '不怎么', '从不', '从没', '从来没有', '毫不', '毫无', '绝不', '不算', '谈不上', '不再', '不用', '无需', '不必', '没什么', 'not', 'no', 'never', 'without', 'hardly', 'cannot', 'none', 'nor', 'neither']);
const INTENSIFIERS = new Set(['很', '非常', '太', '特别', '十分', '极其', '极', '相当', '真', '真的', '好', '超', '超级', '实在', '太过', '更', '越来越', '完全', '彻底', '挺', '蛮', '最', '这么', '那么', '如此', 'very', 'really', 'so', 'extremely', 'totally', 'completely', 'highly', 'deeply', 'truly', 'incredibly', 'absolutely', 'quite', 'too', 'super', 'seriously', 'utterly', 'such']);
/** "never been so disappointed", "从来没有这么失望过": negation that stresses instead of flipping. */
const EMPHATIC = new Set(['这么', '那么', '如此', 'so', 'such']);
const CONTRAST = /但是?|不过|可是|然而|\bbut\b|\bhowever\b/g;
/** Intents in which goods that went wrong are bad news; elsewhere (an invoice fix, a processing question) routine. */
const TROUBLE_COUNTS: ReadonlySet<IntentCategory> = new Set(['complaint', 'delivery', 'after_sales']);
/** A cooperation proposal is itself friendly; a complaint is itself unhappy — whatever the words. */
const COOPERATION_GOODWILL = 1;
const COMPLAINT_GRIEVANCE = -1.5;
/** Scores inside ±0.2 are neutral: a polite "谢谢" at the end of a request must not tip the reading. */
const NEUTRAL_BAND = 0.2;
const REQUEST = /[?？]|请|麻烦|能否|能不能|可否|是否|帮忙|希望|please|could you|can you|would you|kindly|let me know|we hope|hope you can|\bpls\b|\bplz\b|\bpse\b/;

/** A-not-A questions (能不能用于…) hold a 不 that negates nothing. */
const A_NOT_A = ['能不能', '好不好', '要不要', '是不是', '行不行', '可不可以', '会不会', '对不对', '有没有', '用不用', '满不满意'];

/** Words the fallback segmenter must keep whole so negation and intensity read as with jieba. */
export const SENTIMENT_MODIFIERS: readonly string[] = [...NEGATORS, ...INTENSIFIERS, ...A_NOT_A].filter((word) => /[^\x00-\x7f]/.test(word));

/**
 * Scores sentiment from weighted cues: an intensifier (很/非常/very) adds half again, a negator in
 * the three words before flips a praise (it counts 80% as blame) and cancels a blame ("不是投诉",
 * "no delay" say nothing warm; "not bad", "没问题" are praise cues of their own), cues before a 但是/but count half, and exclamation marks add
 * a fifth. The sum is squashed to [-1, 1] with raw / (|raw| + 2), so one clear cue reads ±0.4–0.6.
 */
export function judgeSentiment(text: AnalysisText): SentimentReading {
  const asksSomething = REQUEST.test(text.lower);
  const contrastAt = lastIndexOf(text.lower, CONTRAST);
  const cues: WeightedCue[] = [];
  const hits = [...findCues(text, SENTIMENT_LEXICON), ...findPatternCues(text, BLAME_PATTERNS), ...findPatternCues(text, SHORTFALL_PATTERNS)];
  for (const hit of hits) {
    let weight = hit.cue.tag === 'positive' || hit.cue.tag === 'courtesy' ? hit.cue.weight : -hit.cue.weight;
    // "请报价，谢谢" is manners, not warmth; a note that asks nothing ("收到，谢谢！") is warm.
    if (hit.cue.tag === 'courtesy' && asksSomething) weight = 0.3;
    const before = wordsBefore(text, hit.start, 3);
    const negatorAt = before.findIndex((word) => isNegator(word.text));
    const stressedAt = before.findIndex((word) => INTENSIFIERS.has(word.text));
    if (stressedAt >= 0) weight *= 1.5;
    const emphaticNegation = stressedAt >= 0 && stressedAt < negatorAt && EMPHATIC.has(before[stressedAt]?.text ?? '');
    if (negatorAt >= 0 && !emphaticNegation) weight = weight > 0 ? -0.8 * weight : 0;
    if (hit.start < contrastAt) weight *= 0.5;
    // "没问题的话我这边出PO", "if all is well": praise supposed is not praise given.
    if (weight > 0 && CONDITIONAL.test(clauseOf(text, hit.start))) weight *= 0.3;
    cues.push({ hit, weight });
  }
  return reading(cues, text.exclamations > 0, 0);
}

/**
 * Re-reads the sentiment once the intent is known: trouble facts count only where they are bad
 * news (complaint, delivery, after-sales — "少了3托" yes, "发票少了两千" no); a cooperation proposal
 * gains goodwill unless something negative was said; a complaint reads negative unless clearly not.
 */
export function sentimentInContext(sentiment: SentimentReading, intent: IntentCategory): SentimentReading {
  const cues = TROUBLE_COUNTS.has(intent) ? sentiment.cues : sentiment.cues.filter((cue) => cue.hit.cue.tag !== 'trouble');
  const plain = reading(cues, sentiment.exclaimed, 0);
  if (intent === 'cooperation' && plain.raw >= 0) return reading(cues, sentiment.exclaimed, COOPERATION_GOODWILL);
  if (intent === 'complaint' && plain.raw > COMPLAINT_GRIEVANCE) return reading(cues, sentiment.exclaimed, COMPLAINT_GRIEVANCE);
  return plain;
}

/** A one-word mood for the reading, e.g. `frustrated`, `satisfied`, `calm`, `anxious`. */
export function moodFor(sentiment: SentimentReading, context: { readonly urgentNow: boolean; readonly complaint: boolean; readonly shouting: boolean }): string {
  const phrases = sentiment.cues.map((cue) => cue.hit.cue.phrase);
  if (sentiment.overall === 'negative') {
    if (context.shouting && sentiment.score <= -0.6) return 'angry';
    if (phrases.includes('失望') || phrases.includes('disappoint')) return 'disappointed';
    if (context.complaint && sentiment.score <= -0.5) return 'frustrated';
    return context.urgentNow ? 'anxious' : 'concerned';
  }
  if (sentiment.overall === 'positive') {
    if (sentiment.cues.length > 0 && sentiment.cues.every((cue) => cue.hit.cue.tag === 'courtesy')) return 'grateful';
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

function reading(cues: readonly WeightedCue[], exclaimed: boolean, bonus: number): SentimentReading {
  const raw = cues.reduce((sum, cue) => sum + cue.weight, 0) * (exclaimed ? 1.2 : 1) + bonus;
  const score = Math.round((raw / (Math.abs(raw) + 2)) * 100) / 100;
  const overall: Sentiment = score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { overall, score, raw, cues, exclaimed };
}

function clauseOf(text: AnalysisText, offset: number): string {
  const clause = text.clauseAt[offset];
  let start = offset;
  let end = offset;
  while (start > 0 && text.clauseAt[start - 1] === clause) start -= 1;
  while (end < text.lower.length && text.clauseAt[end] === clause) end += 1;
  return text.lower.slice(start, end);
}

/** Whether one of the three words before `offset` (same clause) negates it: "not a complaint", "不是投诉". */
export function isNegatedAt(text: AnalysisText, offset: number): boolean {
  return wordsBefore(text, offset, 3).some((word) => isNegator(word.text));
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || /n['’]t$/.test(word);
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}
