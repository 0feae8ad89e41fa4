import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore, RawPayload, StoredBlob } from '../../core/ports/blob-store.js';
import { INBOUND_PREFIX, RAW_PAYLOAD_PREFIX } from './archive-prefixes.js';

export interface S3BlobStoreBuckets {
  /** Versioned, retention-managed archive of every accepted payload. */
  readonly rawArchive: string;
  /** Attachments (content-addressed), large bodies, uploads. */
  readonly blobs: string;
}

/** What a server without object versions answers to ListObjectVersions (s3rver: MethodNotAllowed). */
const VERSIONLESS_ERRORS: ReadonlySet<string> = new Set(['MethodNotAllowed', 'NotImplemented']);

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Blob keys; the first segment (`raw/` or not) tells which bucket holds the object. */
export const blobKeys = {
  raw: (p: RawPayload, digest: string) => {
    const [year, month, day] = p.receivedAt.slice(0, 10).split('-');
    const group = p.rejectedBecause !== undefined ? 'rejected' : (p.recordId ?? 'deliveries');
    return `${RAW_PAYLOAD_PREFIX}${p.tenantId}/${p.channel}/${year}/${month}/${day}/${group}/${digest}`;
  },
  attachment: (tenantId: string, digest: string) => `attachments/${tenantId}/${digest.slice(0, 2)}/${digest}`,
  /** By digest too: a redelivery with other text never overwrites the body the stored record points at. */
  content: (tenantId: string, recordId: string, digest: string) => `content/${tenantId}/${recordId}/${digest}.txt`,
  modelInput: (tenantId: string, recordId: string, digest: string) => `model-inputs/${tenantId}/${recordId}/${digest}.json`,
  reportFile: (tenantId: string, reportId: string, name: string) => `reports/${tenantId}/${reportId}/${name}`,
  /** Where Amazon Transcribe writes a record's transcript JSON (the job's OutputKey). */
  transcriptOutput: (tenantId: string, recordId: string, jobName: string) => `transcripts/${tenantId}/${recordId}/${jobName}.json`,
} as const;

/**
 * The blob store on S3. Raw payloads are keyed by their digest under the record, so a redelivered
 * identical payload overwrites nothing new; attachments are keyed by tenant and SHA-256 and written
 * only when absent.
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly s3: S3Client,
    private readonly buckets: S3BlobStoreBuckets,
  ) {}

  async archiveRaw(payload: RawPayload): Promise<string> {
    // Accepted payloads are keyed by their bytes (a redelivery maps to the same object); refused
    // ones also by reason and time, so each refusal is kept for forensics.
    const digest = payload.rejectedBecause === undefined ? sha256Hex(payload.body) : sha256Hex(`${sha256Hex(payload.body)}|${payload.rejectedBecause}|${payload.receivedAt}`);
    const key = blobKeys.raw(payload, digest);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.buckets.rawArchive,
        Key: key,
        Body: payload.body,
        ContentType: payload.contentType,
        // S3 user metadata is ASCII-only: the reason is URI-encoded.
        Metadata: {
          'received-at': payload.receivedAt,
          ...(payload.rejectedBecause === undefined ? {} : { 'rejected-because': encodeURIComponent(payload.rejectedBecause).slice(0, 1024) }),
        },
      }),
    );
    return key;
  }

  async putAttachment(tenantId: string, bytes: Uint8Array, contentType: string): Promise<StoredBlob> {
    const digest = sha256Hex(bytes);
    const key = blobKeys.attachment(tenantId, digest);
    const exists = await this.exists(this.buckets.blobs, key);
    if (!exists) {
      await this.s3.send(new PutObjectCommand({ Bucket: this.buckets.blobs, Key: key, Body: bytes, ContentType: contentType }));
    }
    return { key, sha256: digest, sizeBytes: bytes.byteLength, deduplicated: exists };
  }

  async putContent(tenantId: string, recordId: string, text: string): Promise<string> {
    const key = blobKeys.content(tenantId, recordId, sha256Hex(text));
    await this.s3.send(new PutObjectCommand({ Bucket: this.buckets.blobs, Key: key, Body: text, ContentType: 'text/plain; charset=utf-8' }));
    return key;
  }

  async putModelInput(tenantId: string, recordId: string, json: string): Promise<string> {
    const key = blobKeys.modelInput(tenantId, recordId, sha256Hex(json));
    await this.s3.send(new PutObjectCommand({ Bucket: this.buckets.blobs, Key: key, Body: json, ContentType: 'application/json; charset=utf-8' }));
    return key;
  }

  async putReportFile(tenantId: string, reportId: string, name: string, body: string | Uint8Array, contentType: string): Promise<string> {
    const key = blobKeys.reportFile(tenantId, reportId, name);
    await this.s3.send(new PutObjectCommand({ Bucket: this.buckets.blobs, Key: key, Body: body, ContentType: contentType }));
    return key;
  }

  async getText(key: string): Promise<string | null> {
    const bytes = await this.getBytes(key);
    return bytes === null ? null : Buffer.from(bytes).toString('utf8');
  }

  async getBytes(key: string): Promise<Uint8Array | null> {
    try {
      const result = await this.s3.send(new GetObjectCommand({ Bucket: this.bucketOf(key), Key: key }));
      return result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async deleteBlob(key: string): Promise<boolean> {
    const bucket = this.bucketOf(key);
    const versions = await this.versionsOf(bucket, key);
    if (versions === null) {
      const existed = await this.exists(bucket, key);
      await this.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return existed;
    }
    // Deleting by version id removes the bytes (and the delete markers) instead of hiding them.
    for (const versionId of versions) await this.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    return versions.length > 0;
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucketOf(prefix), Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  presignDownload(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucketOf(key), Key: key }), { expiresIn: expiresInSeconds });
  }

  presignUpload(key: string, contentType: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.buckets.blobs, Key: key, ContentType: contentType }), {
      expiresIn: expiresInSeconds,
    });
  }

  private bucketOf(key: string): string {
    // The raw archive holds what arrived: webhook/API payloads (raw/) and SES's inbound mail (inbound/).
    return key.startsWith(RAW_PAYLOAD_PREFIX) || key.startsWith(INBOUND_PREFIX) ? this.buckets.rawArchive : this.buckets.blobs;
  }

  /**
   * Version ids (and delete markers) of exactly `key`; `null` where the server keeps no versions —
   * the local S3-API server (s3rver) answers ListObjectVersions with MethodNotAllowed, S3 never does
   * (an unversioned bucket lists one `null` version), so access errors still surface.
   */
  private async versionsOf(bucket: string, key: string): Promise<string[] | null> {
    const ids: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    try {
      do {
        const page = await this.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
        for (const entry of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
          if (entry.Key === key && entry.VersionId !== undefined) ids.push(entry.VersionId);
        }
        [keyMarker, versionMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextVersionIdMarker] : [undefined, undefined];
      } while (keyMarker !== undefined);
    } catch (error) {
      if (VERSIONLESS_ERRORS.has((error as { name?: string }).name ?? '')) return null;
      throw error;
    }
    return ids;
  }

  private async exists(bucket: string, key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }
}
