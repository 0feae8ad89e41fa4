import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { createTableInput } from '../functions/adapters/dynamodb/table-design.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { createS3Client } from '../functions/adapters/s3/s3-client.js';

/** Local credentials: s3rver accepts only these; dynalite accepts any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const LOCAL_REGION = 'us-east-1';

export interface LocalServers {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  /** Data lives here and survives restarts; `undefined` keeps everything in memory. */
  readonly dataDir?: string;
  readonly tableName: string;
  readonly buckets: readonly string[];
}

/**
 * Starts the DynamoDB-API (dynalite) and S3-API (s3rver) servers on loopback, then creates the
 * table (from the shared table design) and the buckets if they do not exist yet.
 */
export async function startLocalServers(options: LocalServerOptions): Promise<LocalServers> {
  const dynamoPath = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
  // s3rver always needs a directory: without a data dir it gets a temporary one, removed on close.
  const s3Path = options.dataDir ? join(options.dataDir, 's3') : await mkdtemp(join(tmpdir(), 'commhub-s3-'));
  if (dynamoPath) await mkdir(dynamoPath, { recursive: true });
  await mkdir(s3Path, { recursive: true });

  const dynamo = dynalite({ path: dynamoPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => dynamo.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const dynamodbEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;

  const s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: s3Path, silent: true });
  durableObjectWrites(s3);
  const s3Address = await s3.run();
  const s3Endpoint = `http://127.0.0.1:${s3Address.port}`;

  await ensureTable(dynamodbEndpoint, options.tableName);
  await ensureBuckets(s3Endpoint, options.buckets);

  return {
    dynamodbEndpoint,
    s3Endpoint,
    async close() {
      await s3.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
      if (!options.dataDir) await rm(s3Path, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver 3.7.1's filesystem store answers a PUT once it has read the body, not once the body is in the
 * file: `putObject` resolves on its hashing stream's `finish` (or at once for a Buffer), while the file
 * stream may still be writing. A GET right after the 200 can then read an empty or short object — seen
 * under load as inbound mail refused with "the message is empty", its handler having read back the MIME
 * the SMTP listener had just stored. S3 itself is read-after-write consistent, so the embedded server
 * must be too: this replaces the store's `putObject` with one that resolves once the file is written.
 */
export function durableObjectWrites(server: S3rver): void {
  const { store } = server;
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    await pipeline(source, counted, createWriteStream(objectPath));
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = createDocumentClient({ region: LOCAL_REGION, endpoint, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  }
}

async function ensureBuckets(endpoint: string, buckets: readonly string[]): Promise<void> {
  const client = createS3Client({ region: LOCAL_REGION, endpoint, credentials: LOCAL_CREDENTIALS });
  for (const bucket of buckets) {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
  }
}
