import * as z from 'zod';

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
  customerId: z.string().optional(),
  status: z.enum(REPORT_STATUSES),
  period: ReportPeriod,
  trigger: z.enum(REPORT_TRIGGERS),
  requestedBy: z.string().optional(),
  /** Blob keys of the rendered documents and of the A15 JSON they were rendered from (`json`: recorded since it exists; older reports have it beside `markdown`), once ready. */
  files: z.object({ markdown: z.string(), html: z.string(), json: z.string().optional(), mime: z.string().optional() }).optional(),
  /** Headline counts (computed from the store), once ready. */
  summary: z
    .object({
      records: z.number().int().nonnegative(),
      customers: z.number().int().nonnegative(),
      newRisks: z.number().int().nonnegative(),
      opportunities: z.number().int().nonnegative(),
    })
    .optional(),
  /** Customers the run could not analyse, with the reason (their figures are missing from the report). */
  notAnalysed: z.array(z.object({ customerId: z.string(), reason: z.string() })).optional(),
  emailedTo: z.array(z.string()).optional(),
  emailedAt: z.string().optional(),
  failureReason: z.string().max(2000).optional(),
  /**
   * When an erased customer (a privacy request) was taken out of this tenant-wide report: its
   * documents were rewritten without the customer, or withdrawn (`files` absent) when that was not possible.
   */
  redactedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;
