/** A raw payload exactly as it arrived, before anything was parsed from it. */
export interface RawPayload {
  readonly tenantId: string;
  /** Ingestion door: `api`, `wecom`, `email`, … */
  readonly channel: string;
  readonly receivedAt: string;
  /** Groups every delivery of one source message; absent for a webhook delivery that may carry several. */
  readonly recordId?: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Set for a delivery that was refused (bad signature, unparseable): archived apart, with the reason. */
  readonly rejectedBecause?: string;
}

export interface StoredBlob {
  readonly key: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** `true` when identical bytes were stored before and nothing was written. */
  readonly deduplicated: boolean;
}

/**
 * Blob storage: the raw archive (every accepted payload, keyed tenant/channel/date/record) and
 * content-addressed attachments (stored once per tenant and SHA-256).
 */
export interface BlobStore {
  /** Archives a payload; identical redeliveries map to the same key. Returns the key. */
  archiveRaw(payload: RawPayload): Promise<string>;
  putAttachment(tenantId: string, bytes: Uint8Array, contentType: string): Promise<StoredBlob>;
  /** Stores a body too large for a record item. */
  putContent(tenantId: string, recordId: string, text: string): Promise<string>;
  /** Keeps exactly what was sent to a model for a record (the redacted prompt), keyed by its digest. */
  putModelInput(tenantId: string, recordId: string, json: string): Promise<string>;
  /**
   * Stores one file of a report run (`reports/<tenant>/<reportId>/<name>`): rendered documents and
   * each customer's findings, which the report step gathers. Rewriting the same name replaces it.
   */
  putReportFile(tenantId: string, reportId: string, name: string, body: string | Uint8Array, contentType: string): Promise<string>;
  getText(key: string): Promise<string | null>;
  /**
   * Removes an object for good: every version of it where the bucket keeps versions (the raw
   * archive does), so nothing of it stays readable. `false` when there was nothing to remove; safe
   * to repeat. Used by deletion (privacy requests) and retention only.
   */
  deleteBlob(key: string): Promise<boolean>;
  /** Every key under a prefix (all pages), e.g. `content/<tenant>/<recordId>/`. */
  listKeys(prefix: string): Promise<string[]>;
  getBytes(key: string): Promise<Uint8Array | null>;
  presignDownload(key: string, expiresInSeconds: number): Promise<string>;
  presignUpload(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
}
