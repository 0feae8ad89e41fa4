import type { HubDependencies } from '../dependencies.js';
import type { Attachment } from '../model/attachment.js';
import type { CommunicationInput } from '../model/communication-input.js';
import { recordIdFor } from '../model/record-id.js';
import { buildRecord, toUtcIso } from './build-record.js';
import { identifyCustomer } from './identify-customer.js';

/**
 * The record this one follows in its thread: the newest one seen so far, if it happened earlier.
 * (Email names its parent itself, by In-Reply-To; chats, calls and meetings are ordered by time.)
 */
async function threadPredecessor(deps: HubDependencies, tenantId: string, input: CommunicationInput, recordId: string): Promise<string | undefined> {
  if (input.threadId === undefined) return undefined;
  const latest = await deps.records.latestInThread(tenantId, input.threadId);
  return latest && latest.recordId !== recordId && latest.occurredAt <= toUtcIso(input.occurredAt) ? latest.recordId : undefined;
}

function archive(deps: HubDependencies, command: IngestCommand, recordId: string, receivedAt: string): Promise<string> {
  if (!command.rawBody) throw new Error('ingestCommunication needs rawBody or rawArchiveKey');
  return deps.blobs.archiveRaw({
    tenantId: command.tenantId,
    channel: command.channel,
    receivedAt,
    recordId,
    body: command.rawBody,
    contentType: command.rawContentType ?? 'application/json',
  });
}

export interface IngestCommand {
  readonly tenantId: string;
  /** Who delivered it (token subject); recorded as the record's creator. */
  readonly principal: string;
  /** The door it came through (`api`, `wecom`, …): the raw archive's channel segment. */
  readonly channel: string;
  readonly input: CommunicationInput;
  /** The payload exactly as received, archived before anything is acknowledged… */
  readonly rawBody?: Uint8Array;
  readonly rawContentType?: string;
  /** …unless the caller archived it already (a webhook delivery or an email holding several parts). */
  readonly rawArchiveKey?: string;
  /** Attachments the caller already stored in the blob store (e.g. from a MIME message). */
  readonly storedAttachments?: readonly Attachment[];
}

export interface IngestResult {
  readonly recordId: string;
  readonly duplicate: boolean;
  readonly customerId: string | null;
}

/**
 * Stores one communication: archive the raw payload, identify the customer, store the record
 * idempotently. The same (tenant, source system, source record id) always yields the same record;
 * a redelivery returns it with `duplicate: true`.
 *
 * @example await ingestCommunication(deps, { tenantId: 'T001', principal: 'crm', channel: 'api', input, rawBody, rawContentType: 'application/json' })
 */
export async function ingestCommunication(deps: HubDependencies, command: IngestCommand): Promise<IngestResult> {
  const { tenantId, input } = command;
  const now = deps.clock.now().toISOString();
  const recordId = recordIdFor(tenantId, input.type, input.sourceSystem, input.sourceRecordId, toUtcIso(input.occurredAt));
  // Archiving, identification and the thread lookup are independent; all finish before anything is
  // stored or acknowledged.
  const [rawArchiveKey, match, predecessor] = await Promise.all([
    command.rawArchiveKey ?? archive(deps, command, recordId, now),
    identifyCustomer(deps.customers, tenantId, input.customer, input.participants),
    input.parentRecordId === undefined ? threadPredecessor(deps, tenantId, input, recordId) : undefined,
  ]);
  const parentRecordId = input.parentRecordId ?? predecessor;
  const built = await buildRecord(deps.blobs, { tenantId, recordId, input: { ...input, parentRecordId }, match, rawArchiveKey, principal: command.principal, now });
  const record = command.storedAttachments ? { ...built, attachments: [...built.attachments, ...command.storedAttachments] } : built;
  const result = await deps.records.insertRecord(record);
  const stored = result.record;
  // Also on a redelivery: the move is idempotent, and it heals a thread whose first delivery died here.
  if (stored.threadId !== undefined) {
    await deps.records.advanceThread(tenantId, stored.threadId, { recordId: stored.recordId, occurredAt: stored.occurredAt });
  }
  return { recordId: stored.recordId, duplicate: !result.inserted, customerId: stored.customerId };
}
