import { S3Client } from '@aws-sdk/client-s3';
import { traced } from '../../observability/tracing.js';

export interface S3ClientOptions {
  readonly region: string;
  /** Embedded mode: the local S3-API server (path-style addressing). */
  readonly endpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export function createS3Client(options: S3ClientOptions): S3Client {
  return traced(new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    forcePathStyle: options.endpoint !== undefined,
    // Without these, SDK ≥3.729 frames streamed uploads as aws-chunked, which s3rver stores verbatim
    // (STACK.md); S3 itself accepts both.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }));
}
