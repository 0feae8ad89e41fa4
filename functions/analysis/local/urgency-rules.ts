import type { A10Output, RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { type AnalysisText, wordsBefore } from './analysis-text.js';
import { type CueHit, findCues, findPatternCues } from './cue-lexicon.js';
import type { IntentCategory } from './intent-lexicon.js';
import type { IntentReading } from './intent-rules.js';
import { SHORTFALL_PATTERNS, WAITING_PATTERNS } from './pattern-cues.js';
import { clip } from '../schema-limits.js';
import type { SentimentReading } from './sentiment-rules.js';
import { ASKS, CONDITIONAL, DUE_DATE, FEE_QUESTION, FORECAST, LATER_DATE, NEAR_FUTURE, NEEDED_NOW, NEEDED_THEN, NOTICE, PLANNING, QUANTITY } from './time-expressions.js';
import { URGENCY_LEXICON, type UrgencyCue } from './urgency-lexicon.js';
import { EN, type UrgencyPhrases, ZH } from './urgency-phrases.js';

export type UrgencyLevel = A10Output['urgency']['level'];

/** How soon the message needs action, and the cue that decided it. */
export interface UrgencyReading {
  readonly level: UrgencyLevel;
  readonly reason: string;
  /** The rule that decided, for the explanation (`pressing`, `deadline`, `intent`, …). */
  readonly rule: string;
}

/** Intents that are work in progress even when no date is named: an order to schedule, a complaint to answer. */
const WORK_IN_PROGRESS: ReadonlySet<IntentCategory> = new Set(['order', 'complaint']);
const STRONG_NEGATIVE = -0.6;

/**
 * Decides urgency, with a reason quoting the cue that decided it:
 * - high: a churn or escalation threat; pressing words, a needed-today clause or haste with no later
 *   date named (not in a note that asks nothing, "收到，马上转给采购部门", nor one that says "不急");
 *   a complaint or unhappy message with three escalators (repeats, harm already done counting two,
 *   strong feeling, shouting, rhetorical blame);
 * - medium: a due date, haste towards a later date, an arrangement request, an open issue (unless
 *   denied, thanked for, called minor or only feedback for next time), a business request for the
 *   next days, an order or complaint as such (not an order planned for later), an unhappy delivery
 *   or after-sales request;
 * - low: anything else, and any plain request marked "不着急" / "no rush".
 */
export function judgeUrgency(
  text: AnalysisText,
  intent: IntentReading,
  sentiment: SentimentReading,
  language: RecordLanguage,
): UrgencyReading {
  const signals = readSignals(text, intent, sentiment, language === 'zh' ? ZH : EN);
  const urgency = urgentNow(signals) ?? dueSoon(signals) ?? { level: 'low', rule: 'none', reason: signals.say.none };
  return { ...urgency, reason: clip(urgency.reason, 300) };
}

/** What the rules read once per message. */
interface UrgencySignals {
  readonly text: AnalysisText;
  readonly intent: IntentReading;
  readonly sentiment: SentimentReading;
  readonly say: UrgencyPhrases;
  readonly hits: readonly CueHit<UrgencyCue>[];
  /** The text without quoted lines. */
  readonly own: string;
  /** The sender asks for something or says what they need. */
  readonly asks: boolean;
  readonly calm: boolean;
  readonly feedbackOnly: boolean;
}

function readSignals(text: AnalysisText, intent: IntentReading, sentiment: SentimentReading, say: UrgencyPhrases): UrgencySignals {
  const shortfalls = findPatternCues(text, SHORTFALL_PATTERNS).map((hit) => ({ ...hit, cue: { ...hit.cue, tag: 'openIssue' as const } }));
  const hits = [...findCues(text, URGENCY_LEXICON), ...shortfalls, ...findPatternCues(text, WAITING_PATTERNS)].sort((a, b) => a.start - b.start);
  // Urgency is what the customer needs from us: "收到，马上转给采购部门" asks nothing.
  const own = ownWords(text.lower);
  // "不是很急", "not very urgent": a pressing word under negation is calm.
  const negatedPressing = hits.some((hit) => (hit.cue.tag === 'pressing' || hit.cue.tag === 'hurry') && isNegated(text, hit.start));
  return {
    text,
    intent,
    sentiment,
    say,
    hits,
    own,
    asks: ASKS.test(own) || NEEDED_THEN.test(own),
    calm: negatedPressing || hits.some((hit) => hit.cue.tag === 'calm'),
    feedbackOnly: hits.some((hit) => hit.cue.tag === 'nextTime'),
  };
}

function first(signals: UrgencySignals, kind: UrgencyCue): CueHit<UrgencyCue> | undefined {
  return signals.hits.find((hit) => hit.cue.tag === kind);
}

/** High: a threat, time pressure, or a complaint escalating. */
function urgentNow(signals: UrgencySignals): UrgencyReading | undefined {
  const { text, sentiment, say, calm } = signals;
  const intent = signals.intent.category;
  const churn = first(signals, 'churn');
  if (churn !== undefined) return { level: 'high', rule: 'churn', reason: say.churn(churn.matched) };
  const acting = signals.asks || intent !== 'other';
  const pressing = first(signals, 'pressing') ?? signals.hits.find((hit) => hit.cue.tag === 'nearTerm' && isNeededThen(text, hit)) ?? neededNow(text);
  if (pressing !== undefined && acting && !calm) return { level: 'high', rule: 'pressing', reason: say.pressing(clauseAround(text, pressing)) };
  const hurry = first(signals, 'hurry');
  if (hurry !== undefined && acting && !calm) {
    const later = LATER_DATE.exec(text.lower);
    if (later !== null) return { level: 'medium', rule: 'deadline', reason: say.deadline(text.original.slice(later.index, later.index + later[0].length)) };
    // "到了的话请尽快安排发货": haste on a condition not yet met is a request, not a fire.
    if (CONDITIONAL.test(clauseText(text, hurry.start))) return { level: 'medium', rule: 'deadline', reason: say.deadline(hurry.matched) };
    return { level: 'high', rule: 'pressing', reason: say.pressing(hurry.matched) };
  }
  const negative = sentiment.overall === 'negative';
  const repeats = signals.hits.filter((hit) => hit.cue.tag === 'repeat' || hit.cue.tag === 'severe');
  const severe = signals.hits.filter((hit) => hit.cue.tag === 'severe').length;
  // Rhetorical blame ("你们到底…", "能不能认真一点") is anger aimed at us: one more escalator.
  const blamed = sentiment.cues.some((cue) => cue.hit.cue.tag === 'blame' && cue.weight < 0);
  const escalators =
    repeats.length + severe + (sentiment.score <= STRONG_NEGATIVE ? 1 : 0) + (negative && shouts(text) ? 1 : 0) + (blamed ? 1 : 0);
  if ((intent === 'complaint' || negative) && escalators >= 3) {
    const signs = [...new Set([...repeats.map((hit) => hit.matched), ...(text.exclamations > 0 ? ['!'] : [])])].slice(0, 4);
    return { level: 'high', rule: 'escalation', reason: say.escalation(signs.join(', ') || String(sentiment.score)) };
  }
  return undefined;
}

/** Medium: a date, an arrangement, an open problem, or work that waits on us. */
function dueSoon(signals: UrgencySignals): UrgencyReading | undefined {
  const { text, sentiment, say, own, asks, calm, feedbackOnly } = signals;
  const intent = signals.intent.category;
  const dueDate = DUE_DATE.map((pattern) => pattern.exec(text.lower)).find((match) => match !== null);
  if (dueDate) return { level: 'medium', rule: 'deadline', reason: say.deadline(text.original.slice(dueDate.index, dueDate.index + dueDate[0].length)) };
  // A problem thanked for is closed; one told to ask a price, or in small talk, is context.
  const issueCounts = sentiment.overall !== 'positive' && !feedbackOnly && intent !== 'other' && !FEE_QUESTION.test(text.lower);
  // Arrangements for a visit or a standing instruction ("please deliver to gate 3 from now on") are not due work.
  const deadline = calm || feedbackOnly || intent === 'other' ? undefined : first(signals, 'deadline');
  // "我们没有质量问题要反馈": a problem denied is none.
  const openIssue = signals.hits.find((hit) => hit.cue.tag === 'openIssue' && !isNegated(text, hit.start));
  const soft = deadline ?? (issueCounts ? openIssue : undefined);
  if (soft !== undefined) return { level: 'medium', rule: soft.cue.tag, reason: soft.cue.tag === 'deadline' ? say.deadline(soft.matched) : say.openIssue(soft.matched) };
  if (calm) return { level: 'low', rule: 'calm', reason: say.none };
  const nearFuture = NEAR_FUTURE.exec(text.lower);
  const soonWanted = nearFuture !== null && !isForecast(text, nearFuture.index);
  if (nearFuture && soonWanted && !feedbackOnly && intent !== 'other' && ASKS.test(own)) {
    return { level: 'medium', rule: 'requestedSoon', reason: say.deadline(text.original.slice(nearFuture.index, nearFuture.index + nearFuture[0].length)) };
  }
  // An order for a later period, or a status note that forecasts ("大概下周能回签"), has nothing due yet;
  // "Order number please?" names no order to schedule: that takes a word that names one (PO, 下单)
  // or goods counted ("reduce our September order from 30 to 20 tons").
  const namesOrder = signals.intent.hits.some((hit) => hit.cue.tag === 'order' && hit.cue.weight >= 3) || QUANTITY.test(text.lower);
  const orderNotDue =
    intent === 'order' && !soonWanted && (!namesOrder || PLANNING.test(text.lower) || NOTICE.test(own) || (!asks && (FORECAST.test(own) || sentiment.overall === 'positive')));
  // A complaint that is only advice for next time ("希望以后注意一下") waits for nothing.
  const complaintNotDue = intent === 'complaint' && feedbackOnly;
  if (WORK_IN_PROGRESS.has(intent) && !orderNotDue && !complaintNotDue) return { level: 'medium', rule: 'intent', reason: say.workInProgress(intent) };
  const unhappyRequest = sentiment.overall === 'negative' && issueCounts && ASKS.test(own);
  if (unhappyRequest && (intent === 'delivery' || intent === 'after_sales')) return { level: 'medium', rule: 'sentiment', reason: say.unhappy };
  return undefined;
}

/** `urgency:high ← pressing: 尽快` */
export function explainUrgency(urgency: UrgencyReading): string {
  return `urgency:${urgency.level} ← ${urgency.rule}: ${urgency.reason}`;
}

/** The message without quoted lines ("> Can you confirm the ETA?"): what this sender asks. */
function ownWords(lower: string): string {
  const own = lower.split('\n').filter((line) => !line.trimStart().startsWith('>')).join('\n');
  return own.trim().length > 0 ? own : lower;
}

/** Exclamation marks or a doubled question mark ("Where is our material??"). */
function shouts(text: AnalysisText): boolean {
  return text.exclamations > 0 || /[?？]{2,}/.test(text.lower);
}

/** "need a solution now", "十分钟内发过来": a need stated for this very moment, as a pressing cue. */
function neededNow(text: AnalysisText): CueHit<UrgencyCue> | undefined {
  const match = NEEDED_NOW.exec(text.lower);
  if (match === null) return undefined;
  const cue = { tag: 'pressing' as const, phrase: 'now', weight: 1, wholeWord: false, prefix: false, head: '' };
  return { cue, start: match.index, end: match.index + match[0].length, matched: text.original.slice(match.index, match.index + match[0].length) };
}

function isNegated(text: AnalysisText, offset: number): boolean {
  return wordsBefore(text, offset, 3).some((word) => /^(?:不|不是|没|没有|并不|不太|不算|不怎么|not|isn['’]t|is not|no)$/.test(word.text));
}

/** A date in a clause that forecasts or supposes ("if we order this week") asks for nothing. */
function isForecast(text: AnalysisText, offset: number): boolean {
  const clause = clauseText(text, offset);
  return FORECAST.test(clause) || CONDITIONAL.test(clause);
}

function clauseText(text: AnalysisText, offset: number): string {
  const [start, end] = clauseBounds(text, offset);
  return text.lower.slice(start, end);
}

function isNeededThen(text: AnalysisText, hit: CueHit<UrgencyCue>): boolean {
  const [start, end] = clauseBounds(text, hit.start);
  return NEEDED_THEN.test(text.lower.slice(start, end));
}

function clauseBounds(text: AnalysisText, offset: number): [number, number] {
  const clause = text.clauseAt[offset];
  let start = offset;
  let end = offset;
  while (start > 0 && text.clauseAt[start - 1] === clause) start -= 1;
  while (end < text.lower.length && text.clauseAt[end] === clause) end += 1;
  return [start, end];
}

/** A near-term cue is quoted with its clause ("必须今天给个说法" says more than "今天"), up to 40 characters. */
function clauseAround(text: AnalysisText, hit: CueHit<UrgencyCue>): string {
  if (hit.cue.tag !== 'nearTerm') return hit.matched;
  const [start, end] = clauseBounds(text, hit.start);
  const clause = text.original.slice(start, end).replace(/[,，、。;；!！?？\n….]+$/, '').trim();
  return clause.length > 0 && clause.length <= 40 ? clause : hit.matched;
}
