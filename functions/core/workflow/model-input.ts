import { createHash } from 'node:crypto';
import { redactPii } from '../../analysis/pii-redaction.js';
import type { A10Input } from '../agents/a10-communication-analysis.js';
import { estimateTokens } from '../agents/token-estimate.js';
import type { ModelInputRecord } from '../model/analysis.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';

/** The tenant's opt-in: the stored subject and preview body are masked too (the raw archive keeps the original until its retention ends). */
export async function redactStoredRecord(deps: RecordWorkflowDependencies, record: CommunicationRecord, at: string): Promise<void> {
  const subject = record.subject === undefined ? undefined : redactPii(record.subject).text;
  const content = record.content === undefined ? undefined : redactPii(record.content).text;
  await deps.records.saveRedactedContent(record.tenantId, record.recordId, { subject, content }, at);
}

/** Keeps what goes to the model: the input itself when masking changed it, its digest always. */
export async function recordModelInput(
  deps: RecordWorkflowDependencies,
  record: CommunicationRecord,
  input: A10Input,
  redacted: boolean,
  redactions: ModelInputRecord['redactions'],
): Promise<ModelInputRecord> {
  const sent = JSON.stringify(input);
  const blobKey = redacted ? await deps.blobs.putModelInput(record.tenantId, record.recordId, sent) : undefined;
  return { ...(blobKey ? { blobKey } : {}), sha256: createHash('sha256').update(sent).digest('hex'), redactions, estimatedInputTokens: estimateTokens(sent) };
}
