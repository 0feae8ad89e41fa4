import type { CommunicationRecord } from '../model/communication-record.js';
import type { HubEvent } from '../ports/event-publisher.js';
import { FIRST_RUN } from './analyze-record.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';
import { workflowKindFor } from './workflow-kind.js';

type StartDependencies = Pick<RecordWorkflowDependencies, 'workflows' | 'events' | 'transcriber'>;

/**
 * Newly stored records (the table's stream on AWS, the embedded store's insert feed locally):
 * announce `communication.ingested` and start each record's workflow — Express for text, Standard
 * when a recording waits for speech-to-text. Runs after the record is stored, never on the
 * request's path.
 */
export async function startRecordWorkflows(deps: StartDependencies, records: readonly CommunicationRecord[]): Promise<void> {
  if (records.length === 0) return;
  const events: HubEvent[] = records.map((record) => ({
    type: 'communication.ingested',
    tenantId: record.tenantId,
    recordId: record.recordId,
    time: record.createdAt,
    detail: { customerId: record.customerId, type: record.type, direction: record.direction, channel: record.channel, occurredAt: record.occurredAt, matchedBy: record.matchedBy },
  }));
  await deps.events.publish(events);
  await Promise.all(
    records.map((record) =>
      deps.workflows.start({ kind: workflowKindFor(record, deps.transcriber), tenantId: record.tenantId, recordId: record.recordId, attempt: FIRST_RUN }),
    ),
  );
}
