import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { INTENT_CATEGORIES } from '../../core/model/record-types.js';
import type { AnalysisText } from './analysis-text.js';
import { type CueHit, describeHit, findCues, findPatternCues } from './cue-lexicon.js';
import { INTENT_LEXICON, type IntentCategory } from './intent-lexicon.js';
import type { KeyFacts } from './key-facts.js';
import { BLAME_PATTERNS, INTENT_PATTERNS } from './pattern-cues.js';
import { clip } from '../schema-limits.js';
import { isNegatedAt, type SentimentReading } from './sentiment-rules.js';

/** The intent a message was classified as, with the evidence. */
export interface IntentReading {
  readonly category: IntentCategory;
  readonly confidence: number;
  readonly scores: ReadonlyMap<IntentCategory, number>;
  readonly hits: readonly CueHit<IntentCategory>[];
}

/**
 * On equal scores the more specific problem wins: a complaint about a late shipment is a complaint,
 * a payment with "请安排发货" is a payment, a warranty replacement is after-sales, a PO that asks
 * for the ship date is an order.
 */
const TIE_ORDER: readonly IntentCategory[] = ['complaint', 'after_sales', 'payment', 'order', 'delivery', 'technical', 'inquiry', 'cooperation', 'other'];
/** Complaint cues count this much more when feelings are voiced: "退货" said angrily is a complaint. */
const UNHAPPY_COMPLAINT_BONUS = 2;
/** Feeling words (失望, 😡, losing patience) lend half their weight to complaint, up to this much. */
const FEELING_TO_COMPLAINT_MAX = 3;
/** Cues below this weight only support; together they count at most this much. */
const WEAK_CUE = 2;
/** Where the rules' answer is capped when in doubt: below the 0.8 at which callers trust them. */
const UNSURE = 0.75;
/** Intents a complaint may hide behind when a problem is mentioned. */
const PROBLEM_MAY_HIDE: ReadonlySet<IntentCategory> = new Set(['technical', 'inquiry', 'cooperation', 'other']);
/** How much `other` must outweigh a business intent that has a cue naming it (weight ≥ 3). */
const OTHER_OVER_BUSINESS = 1.5;

/**
 * Scores every intent by its cue weights and picks the best. `other` (greetings, thanks, meeting
 * logistics) wins only over weaker business cues. Blame patterns count as complaint cues, and
 * feelings (not mere trouble: "停线" is a delivery fact) push towards complaint; an unhappy message
 * without any cue is a complaint. See {@link intentConfidence} for the confidence.
 */
export function classifyIntent(text: AnalysisText, sentiment: SentimentReading): IntentReading {
  const blame = findPatternCues(text, BLAME_PATTERNS).map((hit) => ({ ...hit, cue: { ...hit.cue, tag: 'complaint' as const } }));
  // "Not a complaint, just feedback", "haven't had any quality issues": a complaint word under negation
  // names no complaint — unless the message is unhappy anyway ("到现在都没有给个说法").
  const found = [...findCues(text, INTENT_LEXICON), ...findPatternCues(text, INTENT_PATTERNS), ...blame];
  const denied = (hit: CueHit<IntentCategory>) => hit.cue.tag === 'complaint' && sentiment.overall !== 'negative' && isNegatedAt(text, hit.start);
  const hits = found.filter((hit) => !denied(hit)).sort((a, b) => a.start - b.start);
  const scores = scoreIntents(hits, sentiment);
  const unhappy = sentiment.overall === 'negative';

  const ranked = [...TIE_ORDER].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  const bestBusiness = ranked.find((category) => category !== 'other') ?? 'other';
  const businessScore = scores.get(bestBusiness) ?? 0;
  const otherScore = scores.get('other') ?? 0;
  if (businessScore === 0 && otherScore === 0) {
    const category = unhappy ? 'complaint' : 'other';
    return { category, confidence: unhappy ? 0.4 : 0.3, scores, hits };
  }
  // Meeting words around a named business ("sign the framework agreement — call next Tuesday?")
  // serve that business: `other` must then clearly outweigh it.
  const strongBusiness = hits.some((hit) => hit.cue.tag === bestBusiness && hit.cue.weight >= 3);
  const category = otherScore > businessScore * (strongBusiness ? OTHER_OVER_BUSINESS : 1) ? 'other' : bestBusiness;
  return { category, confidence: intentConfidence(category, scores, hits, sentiment), scores, hits };
}

