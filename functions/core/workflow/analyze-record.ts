import { detectLanguage } from '../../analysis/local/language.js';
import { redactPii } from '../../analysis/pii-redaction.js';
import type { A10Input } from '../agents/a10-communication-analysis.js';
import { countModelUse } from '../agents/model-use-metrics.js';
import { logger } from '../../http/logger.js';
import type { Analysis } from '../model/analysis.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { AnalysisResult } from '../ports/analyzer.js';
import { createFollowUpTasks, UNASSIGNED } from './follow-up-tasks.js';
import { recordModelInput, redactStoredRecord } from './model-input.js';
import { modelSkipReason } from './model-policy.js';
import { prepareRecordText } from './prepare-record-text.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';
import { toAnalysis } from './to-analysis.js';
import { raiseUrgentAlert } from './urgent-alert.js';

/** A record a workflow step works on; `run` tells a replay from the first run. */
export interface RecordRef {
  readonly tenantId: string;
  readonly recordId: string;
  readonly run?: string;
}

export interface AnalyzeRecordOutcome {
  readonly tenantId: string;
  readonly recordId: string;
  readonly urgent: boolean;
  readonly alertInsightId?: string;
}

/** The record is gone (deleted, or another tenant's): nothing to analyse, and retrying will not help. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFound';
}

export const FIRST_RUN = 'first';

const outcomeOf = (record: CommunicationRecord): AnalyzeRecordOutcome => ({
  tenantId: record.tenantId,
  recordId: record.recordId,
  urgent: record.analysis.alertInsightId !== undefined,
  ...(record.analysis.alertInsightId ? { alertInsightId: record.analysis.alertInsightId } : {}),
});

/**
 * A10 for one record: gathers its text (transcript included), masks personal data, analyses it
 * (model or local rules), turns follow-ups into tasks, raises the urgent alert when urgency is high,
 * writes the analysis back and announces `communication.analyzed`. Every write is idempotent, and a
 * redelivered step of a run that already completed returns without a second model call.
 */
export async function analyzeRecord(deps: RecordWorkflowDependencies, ref: RecordRef): Promise<AnalyzeRecordOutcome> {
  const run = ref.run ?? FIRST_RUN;
  const record = await deps.records.getRecord(ref.tenantId, ref.recordId);
  if (!record) throw new RecordNotFoundError(`record ${ref.recordId} does not exist in tenant ${ref.tenantId}`);
  if (record.analysis.status === 'completed' && record.analysis.run === run) return outcomeOf(record);

  const [settings, customer, text] = await Promise.all([
    deps.tenants.getTenant(ref.tenantId),
    record.customerId ? deps.customers.getCustomer(ref.tenantId, record.customerId) : Promise.resolve(null),
    prepareRecordText(deps, record),
  ]);
  const timeZone = settings?.timezone ?? 'Asia/Shanghai';
  const redaction = redactPii(text);
  const input: A10Input = {
    recordId: record.recordId,
    type: record.type,
    direction: record.direction,
    channel: record.channel,
    text: redaction.text,
    language: detectLanguage(text),
    competitors: settings?.competitors ?? [],
    occurredAt: record.occurredAt,
    timeZone,
  };
  const local = await deps.localAnalyzer.analyze(input);
  const skipped = deps.analyzerUsesModel ? modelSkipReason(text, local, settings?.modelPolicy ?? 'tiered') : undefined;
  const useModel = deps.analyzerUsesModel && skipped === undefined;
  const modelInput = useModel ? await recordModelInput(deps, record, input, redaction.total > 0, redaction.counts) : undefined;
  const result: AnalysisResult = useModel ? await deps.analyzer.analyze(input) : local;
  countModelUse(deps.metrics, 'A10', result);

  const now = deps.clock.now();
  if (settings?.redactStoredContent && redaction.total > 0) await redactStoredRecord(deps, record, now.toISOString());
  const followUps = await createFollowUpTasks(deps.workItems, result.output, { record, assignee: customer?.owner ?? UNASSIGNED, timeZone, now });
  const alertInsightId = result.output.urgency.level === 'high' ? await raiseUrgentAlert(deps, record, result.output, now) : undefined;
  const analysis: Analysis = toAnalysis(result, { followUps, alertInsightId, run, analyzedAt: now.toISOString(), modelInput, modelSkipped: skipped });
  if (!(await deps.records.saveAnalysis(record.tenantId, record.recordId, analysis, now.toISOString()))) {
    // Deleted while it was analysed (a privacy request, retention): what this run created for it goes too.
    const created = [...followUps.flatMap((f) => (f.taskId ? [deps.workItems.deleteTask(record.tenantId, f.taskId)] : [])), ...(alertInsightId ? [deps.workItems.deleteInsight(record.tenantId, alertInsightId)] : [])];
    await Promise.all(created);
    throw new RecordNotFoundError(`record ${ref.recordId} was deleted while it was analysed`);
  }
  await deps.events.publish([
    {
      type: 'communication.analyzed',
      tenantId: record.tenantId,
      recordId: record.recordId,
      time: now.toISOString(),
      detail: {
        customerId: record.customerId,
        type: record.type,
        intent: analysis.intent?.category,
        sentiment: analysis.sentiment?.overall,
        urgency: analysis.urgency?.level,
        model: analysis.model,
        taskIds: followUps.map((f) => f.taskId),
        alertInsightId,
      },
    },
  ]);
  // Labels and counts only; the text, the summary and the model's reasons stay on the record.
  const { model, modelCalls, usage } = result;
  logger.info('record analysed', { model, modelCalls, modelSkipped: skipped, intent: analysis.intent?.category, urgency: analysis.urgency?.level, followUps: followUps.length, alert: alertInsightId !== undefined, inputTokens: usage?.inputTokens, outputTokens: usage?.outputTokens });
  return { tenantId: record.tenantId, recordId: record.recordId, urgent: alertInsightId !== undefined, ...(alertInsightId ? { alertInsightId } : {}) };
}
