import * as z from '../zod.js';
import { COMMUNICATION_TRENDS, LIFECYCLE_STAGES, SENTIMENT_TRENDS } from '../insight/customer-metrics.js';
import { REPORT_TYPES } from '../model/report.js';
import { ReportCounts } from '../reports/report-counts.js';
import { RECORD_LANGUAGES } from './a10-communication-analysis.js';

/** `generated_by` of a report whose words the local writer produced. */
export const A15_LOCAL_WRITER = 'local';

const Line = z.string().check(z.minLength(1), z.maxLength(500));
const IMPORTANCE_LEVELS = ['high', 'medium', 'low'] as const;

/** A risk found in the period (from A14's insights), as the report lists it. */
export const A15Risk = z.strictObject({
  customer_id: z.string(),
  customer_name: z.optional(z.string().check(z.maxLength(200))),
  /** Short category, e.g. `churn`, `complaint`, `payment`, `competitor`. */
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  level: z.enum(IMPORTANCE_LEVELS),
  indicators: z.array(Line).check(z.maxLength(10)),
});
export type A15Risk = z.infer<typeof A15Risk>;

/** An opportunity found in the period (from A12's insights). */
export const A15Opportunity = z.strictObject({
  customer_id: z.string(),
  customer_name: z.optional(z.string().check(z.maxLength(200))),
  title: Line,
  /** Estimated value in `currency` units, when the finding states one. */
  estimated_value: z.optional(z.number().check(z.nonnegative())),
  /** ISO 4217 code of `estimated_value`. */
  currency: z.optional(z.string().check(z.length(3))),
});
export type A15Opportunity = z.infer<typeof A15Opportunity>;

/** One customer's standing, from its computed metrics and health score (customer reports, key accounts). */
export const A15CustomerSection = z.strictObject({
  customer_id: z.string(),
  customer_name: z.optional(z.string().check(z.maxLength(200))),
  health_score: z.number().check(z.int(), z.gte(0), z.lte(100)),
  stage: z.enum(LIFECYCLE_STAGES),
  /** Communication frequency against its baseline. */
  trend: z.enum(COMMUNICATION_TRENDS),
  sentiment_trend: z.enum(SENTIMENT_TRENDS),
  last_contact_at: z.nullable(z.string()),
  days_since_last_contact: z.nullable(z.number().check(z.int(), z.nonnegative())),
  records_last_30_days: z.number().check(z.int(), z.nonnegative()),
  /** Titles of the customer's newest findings, joined; empty when there are none. */
  insight_summary: z.string().check(z.maxLength(1000)),
});
export type A15CustomerSection = z.infer<typeof A15CustomerSection>;

const ActionPlan = z.strictObject({
  immediate: z.array(Line).check(z.maxLength(8)),
  short_term: z.array(Line).check(z.maxLength(8)),
  long_term: z.array(Line).check(z.maxLength(8)),
});

/**
 * What a writer — the model or the local writer — contributes: words only. Every figure, risk,
 * opportunity and customer standing comes from the store through `A15Input`.
 */
export const A15Narrative = z.strictObject({
  summary: z.string().check(z.minLength(1), z.maxLength(4000)),
  highlights: z.array(Line).check(z.maxLength(8)),
  action_plan: ActionPlan,
});
export type A15Narrative = z.infer<typeof A15Narrative>;

/**
 * Agent A15 — the report document, in the seed's shape (snake_case). Stored as JSON beside its
 * Markdown and HTML renderings; `key_metrics` are the computed counts, verbatim.
 */
export const A15Report = z.strictObject({
  report_type: z.enum(REPORT_TYPES),
  /** Language of the narrative and of the rendered headings. */
  language: z.enum(RECORD_LANGUAGES),
  period: z.strictObject({
    /** Inclusive, UTC ISO 8601. */
    start: z.string(),
    /** Exclusive, UTC ISO 8601. */
    end: z.string(),
    time_zone: z.string(),
    /** Tenant-local days covered, oldest first. */
    days: z.array(z.string()),
  }),
  summary: A15Narrative.shape.summary,
  key_metrics: ReportCounts,
  highlights: A15Narrative.shape.highlights,
  risks: z.array(A15Risk),
  opportunities: z.array(A15Opportunity),
  customer_sections: z.optional(z.array(A15CustomerSection)),
  action_plan: ActionPlan,
  /** `local`, or the model id that wrote the narrative. */
  generated_by: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type A15Report = z.infer<typeof A15Report>;

/** What a writer is given: the computed facts of the period (camelCase, like the other agents' inputs). */
export const A15Input = z.object({
  reportType: z.enum(REPORT_TYPES),
  language: z.enum(RECORD_LANGUAGES),
  tenantName: z.optional(z.string()),
  period: A15Report.shape.period,
  keyMetrics: ReportCounts,
  risks: z.array(A15Risk),
  opportunities: z.array(A15Opportunity),
  customerSections: z.optional(z.array(A15CustomerSection)),
});
export type A15Input = z.infer<typeof A15Input>;
