import { A15Report } from '../agents/a15-report.js';
import { logger } from '../../http/logger.js';
import { NotFoundError } from '../errors.js';
import { buildReportMime } from '../reports/report-mime.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import * as z from '../zod.js';

/** The input of step "Email the report". */
export const EmailReportStep = z.object({ tenantId: z.string().check(z.minLength(1)), reportId: z.string().check(z.minLength(1)) });
export type EmailReportStep = z.infer<typeof EmailReportStep>;

/**
 * Step "Email the report": one MIME message (HTML with the chart, and plain text) to the tenant's
 * report recipients — and, for a customer report, the customer's owner — at most once per report:
 * the send is claimed first and released only when it fails, so the step's retry can try again.
 * The message is kept beside the report as `report.eml`.
 */
export async function emailReport(deps: PeriodicRunDependencies, rawStep: unknown): Promise<{ sent: boolean; reason?: string }> {
  const step = EmailReportStep.parse(rawStep);
  const report = await deps.reports.getReport(step.tenantId, step.reportId);
  if (!report) throw new NotFoundError(`report ${step.reportId} not found`);
  if (report.status !== 'ready') return { sent: false, reason: `report is ${report.status}` };
  if (!deps.reportMail) return { sent: false, reason: 'no sender address is configured (stage config mailFrom)' };
  const settings = await deps.tenants.getTenant(step.tenantId);
  const owner = report.customerId ? (await deps.customers.getCustomer(step.tenantId, report.customerId))?.owner : undefined;
  const to = [...new Set([...(settings?.reportRecipients ?? []), ...(owner?.includes('@') ? [owner] : [])])];
  if (to.length === 0) return { sent: false, reason: 'the tenant has no report recipients (tenant settings reportRecipients)' };
  const json = await deps.blobs.getText(`reports/${step.tenantId}/${step.reportId}/report.json`);
  if (!json) throw new NotFoundError(`report ${step.reportId} has no document`);
  const now = deps.clock.now();
  if (!(await deps.reports.claimReportEmail(step.tenantId, step.reportId, to, now.toISOString()))) return { sent: false, reason: 'already emailed' };
  try {
    const mime = await buildReportMime({ report: A15Report.parse(JSON.parse(json)), from: deps.reportMail.from, to, date: now, messageId: step.reportId });
    await deps.blobs.putReportFile(step.tenantId, step.reportId, 'report.eml', mime.raw, 'message/rfc822');
    await deps.reportMail.mailer.sendRaw({ to, raw: mime.raw, messageId: step.reportId });
  } catch (error) {
    await deps.reports.releaseReportEmail(step.tenantId, step.reportId);
    throw error;
  }
  logger.info('report emailed', { reportId: step.reportId, recipients: to.length });
  return { sent: true };
}
