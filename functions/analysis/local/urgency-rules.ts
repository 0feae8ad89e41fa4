import type { A10Output, RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { type AnalysisText, wordsBefore } from './analysis-text.js';
import { type CueHit, findCues, findPatternCues } from './cue-lexicon.js';
import type { IntentCategory } from './intent-lexicon.js';
import { SHORTFALL_PATTERNS, WAITING_PATTERNS } from './pattern-cues.js';
import { clip } from './schema-limits.js';
import type { SentimentReading } from './sentiment-rules.js';
import { ASKS, CONDITIONAL, DUE_DATE, FEE_QUESTION, FORECAST, LATER_DATE, NEAR_FUTURE, NEEDED_NOW, NEEDED_THEN, NOTICE, PLANNING } from './time-expressions.js';
import { URGENCY_LEXICON, type UrgencyCue } from './urgency-lexicon.js';

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
 * - high: a churn threat; pressing words or a needed-today clause (not in a note that asks nothing,
 *   "收到，马上转给采购部门"); a complaint or unhappy message with three escalators (repeats, harm
 *   already done counting two, strong feeling, exclamation marks);
 * - medium: a due date, an arrangement request, an open issue (unless thanked for or only feedback
 *   for next time), a business request for the next days, an order or complaint as such, an
 *   unhappy delivery or after-sales message;
 * - low: anything else.
 */
export function judgeUrgency(
  text: AnalysisText,
  intent: IntentCategory,
  sentiment: SentimentReading,
  language: RecordLanguage,
): UrgencyReading {
  const urgency = decideUrgency(text, intent, sentiment, language);
  return { ...urgency, reason: clip(urgency.reason, 300) };
}

function decideUrgency(
  text: AnalysisText,
  intent: IntentCategory,
  sentiment: SentimentReading,
  language: RecordLanguage,
): UrgencyReading {
  const say = language === 'zh' ? ZH : EN;
  const patterns = [...findPatternCues(text, SHORTFALL_PATTERNS).map((hit) => ({ ...hit, cue: { ...hit.cue, tag: 'openIssue' as const } })), ...findPatternCues(text, WAITING_PATTERNS)];
  const hits = [...findCues(text, URGENCY_LEXICON), ...patterns].sort((a, b) => a.start - b.start);
  const first = (kind: UrgencyCue) => hits.find((hit) => hit.cue.tag === kind);

  // Urgency is what the customer needs from us: "收到，马上转给采购部门" asks nothing.
  const own = ownWords(text.lower);
  const asks = ASKS.test(own) || NEEDED_THEN.test(own);
  // "不是很急", "not very urgent": a pressing word under negation is calm.
  const negatedPressing = hits.some((hit) => (hit.cue.tag === 'pressing' || hit.cue.tag === 'hurry') && isNegated(text, hit.start));
  const calm = first('calm') !== undefined || negatedPressing;
  const churn = first('churn');
  if (churn !== undefined) return { level: 'high', rule: 'churn', reason: say.churn(churn.matched) };
  const neededNow = NEEDED_NOW.exec(text.lower);
  const nowHit = neededNow === null ? undefined : { cue: { tag: 'pressing' as const, phrase: 'now', weight: 1, wholeWord: false, prefix: false, head: '' }, start: neededNow.index, end: neededNow.index + neededNow[0].length, matched: neededNow[0] };
  const pressing = first('pressing') ?? hits.find((hit) => hit.cue.tag === 'nearTerm' && isNeededThen(text, hit)) ?? nowHit;
  const acting = asks || intent !== 'other';
  if (pressing !== undefined && acting && !calm) return { level: 'high', rule: 'pressing', reason: say.pressing(clauseAround(text, pressing)) };
  const hurry = first('hurry');
  if (hurry !== undefined && acting && !calm) {
    const later = LATER_DATE.exec(text.lower);
    if (later === null) return { level: 'high', rule: 'pressing', reason: say.pressing(hurry.matched) };
    return { level: 'medium', rule: 'deadline', reason: say.deadline(text.original.slice(later.index, later.index + later[0].length)) };
  }

  const negative = sentiment.overall === 'negative';
  const repeats = hits.filter((hit) => hit.cue.tag === 'repeat' || hit.cue.tag === 'severe');
  const severe = hits.filter((hit) => hit.cue.tag === 'severe').length;
  // Rhetorical blame ("你们到底…", "能不能认真一点") is anger aimed at us: one more escalator.
  const blamed = sentiment.cues.some((cue) => cue.hit.cue.tag === 'blame' && cue.weight < 0);
  const escalators =
    repeats.length + severe + (sentiment.score <= STRONG_NEGATIVE ? 1 : 0) + (negative && shouts(text) ? 1 : 0) + (blamed ? 1 : 0);
  if ((intent === 'complaint' || negative) && escalators >= 3) {
    const signs = [...new Set([...repeats.map((hit) => hit.matched), ...(text.exclamations > 0 ? ['!'] : [])])].slice(0, 4);
    return { level: 'high', rule: 'escalation', reason: say.escalation(signs.join(', ') || String(sentiment.score)) };
  }

  const dueDate = DUE_DATE.map((pattern) => pattern.exec(text.lower)).find((match) => match !== null);
  if (dueDate) return { level: 'medium', rule: 'deadline', reason: say.deadline(text.original.slice(dueDate.index, dueDate.index + dueDate[0].length)) };
  // A problem the customer thanks us for fixing is closed, not open; one told to ask a price is context.
  const feedbackOnly = first('nextTime') !== undefined;
  const issueCounts = sentiment.overall !== 'positive' && !feedbackOnly && !FEE_QUESTION.test(text.lower);
  const deadline = calm ? undefined : first('deadline');
  const soft = deadline ?? (issueCounts ? first('openIssue') : undefined);
  if (soft !== undefined) {
    const reason = soft.cue.tag === 'deadline' ? say.deadline(soft.matched) : say.openIssue(soft.matched);
    return { level: 'medium', rule: soft.cue.tag, reason };
  }
  if (calm) return { level: 'low', rule: 'calm', reason: say.none };
  const nearFuture = NEAR_FUTURE.exec(text.lower);
  const soonWanted = nearFuture !== null && !isForecast(text, nearFuture.index);
  if (nearFuture && soonWanted && intent !== 'other' && ASKS.test(own)) {
    return { level: 'medium', rule: 'requestedSoon', reason: say.deadline(text.original.slice(nearFuture.index, nearFuture.index + nearFuture[0].length)) };
  }
  // An order for a later period, or a status note that forecasts ("大概下周能回签"), has nothing due yet.
  const orderNotDue = intent === 'order' && !soonWanted && (PLANNING.test(text.lower) || NOTICE.test(own) || (!asks && (FORECAST.test(own) || sentiment.overall === 'positive')));
  if (WORK_IN_PROGRESS.has(intent) && !orderNotDue) return { level: 'medium', rule: 'intent', reason: say.workInProgress(intent) };
  if (negative && issueCounts && ASKS.test(own) && (intent === 'delivery' || intent === 'after_sales')) return { level: 'medium', rule: 'sentiment', reason: say.unhappy };
  return { level: 'low', rule: 'none', reason: say.none };
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

function isNegated(text: AnalysisText, offset: number): boolean {
  return wordsBefore(text, offset, 3).some((word) => /^(?:不|不是|没|没有|并不|不太|不算|不怎么|not|isn['’]t|is not|no)$/.test(word.text));
}

/** A date in a clause that forecasts or supposes ("if we order this week") asks for nothing. */
function isForecast(text: AnalysisText, offset: number): boolean {
  const [start, end] = clauseBounds(text, offset);
  const clause = text.lower.slice(start, end);
  return FORECAST.test(clause) || CONDITIONAL.test(clause);
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

interface UrgencyPhrases {
  churn(cue: string): string;
  pressing(cue: string): string;
  escalation(cues: string): string;
  deadline(cue: string): string;
  openIssue(cue: string): string;
  workInProgress(intent: IntentCategory): string;
  readonly unhappy: string;
  readonly none: string;
}

const ZH: UrgencyPhrases = {
  churn: (cue: string) => `客户流失或升级风险：“${cue}”`,
  pressing: (cue: string) => `时间紧迫：“${cue}”`,
  escalation: (cues: string) => `问题反复且情绪强烈：${cues}`,
  deadline: (cue: string) => `有明确期限：“${cue}”`,
  openIssue: (cue: string) => `有待解决的问题：“${cue}”`,
  workInProgress: (intent: IntentCategory) => (intent === 'order' ? '订单待确认和排产' : '投诉需要答复'),
  unhappy: '客户不满，需要跟进',
  none: '未发现时间压力',
};
const EN: UrgencyPhrases = {
  churn: (cue) => `churn or escalation risk: "${cue}"`,
  pressing: (cue) => `time pressure: "${cue}"`,
  escalation: (cues) => `repeated problem with strong feeling: ${cues}`,
  deadline: (cue) => `deadline: "${cue}"`,
  openIssue: (cue) => `open issue: "${cue}"`,
  workInProgress: (intent) => (intent === 'order' ? 'an order waiting to be confirmed and scheduled' : 'a complaint waiting for an answer'),
  unhappy: 'an unhappy customer waiting for a follow-up',
  none: 'no time pressure found',
};
