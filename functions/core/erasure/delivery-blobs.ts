import type { HubDependencies } from '../dependencies.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { InsertResult } from '../ports/record-store.js';
import { recordPrefixes, sharedBlobsOf } from './erase-record-blobs.js';

type DeliveryDependencies = Pick<HubDependencies, 'blobReferences'>;

/**
 * Ingest's side of deletion: what a delivery stored outside the record's own prefixes is noted
 * (`BlobReferenceStore`) before the record is stored, so deleting the record — or another record
 * using the same attachment — always knows who uses what. Notes cost one write, and only for records
 * with attachments, an upload or caller-owned blobs (the inbound mail of an email); a plain record
 * costs nothing extra.
 *
 * @example
 * const noted = await noteDeliveryBlobs(deps, record, [mailboxKey]);
 * const result = await deps.records.insertRecord(record);
 * await settleDeliveryBlobs(deps, record, result, noted);
 */
export async function noteDeliveryBlobs(deps: DeliveryDependencies, record: CommunicationRecord, ownedBlobKeys: readonly string[] = []): Promise<string[]> {
  const keys = [...new Set([...sharedBlobsOf(record), ...ownedBlobKeys])];
  if (keys.length > 0) await deps.blobReferences.addReferences(record.tenantId, record.recordId, keys);
  return keys;
}

/**
 * After the insert. A delivery refused by a tombstone (its source message was erased) stored blobs
 * that hold the erased data again: they are noted and queued for the daily purge (ingestion is not
 * granted deletes), the raw payload included — even one shared with other records, as the deletion
 * itself does. A redelivery that brought a new raw payload (another day, other bytes, a second
 * mailbox) has it noted on the stored record, so deleting the record deletes every copy; a first
 * delivery needs nothing more (its raw payload is on the record).
 */
export async function settleDeliveryBlobs(deps: DeliveryDependencies, delivery: CommunicationRecord, result: InsertResult, noted: readonly string[]): Promise<void> {
  if (result.erased) {
    const stored = [delivery.rawArchiveKey, ...(delivery.contentRef === undefined ? [] : [delivery.contentRef])];
    await deps.blobReferences.addReferences(delivery.tenantId, delivery.recordId, stored);
    await deps.blobReferences.queuePurge(delivery.tenantId, delivery.recordId);
    return;
  }
  if (result.inserted) return;
  const stored = result.record;
  // A redelivery with a corrected time has another record id: its notes must move to the stored one.
  const candidates = [delivery.rawArchiveKey, delivery.contentRef, ...(stored.recordId === delivery.recordId ? [] : noted)];
  const ownPrefixes = recordPrefixes(stored.tenantId, stored.recordId);
  const extra = candidates.filter(
    (key): key is string => key !== undefined && key !== stored.rawArchiveKey && key !== stored.contentRef && !ownPrefixes.some((prefix) => key.startsWith(prefix)),
  );
  if (extra.length > 0) await deps.blobReferences.addReferences(stored.tenantId, stored.recordId, extra);
}
