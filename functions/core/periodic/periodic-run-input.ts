import * as z from 'zod';
import { PERIODIC_RUN_TYPES } from '../model/report.js';

/**
 * The input of one periodic run (the A16 coordinator's execution input). `reportId` is null for the
 * risk check (it writes alerts, no report); `customerId` is set for a customer report only. `asOf`
 * anchors every window, so a retried or replayed run computes the same figures.
 */
export const PeriodicRunInput = z
  .object({
    tenantId: z.string().min(1),
    runId: z.string().min(1).max(80),
    type: z.enum(PERIODIC_RUN_TYPES),
    reportId: z.string().min(1).nullable(),
    customerId: z.string().min(1).nullable(),
    asOf: z.string().datetime({ offset: true }),
  })
  .strict();
export type PeriodicRunInput = z.infer<typeof PeriodicRunInput>;

/** One customer's item of the run's map (what each child execution starts with). */
export const CustomerRunItem = z.object({
  tenantId: z.string().min(1),
  runId: z.string().min(1),
  type: z.enum(PERIODIC_RUN_TYPES),
  reportId: z.string().min(1).nullable(),
  customerId: z.string().min(1),
  asOf: z.string(),
  /** The plan's `activeSince` (absent in items from before it existed: analysed in full). */
  activeSince: z.string().nullable().optional(),
});
export type CustomerRunItem = z.infer<typeof CustomerRunItem>;
