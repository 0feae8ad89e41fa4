import type { A10Output } from '../agents/a10-communication-analysis.js';
import { logger } from '../../http/logger.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Insight } from '../model/insight.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';
import * as z from '../zod.js';

/**
 * Insights belong to a customer; an urgent record still in the unmatched inbox raises its alert
 * under this id (customer ids are letters, digits, `_` and `-`, so it cannot collide).
 */
export const UNMATCHED_CUSTOMER = '~unmatched';

/** One alert per record: the id is derived from it. */
export const urgentAlertId = (recordId: string) => `ALERT-${recordId}`;

/** Raises (once) the `risk` insight of an urgent record; returns its id. */
export async function raiseUrgentAlert(deps: RecordWorkflowDependencies, record: CommunicationRecord, output: A10Output, now: Date): Promise<string> {
  const at = now.toISOString();
  const insight: Insight = {
    insightId: urgentAlertId(record.recordId),
    tenantId: record.tenantId,
    customerId: record.customerId ?? UNMATCHED_CUSTOMER,
    type: 'risk',
    title: `Urgent ${record.type}: ${output.intent.detail}`.slice(0, 500),
    detail: output.urgency.reason,
    status: 'new',
    confidence: output.intent.confidence,
    importance: 'high',
    relatedRecordIds: [record.recordId],
    data: { kind: 'urgent-communication', recordId: record.recordId, intent: output.intent.category, sentiment: output.sentiment.overall },
    createdAt: at,
    updatedAt: at,
  };
  const stored = await deps.workItems.putInsight(insight);
  return stored.insightId;
}

/** The input of step "Email the urgent alert": which record's alert to send. */
export const UrgentNotification = z.object({
  tenantId: z.string().check(z.minLength(1)),
  recordId: z.string().check(z.minLength(1)),
  alertInsightId: z.string().check(z.minLength(1)),
});
export type UrgentNotification = z.infer<typeof UrgentNotification>;

/**
 * Emails the urgent alert to the customer's owner (when an address), else to the tenant's report
 * recipients — at most once per record: the alert is claimed before sending and released only if
 * the send fails (so the workflow's retry can try again).
 */
export async function notifyUrgentRecord(deps: RecordWorkflowDependencies, rawNotification: unknown): Promise<{ sent: boolean; reason?: string }> {
  // Checked before any read: a malformed step input is the state machine's bug, named as such.
  const { tenantId, recordId, alertInsightId } = UrgentNotification.parse(rawNotification);
  const [insight, record, settings] = await Promise.all([
    deps.workItems.getInsight(tenantId, alertInsightId),
    deps.records.getRecord(tenantId, recordId),
    deps.tenants.getTenant(tenantId),
  ]);
  if (!insight || !record) return { sent: false, reason: 'alert or record no longer exists' };
  if (deps.mailer === null) return { sent: false, reason: 'no sender address is configured (stage config mailFrom)' };
  const mailer = deps.mailer;
  const owner = record.customerId ? (await deps.customers.getCustomer(tenantId, record.customerId))?.owner : undefined;
  // The owner acts on it; managers (the report recipients) hear of it only when nobody owns the customer.
  const to = owner?.includes('@') ? [owner] : [...(settings?.reportRecipients ?? [])];
  if (to.length === 0) return { sent: false, reason: 'no recipient: the customer has no owner address and the tenant no report recipients' };
  const now = deps.clock.now().toISOString();
  if (!(await deps.workItems.claimNotification(tenantId, alertInsightId, now))) return { sent: false, reason: 'already notified' };
  try {
    await mailer.send({
      to,
      messageId: `${alertInsightId}@commhub`,
      subject: `[CommHub] ${insight.title}`.slice(0, 300),
      text: [
        insight.title,
        '',
        `Why urgent: ${insight.detail}`,
        `Record: ${recordId} (${record.type}, ${record.occurredAt})`,
        `Customer: ${record.customerId ?? 'not yet identified (unmatched inbox)'}`,
      ].join('\n'),
    });
  } catch (error) {
    await deps.workItems.releaseNotification(tenantId, alertInsightId);
    throw error;
  }
  logger.info('urgent alert emailed', { alertInsightId, recipients: to.length });
  return { sent: true };
}
