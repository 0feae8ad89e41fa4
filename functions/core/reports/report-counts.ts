import * as z from '../zod.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import { INSIGHT_TYPES, type Insight } from '../model/insight.js';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../model/record-types.js';
import type { ResolvedReportPeriod } from './report-period.js';
import { localDayOf } from './zoned-time.js';

/** The bucket of records whose analysis has no answer for a dimension yet (pending, failed, skipped). */
export const NOT_ANALYZED = 'not_analyzed';
export const INTENT_BUCKETS = [...INTENT_CATEGORIES, NOT_ANALYZED] as const;
export const SENTIMENT_BUCKETS = [...SENTIMENTS, NOT_ANALYZED] as const;
export const URGENCY_BUCKETS = [...URGENCY_LEVELS, NOT_ANALYZED] as const;
const IMPORTANCE_LEVELS = ['high', 'medium', 'low'] as const;

/** Customers listed by volume unless the caller asks for another number. */
export const TOP_CUSTOMERS_DEFAULT = 5;

const Count = z.number().check(z.int(), z.nonnegative());
/** Every key present (zero when none), so tables and charts need no "missing means 0" rule. */
const countsOf = <const T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), Count);

export const ReportDayCounts = z.strictObject({
  /** Tenant-local day, `yyyy-mm-dd`. */
  day: z.string(),
  records: Count,
  by_channel: countsOf(RECORD_TYPES),
  by_sentiment: countsOf(SENTIMENT_BUCKETS),
});
export type ReportDayCounts = z.infer<typeof ReportDayCounts>;

/**
 * The figures of a report, counted from stored records and insights — the report's `key_metrics`.
 * Every number a report shows comes from here; writers (model or local) only put words around them.
 */
export const ReportCounts = z.strictObject({
  records: Count,
  /** Distinct customers with at least one record in the period. */
  customers_contacted: Count,
  /** Records no customer could be identified for (the unmatched inbox). */
  unmatched_records: Count,
  by_channel: countsOf(RECORD_TYPES),
  by_intent: countsOf(INTENT_BUCKETS),
  by_sentiment: countsOf(SENTIMENT_BUCKETS),
  by_urgency: countsOf(URGENCY_BUCKETS),
  by_direction: countsOf(DIRECTIONS),
  /** Mean analysis sentiment score (−1…1, three decimals); null when no record has one. */
  average_sentiment_score: z.nullable(z.number().check(z.gte(-1), z.lte(1))),
  /** One entry per local day of the period, oldest first, days without records included. */
  per_day: z.array(ReportDayCounts),
  /** Insights (A11–A14 findings) created in the period, by type. */
  new_insights: countsOf(INSIGHT_TYPES),
  /** Risk insights created in the period, by importance. */
  new_risks_by_level: countsOf(IMPORTANCE_LEVELS),
  /** Customers with the most records in the period, most first (ties by id). */
  top_customers: z.array(z.strictObject({ customer_id: z.string(), customer_name: z.optional(z.string().check(z.maxLength(200))), records: Count })),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

export interface ReportCountsInput {
  readonly period: ResolvedReportPeriod;
  /** May include records outside the period (a local day spans two UTC feed days); they are ignored. */
  readonly records: readonly CommunicationRecord[];
  /** Insights to count; those created outside the period are ignored. */
  readonly insights?: readonly Insight[];
  /** Display names for the top customers, by customer id. */
  readonly customerNames?: ReadonlyMap<string, string>;
  /** @default TOP_CUSTOMERS_DEFAULT */
  readonly topCustomers?: number;
}

/**
 * Counts a period's records and insights. Records are placed on days by their instant read in the
 * period's zone: 23:30 in Shanghai on the 1st (15:30 UTC) counts for the 1st. Pure.
 *
 * @example
 * const counts = countReport({ period, records, insights });
 * counts.by_channel.email; // 12
 */
export function countReport(input: ReportCountsInput): ReportCounts {
  const { period } = input;
  const startMs = Date.parse(period.start);
  const endMs = Date.parse(period.end);
  const inPeriod = (iso: string) => {
    const ms = Date.parse(iso);
    return ms >= startMs && ms < endMs;
  };

  const counts = emptyCounts(period.days);
  const dayIndex = new Map(counts.per_day.map((entry) => [entry.day, entry]));
  const perCustomer = new Map<string, number>();
  let scoreSum = 0;
  let scored = 0;

  // The caller merges pages of several UTC feed days; a record listed twice must count once.
  for (const record of uniqueBy(input.records, (record) => record.recordId)) {
    if (!inPeriod(record.occurredAt)) continue;
    const { analysis } = record;
    const sentiment = analysis.sentiment?.overall ?? NOT_ANALYZED;
    counts.records += 1;
    counts.by_channel[record.type] += 1;
    counts.by_direction[record.direction] += 1;
    counts.by_intent[analysis.intent?.category ?? NOT_ANALYZED] += 1;
    counts.by_sentiment[sentiment] += 1;
    counts.by_urgency[analysis.urgency?.level ?? NOT_ANALYZED] += 1;
    if (analysis.sentiment) {
      scoreSum += analysis.sentiment.score;
      scored += 1;
    }
    if (record.customerId === null) counts.unmatched_records += 1;
    else perCustomer.set(record.customerId, (perCustomer.get(record.customerId) ?? 0) + 1);

    const day = dayIndex.get(localDayOf(Date.parse(record.occurredAt), period.timeZone));
    if (day) {
      day.records += 1;
      day.by_channel[record.type] += 1;
      day.by_sentiment[sentiment] += 1;
    }
  }

  for (const insight of uniqueBy(input.insights ?? [], (insight) => insight.insightId)) {
    if (!inPeriod(insight.createdAt)) continue;
    counts.new_insights[insight.type] += 1;
    if (insight.type === 'risk') counts.new_risks_by_level[insight.importance] += 1;
  }

  counts.customers_contacted = perCustomer.size;
  counts.average_sentiment_score = scored === 0 ? null : Math.round((scoreSum / scored) * 1000) / 1000;
  counts.top_customers = [...perCustomer]
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, input.topCustomers ?? TOP_CUSTOMERS_DEFAULT)
    .map(([customerId, records]) => {
      const name = input.customerNames?.get(customerId);
      return { customer_id: customerId, ...(name === undefined ? {} : { customer_name: name.slice(0, 200) }), records };
    });
  return counts;
}

function zeros<const T extends readonly string[]>(keys: T): Record<T[number], number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<T[number], number>;
}

function emptyCounts(days: readonly string[]): ReportCounts {
  return {
    records: 0,
    customers_contacted: 0,
    unmatched_records: 0,
    by_channel: zeros(RECORD_TYPES),
    by_intent: zeros(INTENT_BUCKETS),
    by_sentiment: zeros(SENTIMENT_BUCKETS),
    by_urgency: zeros(URGENCY_BUCKETS),
    by_direction: zeros(DIRECTIONS),
    average_sentiment_score: null,
    per_day: days.map((day) => ({ day, records: 0, by_channel: zeros(RECORD_TYPES), by_sentiment: zeros(SENTIMENT_BUCKETS) })),
    new_insights: zeros(INSIGHT_TYPES),
    new_risks_by_level: zeros(IMPORTANCE_LEVELS),
    top_customers: [],
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
