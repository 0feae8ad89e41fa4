/**
 * Which records use which blobs beyond their own prefixes: shared blobs (an attachment is stored
 * once per tenant and SHA-256, an upload may be named by several records), the inbound mail of an
 * email and the raw payloads of a record's redeliveries. Deleting a record reads it to find every
 * blob it touched, and deletes a shared blob only when no other live record uses it.
 */
export interface BlobReferenceStore {
  /** Notes that a record uses these blobs (idempotent). Written before the record is stored. */
  addReferences(tenantId: string, recordId: string, blobKeys: readonly string[]): Promise<void>;
  /** Every blob noted for a record. */
  referencesOf(tenantId: string, recordId: string): Promise<string[]>;
  /** Records noted as using a blob, at most `limit` (a note may outlive its record: check it). */
  referrersOf(tenantId: string, blobKey: string, limit: number): Promise<string[]>;
  /** Forgets one record's use of a blob (idempotent). */
  removeReference(tenantId: string, recordId: string, blobKey: string): Promise<void>;
  /**
   * Queues a record id whose noted blobs must be purged: a redelivery refused by an erased record's
   * tombstone stored them again, and ingestion may not delete (least privilege) — the daily
   * retention job, which may, purges them.
   */
  queuePurge(tenantId: string, recordId: string): Promise<void>;
  /** Up to `limit` queued record ids, oldest queued first. */
  queuedPurges(tenantId: string, limit: number): Promise<string[]>;
  dequeuePurge(tenantId: string, recordId: string): Promise<void>;
}
