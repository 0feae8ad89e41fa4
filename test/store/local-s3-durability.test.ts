import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalServers, type LocalServers } from '../../embedded/local-servers.js';
import { createS3Client } from '../../functions/adapters/s3/s3-client.js';

type WriteMethod = (this: fs.WriteStream, ...args: unknown[]) => void;
const writeStream = fs.WriteStream.prototype as unknown as Record<'_write' | '_writev', WriteMethod>;

/** Every file write of this process reaches the disk 30 ms late, as on a busy disk. */
function slowDisk(): () => void {
  const originals = { _write: writeStream._write, _writev: writeStream._writev };
  for (const name of ['_write', '_writev'] as const) {
    const original = originals[name];
    writeStream[name] = function (this: fs.WriteStream, ...args: unknown[]) {
      setTimeout(() => original.apply(this, args), 30);
    };
  }
  return () => Object.assign(writeStream, originals);
}

describe('the embedded S3-API server (s3rver)', () => {
  let servers: LocalServers;

  beforeAll(async () => {
    servers = await startLocalServers({ tableName: 'durability', buckets: ['durability-bucket'] });
  });
  afterAll(() => servers?.close());

  it('answers a PUT only once the object is on disk: a GET right after reads it whole, however slow the disk', async () => {
    // Prepare: s3rver 3.7.1 on its own answers before its file write finishes (here, objects came back short)
    const s3 = createS3Client({ region: LOCAL_REGION, endpoint: servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
    const bodies = Array.from({ length: 5 }, (_, i) => randomBytes(200_000 + i));
    const restore = slowDisk();

    // Act
    const read = await Promise.all(
      bodies.map(async (body, i) => {
        await s3.send(new PutObjectCommand({ Bucket: 'durability-bucket', Key: `object-${i}`, Body: body }));
        const got = await s3.send(new GetObjectCommand({ Bucket: 'durability-bucket', Key: `object-${i}` }));
        return Buffer.from(await got.Body!.transformToByteArray());
      }),
    ).finally(restore);

    // Assess
    read.forEach((got, i) => expect(got.equals(bodies[i]!), `object-${i}: ${got.length} of ${bodies[i]!.length} bytes`).toBe(true));
  });
});
