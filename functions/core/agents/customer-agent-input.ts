import * as z from '../zod.js';
import { CustomerHealth, CustomerMetrics } from '../insight/customer-metrics.js';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../model/record-types.js';
import { RECORD_LANGUAGES } from './a10-communication-analysis.js';

/** The longest record summary an agent is given (characters). */
export const RECORD_SUMMARY_MAX = 200;
/** The most record summaries an agent is given: enough for evidence, short enough for one prompt. */
export const RECORD_SUMMARIES_MAX = 40;
/**
 * In a tenant-wide report, A11–A13 read the period's record summaries (the news) and this many from
 * before it (context) — not the 40 latest: the summaries are most of each prompt, and the 120-day
 * history is already in the computed metrics (complaints, competitor mentions, price objections,
 * payment delays, opportunity signals, trends). A14 reads the 40 latest in every run: a risk it no
 * longer finds ends its episode, so every run must judge risks over the same window, or a daily
 * run's narrower view would end an episode the next weekly run raises again as a new alert.
 */
export const PRIOR_CONTEXT_SUMMARIES = 8;

/**
 * One record as the customer agents see it: its A10 labels and a short summary that is already
 * PII-redacted (placeholders such as `[MOBILE_1]` stand where personal data was).
 */
export const RecordSummary = z.object({
  recordId: z.string().check(z.minLength(1)),
  occurredAt: z.string(),
  type: z.enum(RECORD_TYPES),
  direction: z.enum(DIRECTIONS),
  intent: z.optional(z.enum(INTENT_CATEGORIES)),
  sentiment: z.optional(z.enum(SENTIMENTS)),
  urgency: z.optional(z.enum(URGENCY_LEVELS)),
  summary: z.string().check(z.maxLength(RECORD_SUMMARY_MAX)),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

/** The customer's profile basics (from `Customer`). */
export const CustomerProfileBasics = z.object({
  customerId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** The account owner on our side. */
  owner: z.optional(z.string()),
  priority: z.enum(['high', 'normal', 'low']),
});
export type CustomerProfileBasics = z.infer<typeof CustomerProfileBasics>;

/**
 * What each customer agent (A11 insight, A12 opportunities, A13 marketing, A14 risks) is given: the
 * computed figures and health — the only source of numbers the agents may quote — a short list of
 * redacted record summaries as evidence, the profile basics, and the tenant's zone and language
 * (the language every free-text field of the answer is written in).
 */
export const CustomerAgentInput = z.object({
  customer: CustomerProfileBasics,
  metrics: CustomerMetrics,
  health: CustomerHealth,
  /** Most recent first. */
  records: z.array(RecordSummary).check(z.maxLength(RECORD_SUMMARIES_MAX)),
  /**
   * The start of a tenant-wide report's period (ISO 8601): records from then on are the news, and
   * A11–A13 are given only those and {@link PRIOR_CONTEXT_SUMMARIES} before them (`newsOnly`).
   */
  newsSince: z.optional(z.string()),
  timeZone: z.string(),
  language: z.enum(RECORD_LANGUAGES),
});
export type CustomerAgentInput = z.infer<typeof CustomerAgentInput>;

/**
 * What A11–A13 are given: with a `newsSince`, the records from then on and {@link PRIOR_CONTEXT_SUMMARIES}
 * before them; without one, the input as it is. `newsSince` itself is not passed on (the agents have
 * nothing to do with it). A14 is given the whole input ({@link PRIOR_CONTEXT_SUMMARIES} says why).
 */
export function newsOnly(input: CustomerAgentInput): CustomerAgentInput {
  const { newsSince, ...rest } = input;
  if (newsSince === undefined) return rest;
  const since = Date.parse(newsSince);
  const news = rest.records.filter((record) => Date.parse(record.occurredAt) >= since);
  const before = rest.records.filter((record) => Date.parse(record.occurredAt) < since).slice(0, PRIOR_CONTEXT_SUMMARIES);
  return { ...rest, records: [...news, ...before] };
}
