import { HUB_METRICS } from '../../config/hub-metrics.js';
import { logger } from '../../http/logger.js';
import { withCorrelation } from '../../observability/correlation.js';
import type { HubDependencies } from '../dependencies.js';
import type { Attachment } from '../model/attachment.js';
import type { CommunicationInput } from '../model/communication-input.js';
import { recordIdFor } from '../model/record-id.js';
import { noteDeliveryBlobs, settleDeliveryBlobs } from '../erasure/delivery-blobs.js';
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
  /** Other blobs the caller stored that hold this delivery (the inbound mail of an email): deleting the record deletes them. */
  readonly ownedBlobKeys?: readonly string[];
}

export interface IngestResult {
  readonly recordId: string;
  readonly duplicate: boolean;
  readonly customerId: string | null;
  /** The source message was erased (privacy request, retention): nothing was stored, and nothing of it kept. */
  readonly erased?: boolean;
}

/**
 * Stores one communication: archive the raw payload, identify the customer, store the record
 * idempotently. The same (tenant, source system, source record id) always yields the same record;
 * a redelivery returns it with `duplicate: true`. A redelivery of a message that was erased (privacy
 * request, retention) is refused by the record's tombstone: `erased: true`, and nothing it brought is kept.
 *
 * @example await ingestCommunication(deps, { tenantId: 'T001', principal: 'crm', channel: 'api', input, rawBody, rawContentType: 'application/json' })
 */
export function ingestCommunication(deps: HubDependencies, command: IngestCommand): Promise<IngestResult> {
  const { tenantId, input } = command;
  const recordId = recordIdFor(tenantId, input.type, input.sourceSystem, input.sourceRecordId, toUtcIso(input.occurredAt));
  // Every line logged while storing it names the record (a batch stores several at once, each in its own scope).
  return withCorrelation({ tenantId, recordId }, () => storeCommunication(deps, command, recordId));
}

async function storeCommunication(deps: HubDependencies, command: IngestCommand, recordId: string): Promise<IngestResult> {
  const { tenantId, input } = command;
  const now = deps.clock.now().toISOString();
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
  const noted = await noteDeliveryBlobs(deps, record, command.ownedBlobKeys);
  const result = await deps.records.insertRecord(record);
  await settleDeliveryBlobs(deps, record, result, noted);
  if (result.erased) {
    logger.info('communication refused: its source message was erased', { channel: command.channel });
    return { recordId, duplicate: true, customerId: null, erased: true };
  }
  const stored = result.record;
  // Also on a redelivery: the move is idempotent, and it heals a thread whose first delivery died here.
  if (stored.threadId !== undefined) {
    await deps.records.advanceThread(tenantId, stored.threadId, { recordId: stored.recordId, occurredAt: stored.occurredAt });
  }
  const channel = command.channel;
  deps.metrics.count(result.inserted ? HUB_METRICS.recordsIngested : HUB_METRICS.duplicatesIgnored, 1, { channel });
  // Ids and kinds only: never the subject, content or the sender's address.
  logger.info(result.inserted ? 'communication stored' : 'communication already stored', { channel, type: stored.type, customerId: stored.customerId, matchedBy: stored.matchedBy });
  return { recordId: stored.recordId, duplicate: !result.inserted, customerId: stored.customerId };
}
