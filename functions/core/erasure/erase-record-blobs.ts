import type { HubDependencies } from '../dependencies.js';
import type { CommunicationRecord } from '../model/communication-record.js';

type BlobDependencies = Pick<HubDependencies, 'blobs' | 'blobReferences' | 'records'>;

/** Blobs that several records may use: attachments (stored once per tenant and SHA-256) and uploads. */
export const isSharedBlob = (key: string): boolean => key.startsWith('attachments/') || key.startsWith('uploads/');

/** Referrers read per round trip while looking for another live user of a shared blob. */
const REFERRERS_PAGE = 25;

/** The prefixes that hold only this record's blobs: large bodies and transcripts, model inputs, speech-to-text output. */
export const recordPrefixes = (tenantId: string, recordId: string): string[] =>
  ['content', 'model-inputs', 'transcripts'].map((kind) => `${kind}/${tenantId}/${recordId}/`);

/** The shared blobs a record names itself (legacy records have no reference notes). */
export function sharedBlobsOf(record: CommunicationRecord): string[] {
  const named = [...record.attachments.map((a) => a.storageKey), record.recording?.storageKey];
  return named.filter((key): key is string => key !== undefined && isSharedBlob(key));
}

/**
 * Gives up one record's use of a shared blob and deletes the blob when no other live record uses
 * it. The record's own note goes first, so two records erased at once both see the blob as free
 * (and both delete it) rather than each keeping it for the other. Notes whose record is gone (an
 * ingest that failed before storing, a record erased meanwhile) are cleaned up on the way.
 */
async function releaseSharedBlob(deps: BlobDependencies, tenantId: string, recordId: string, key: string): Promise<boolean> {
  await deps.blobReferences.removeReference(tenantId, recordId, key);
  for (;;) {
    const others = (await deps.blobReferences.referrersOf(tenantId, key, REFERRERS_PAGE)).filter((id) => id !== recordId);
    if (others.length === 0) return deps.blobs.deleteBlob(key);
    const live = await Promise.all(others.map(async (id) => ({ id, record: await deps.records.getRecord(tenantId, id) })));
    if (live.some((entry) => entry.record !== null)) return false;
    await Promise.all(live.map((entry) => deps.blobReferences.removeReference(tenantId, entry.id, key)));
  }
}

/**
 * Deletes the blobs a record id stands for: `own` ones and every blob noted under it outright, its
 * prefixes' objects (body, model inputs, transcripts), and `shared` ones (plus shared notes) unless
 * another live record uses them. Returns how many objects were removed. The notes go last, so a
 * retry after a failure finds them again.
 */
export async function eraseBlobsOf(deps: BlobDependencies, tenantId: string, recordId: string, named: { own: readonly string[]; shared: readonly string[] }): Promise<number> {
  const noted = await deps.blobReferences.referencesOf(tenantId, recordId);
  const prefixed = (await Promise.all(recordPrefixes(tenantId, recordId).map((prefix) => deps.blobs.listKeys(prefix)))).flat();
  const own = new Set([...named.own, ...prefixed, ...noted.filter((key) => !isSharedBlob(key))]);
  const shared = new Set([...named.shared, ...noted.filter(isSharedBlob)]);
  const removed = await Promise.all([
    ...[...own].map((key) => deps.blobs.deleteBlob(key)),
    ...[...shared].map((key) => releaseSharedBlob(deps, tenantId, recordId, key)),
  ]);
  await Promise.all(noted.map((key) => deps.blobReferences.removeReference(tenantId, recordId, key)));
  return removed.filter(Boolean).length;
}

/**
 * Deletes every blob of a record from both buckets: its raw payload (even when it also carried
 * other records — a batch body, a webhook delivery — since it holds this record's data too), the
 * inbound mail and raw payloads of every delivery (noted at ingest), its large body, model inputs
 * and transcripts, and its attachments and upload unless another live record still uses them.
 * Returns how many objects were removed. Safe to repeat.
 */
export function eraseRecordBlobs(deps: BlobDependencies, record: CommunicationRecord): Promise<number> {
  return eraseBlobsOf(deps, record.tenantId, record.recordId, { own: [record.rawArchiveKey], shared: sharedBlobsOf(record) });
}
