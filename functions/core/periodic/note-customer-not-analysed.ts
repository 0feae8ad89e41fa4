import * as z from '../zod.js';
import { logger } from '../../http/logger.js';
import { failureReasonOf } from '../workflow/mark-analysis-failed.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';

export const CustomerFailure = z.object({
  tenantId: z.string().check(z.minLength(1)),
  customerId: z.string().check(z.minLength(1)),
  runId: z.string().check(z.minLength(1)),
  reportId: z.nullable(z.string().check(z.minLength(1))),
  failure: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});
export type CustomerFailure = z.infer<typeof CustomerFailure>;

/** Where a report keeps why one of its customers could not be analysed. */
export const customerFailureFileName = (customerId: string) => `customers/${customerId}.failed.json`;

/**
 * Step "Note the customer not analysed": one customer's failure does not stop the run, but it is not
 * silent either — it is logged, and for a report kept beside it so the report lists the customer
 * with the reason.
 */
export async function noteCustomerNotAnalysed(deps: PeriodicRunDependencies, rawStep: unknown): Promise<{ customerId: string; reason: string }> {
  const step = CustomerFailure.parse(rawStep);
  const reason = failureReasonOf(step.failure);
  // The error's name only: its cause may quote the customer's records (the report keeps the reason).
  logger.warn('customer not analysed in the periodic run', { tenantId: step.tenantId, customerId: step.customerId, runId: step.runId, error: step.failure.Error ?? 'Unknown' });
  if (step.reportId) {
    await deps.blobs.putReportFile(
      step.tenantId,
      step.reportId,
      customerFailureFileName(step.customerId),
      JSON.stringify({ customerId: step.customerId, reason }),
      'application/json; charset=utf-8',
    );
  }
  return { customerId: step.customerId, reason };
}
