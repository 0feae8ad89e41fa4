import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CommunicationRecord } from '../core/model/communication-record.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { startRecordWorkflows } from '../core/workflow/start-record-workflows.js';
import { withoutKeys } from '../adapters/dynamodb/keys.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** The part of a DynamoDB stream event this handler reads (the event source filters INSERTs of record items). */
export interface RecordStreamEvent {
  readonly Records: readonly { readonly eventName?: string; readonly dynamodb?: { readonly NewImage?: Record<string, AttributeValue> } }[];
}

const isRecordItem = (item: Record<string, unknown>) => item.SK === 'RECORD' && typeof item.recordId === 'string';

/**
 * The table's stream: each newly stored record starts its workflow (and is announced as
 * `communication.ingested`) after the write, never on the request's path. A failure throws, so the
 * batch is retried and finally sent to the dead-letter queue; starts are idempotent by execution name.
 */
export const build = (deps: RecordWorkflowDependencies) => async (event: RecordStreamEvent): Promise<{ started: number }> => {
  const records = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage)
    .map((r) => unmarshall(r.dynamodb!.NewImage!) as Record<string, unknown>)
    .filter(isRecordItem)
    .map((item) => withoutKeys<CommunicationRecord>(item));
  await startRecordWorkflows(deps, records);
  return { started: records.length };
};

export const handler = onAwsWorkflow(build);
