import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { RunningHub } from '../../embedded/hub.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { createS3Client } from '../../functions/adapters/s3/s3-client.js';

export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  /** The bytes read as UTF-8 (binary objects read as whatever they decode to). */
  readonly text: string;
}

/** Every object of both buckets with its content, listed through the S3 API as an auditor would. */
export async function bucketContents(hub: RunningHub): Promise<StoredObject[]> {
  const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
  const objects: StoredObject[] = [];
  for (const bucket of [hub.settings.rawArchiveBucket, hub.settings.blobBucket]) {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const { Key: key } of page.Contents ?? []) {
        if (key === undefined) continue;
        const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        objects.push({ bucket, key, text: Buffer.from(await body.Body!.transformToByteArray()).toString('utf8') });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  return objects;
}

/** The objects whose key or content contains any of `needles` (with the needle found), for a readable failure. */
export function objectsMentioning(objects: readonly StoredObject[], needles: readonly string[]): { key: string; needle: string }[] {
  return objects.flatMap((object) => {
    const needle = needles.find((n) => object.key.includes(n) || object.text.includes(n));
    return needle === undefined ? [] : [{ key: `${object.bucket}/${object.key}`, needle }];
  });
}
