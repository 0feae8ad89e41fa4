import * as z from '../zod.js';

/** Report kinds a person can ask for; `risk-check` is the five-minute A14 run, which writes no report. */
export const REPORT_TYPES = ['daily', 'weekly', 'monthly', 'customer'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const PERIODIC_RUN_TYPES = [...REPORT_TYPES, 'risk-check'] as const;
export type PeriodicRunType = (typeof PERIODIC_RUN_TYPES)[number];

export const REPORT_STATUSES = ['running', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Who asked for a report: a schedule (deterministic id per period, so a double fire is one report), the API or the CLI. */
export const REPORT_TRIGGERS = ['schedule', 'api', 'cli'] as const;

export const ReportPeriod = z.object({
  /** Inclusive start, UTC ISO 8601. */
  start: z.string(),
  /** Exclusive end, UTC ISO 8601. */
  end: z.string(),
  /** IANA zone the period's day boundaries follow (the tenant's). */
  timeZone: z.string(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** A report run and where its documents are (A15): the item the API lists and reads. */
export const Report = z.object({
  reportId: z.string(),
  tenantId: z.string(),
  type: z.enum(REPORT_TYPES),
  customerId: z.optional(z.string()),
  status: z.enum(REPORT_STATUSES),
  period: ReportPeriod,
  trigger: z.enum(REPORT_TRIGGERS),
  requestedBy: z.optional(z.string()),
  /** Blob keys of the rendered documents and of the A15 JSON they were rendered from (`json`: recorded since it exists; older reports have it beside `markdown`), once ready. */
  files: z.optional(z.object({ markdown: z.string(), html: z.string(), json: z.optional(z.string()), mime: z.optional(z.string()) })),
  /** Headline counts (computed from the store), once ready. */
  summary: z.optional(
    z.object({
      records: z.number().check(z.int(), z.nonnegative()),
      customers: z.number().check(z.int(), z.nonnegative()),
      newRisks: z.number().check(z.int(), z.nonnegative()),
      opportunities: z.number().check(z.int(), z.nonnegative()),
    }),
  ),
  /** Customers the run could not analyse, with the reason (their figures are missing from the report). */
  notAnalysed: z.optional(z.array(z.object({ customerId: z.string(), reason: z.string() }))),
  emailedTo: z.optional(z.array(z.string())),
  emailedAt: z.optional(z.string()),
  failureReason: z.optional(z.string().check(z.maxLength(2000))),
  /**
   * When an erased customer (a privacy request) was taken out of this tenant-wide report: its
   * documents were rewritten without the customer, or withdrawn (`files` absent) when that was not possible.
   */
  redactedAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;
