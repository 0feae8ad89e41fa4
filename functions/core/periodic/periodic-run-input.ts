import * as z from '../zod.js';
import { PERIODIC_RUN_TYPES } from '../model/report.js';

/**
 * The input of one periodic run (the A16 coordinator's execution input). `reportId` is null for the
 * risk check (it writes alerts, no report); `customerId` is set for a customer report only. `asOf`
 * anchors every window, so a retried or replayed run computes the same figures.
 */
export const PeriodicRunInput = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  runId: z.string().check(z.minLength(1), z.maxLength(80)),
  type: z.enum(PERIODIC_RUN_TYPES),
  reportId: z.nullable(z.string().check(z.minLength(1))),
  customerId: z.nullable(z.string().check(z.minLength(1))),
  asOf: z.string().check(z.iso.datetime({ offset: true })),
});
export type PeriodicRunInput = z.infer<typeof PeriodicRunInput>;

/** One customer's item of the run's map (what each child execution starts with). */
export const CustomerRunItem = z.object({
  tenantId: z.string().check(z.minLength(1)),
  runId: z.string().check(z.minLength(1)),
  type: z.enum(PERIODIC_RUN_TYPES),
  reportId: z.nullable(z.string().check(z.minLength(1))),
  customerId: z.string().check(z.minLength(1)),
  asOf: z.string(),
  /** The plan's `activeSince` (absent in items from before it existed: analysed in full). */
  activeSince: z.optional(z.nullable(z.string())),
});
export type CustomerRunItem = z.infer<typeof CustomerRunItem>;