function scoreIntents(hits: readonly CueHit<IntentCategory>[], sentiment: SentimentReading): Map<IntentCategory, number> {
  const scores = new Map<IntentCategory, number>(INTENT_CATEGORIES.map((category) => [category, 0]));
  // Supporting words (型号, 牌号, material: weight < 2) add up to at most one typical cue, so that
  // "两个牌号的价格对比" stays a price question.
  const weak = new Map<IntentCategory, number>();
  for (const hit of hits) {
    if (hit.cue.weight < WEAK_CUE) weak.set(hit.cue.tag, (weak.get(hit.cue.tag) ?? 0) + hit.cue.weight);
    else scores.set(hit.cue.tag, (scores.get(hit.cue.tag) ?? 0) + hit.cue.weight);
  }
  for (const [tag, sum] of weak) scores.set(tag, (scores.get(tag) ?? 0) + Math.min(WEAK_CUE, sum));
  const unhappy = sentiment.overall === 'negative';
  // Feeling is a blame word, rhetorical blame or a praise denied ("not happy", "不满意"), never a trouble fact.
  const feeling = sentiment.cues.filter((cue) => cue.hit.cue.tag !== 'trouble' && cue.weight < 0).reduce((sum, cue) => sum - cue.weight, 0);
  let complaint = scores.get('complaint') ?? 0;
  if (feeling > 0 && complaint > 0) complaint += UNHAPPY_COMPLAINT_BONUS;
  if (unhappy) complaint += Math.min(FEELING_TO_COMPLAINT_MAX, feeling / 2);
  // Thanks for a fixed defect is not a complaint: "Thank you for replacing the defective panels".
  if (sentiment.overall === 'positive') complaint /= 2;
  scores.set('complaint', complaint);
  // …and an unhappy message is not a proposal: "not what we expect from a long-term partner".
  if (unhappy) scores.set('cooperation', (scores.get('cooperation') ?? 0) / 2);
  return scores;
}

/**
 * How sure the rules are, in [0.3, 0.95]: it grows with the margin over the runner-up. At or above
 * 0.8 the caller skips the model, so two kinds of answer stay below it: one that rests on a single
 * cue short of decisive (weight < 4), and a technical, inquiry, cooperation or `other` answer to a
 * message that mentions something going wrong — quality complaints worded as process questions
 * are where the rules were confidently wrong on blind sets.
 */
export function intentConfidence(
  category: IntentCategory,
  scores: ReadonlyMap<IntentCategory, number>,
  hits: readonly CueHit<IntentCategory>[],
  sentiment: SentimentReading,
): number {
  const top = scores.get(category) ?? 0;
  const runnerUp = Math.max(...INTENT_CATEGORIES.filter((c) => c !== category).map((c) => scores.get(c) ?? 0));
  let confidence = Math.min(0.95, Math.max(0.3, 0.35 + (0.6 * (top - runnerUp)) / (top + 1)));
  const own = hits.filter((hit) => hit.cue.tag === category);
  const singleCue = own.length === 1 && (own[0]?.cue.weight ?? 0) < 4;
  const troubleMentioned = PROBLEM_MAY_HIDE.has(category) && sentiment.cues.some((cue) => cue.weight < 0);
  if (singleCue || troubleMentioned) confidence = Math.min(confidence, UNSURE);
  return Math.round(confidence * 100) / 100;
}

/** `intent:complaint ← 退货(+3), 失望(+3) | delivery=2.5` */
export function explainIntent(intent: IntentReading): string {
  const own = intent.hits.filter((hit) => hit.cue.tag === intent.category).map((hit) => describeHit(hit));
  const others = [...intent.scores]
    .filter(([category, score]) => category !== intent.category && score > 0)
    .map(([category, score]) => `${category}=${score}`);
  return `intent:${intent.category} ← ${own.join(', ') || 'no cues'}${others.length > 0 ? ` | ${others.join(' ')}` : ''}`;
}

const LABELS: Record<RecordLanguage, Record<IntentCategory, string>> = {
  zh: {
    inquiry: '询价/产品咨询',
    complaint: '客户投诉',
    technical: '技术咨询',
    cooperation: '合作洽谈',
    order: '订单事务',
    payment: '付款/发票',
    delivery: '交付/物流',
    after_sales: '售后服务',
    other: '日常沟通',
  },
  en: {
    inquiry: 'Price/product inquiry',
    complaint: 'Customer complaint',
    technical: 'Technical question',
    cooperation: 'Cooperation proposal',
    order: 'Order matter',
    payment: 'Payment/invoice',
    delivery: 'Delivery/logistics',
    after_sales: 'After-sales service',
    other: 'General communication',
  },
};

/**
 * A one-line summary: the intent's label, then the key facts, or else the cues that decided it —
 * `询价/产品咨询：PCR-ABS-1000，50吨，含税价`, `Customer complaint: disappointed, third time`.
 */
export function describeIntent(intent: IntentReading, facts: KeyFacts, language: RecordLanguage): string {
  const { keyInfo } = facts;
  const details = [keyInfo.products.slice(0, 3).join('/'), keyInfo.quantity, keyInfo.price, facts.orderReference, keyInfo.timeline].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  const evidence = [...new Set(intent.hits.filter((hit) => hit.cue.tag === intent.category).map((hit) => hit.matched.trim()))].slice(0, 3);
  // Greetings and thanks need no evidence list: the label says it all.
  const parts = details.length > 0 ? details : intent.category === 'other' ? [] : evidence;
  const label = LABELS[language][intent.category];
  if (parts.length === 0) return label;
  return clip(language === 'zh' ? `${label}：${parts.join('，')}` : `${label}: ${parts.join(', ')}`, 300);
}
