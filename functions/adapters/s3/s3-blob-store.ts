import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore, RawPayload, StoredBlob } from '../../core/ports/blob-store.js';
import { INBOUND_PREFIX, RAW_PAYLOAD_PREFIX } from './archive-prefixes.js';

export interface S3BlobStoreBuckets {
  /** Versioned, retention-managed archive of every accepted payload. */
  readonly rawArchive: string;
  /** Attachments (content-addressed), large bodies, uploads. */
  readonly blobs: string;
}

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
