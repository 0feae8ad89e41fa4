// Ingest throughput benchmark: POST /v1/communications vs the same storage writes done directly.
// Run: npx tsx bench/ingest.ts   (in-memory hub, loopback only, ~1 min)
import { BENCH_TENANT, deadline, inMemorySettings, pool, printTable } from './support.js';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startHub } from '../embedded/hub.js';
import { signToken } from '../embedded/jwt.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded/local-servers.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { feedShardOf, keys } from '../functions/adapters/dynamodb/keys.js';
import { TABLE_DESIGN } from '../functions/adapters/dynamodb/table-design.js';
import { blobKeys } from '../functions/adapters/s3/s3-blob-store.js';
import { createS3Client } from '../functions/adapters/s3/s3-client.js';
import { CommunicationInput } from '../functions/core/model/communication-input.js';
import { identityHashOf, recordIdFor } from '../functions/core/model/record-id.js';
import type { RecordType } from '../functions/core/model/record-types.js';
import { buildRecord, toUtcIso } from '../functions/core/use-cases/build-record.js';

const N = 1_000;
const CONCURRENCY = 8;
const TYPES: RecordType[] = ['email', 'phone', 'wechat', 'meeting'];

/** The load generator: global fetch (undici, keep-alive), `concurrency` requests in flight. */
const CLIENT_WORKER = `
const { parentPort, workerData: { url, token, concurrency } } = require('node:worker_threads');
parentPort.on('message', async (bodies) => {
  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - started) / 1000, statuses });
});`;

deadline(150);
const settings = inMemorySettings();
const hub = await startHub(settings);
const token = signToken({ sub: 'bench', 'custom:tenant_id': BENCH_TENANT, scope: 'commhub/ingest' }, settings.jwtSecret);
// The load generator runs in a worker thread: in a real deployment the caller is another machine,
// and undici on the hub's own thread would bill the client's CPU to the hub.
const client = new Worker(CLIENT_WORKER, { eval: true, execArgv: [], workerData: { url: `${hub.url}/v1/communications`, token, concurrency: CONCURRENCY } });
try {
  const start = Date.UTC(2025, 5, 1);
  /** One distinct canonical communication (a realistic ~1 KB email-like payload). */
  const payload = (source: string, i: number) => ({
    sourceSystem: 'bench',
    sourceRecordId: `${source}-${i}`,
    type: TYPES[i % TYPES.length] as RecordType,
    occurredAt: new Date(start + i * 61_000).toISOString().replace('Z', '+08:00'),
    customer: { id: 'C-1' },
    participants: [
      { name: 'Customer', email: `buyer${i % 50}@example.com`, role: 'from' },
      { name: 'Agent', staffId: 'S-7', role: 'to', internal: true },
    ],
    subject: `Order question ${i}`,
    content: `Hello, about order ${i}: could you confirm the delivery date? `.repeat(8),
    tags: ['bench'],
    metadata: { batch: source },
  });
  const bodies = (source: string, count = N) => Array.from({ length: count }, (_, i) => JSON.stringify(payload(source, i)));

  // (A) the whole API path: HTTP, JWT, validation, raw archive, record build, conditional put.
  const post = (payloads: string[]) =>
    new Promise<{ rate: number; statuses: Record<string, number> }>((resolve, reject) => {
      client.once('error', reject).once('message', (result: { seconds: number; statuses: Record<string, number> }) => {
        client.off('error', reject);
        resolve({ rate: payloads.length / result.seconds, statuses: result.statuses });
      });
      client.postMessage(payloads);
    });
  const armA = async (run: number) => {
    const payloads = bodies(`api${run}`);
    const { rate, statuses } = await post(payloads);
    if (statuses['201'] !== N) throw new Error(`expected ${N} × 201, got ${JSON.stringify(statuses)}`);
    return { rate, payloads };
  };

  // (B) the same storage work directly: PutObject of the raw JSON + conditional PutItem of the
  // same item the adapter writes (records, keys and archive keys prepared outside the timing).
  const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
  const ddb = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
  const { byOwner, byFeed } = TABLE_DESIGN.indexes;
  const prepareDirect = async (run: number, count: number) => {
    const now = new Date().toISOString();
    return Promise.all(
      bodies(`direct${run}`, count).map(async (body) => {
        const input = CommunicationInput.parse(JSON.parse(body));
        const recordId = recordIdFor(BENCH_TENANT, input.type, input.sourceSystem, input.sourceRecordId, toUtcIso(input.occurredAt));
        const raw = { tenantId: BENCH_TENANT, channel: 'api', receivedAt: now, recordId, body: Buffer.from(body), contentType: 'application/json' };
        const rawKey = blobKeys.raw(raw, createHash('sha256').update(raw.body).digest('hex'));
        const match = { customerId: 'C-1', matchedBy: 'explicit' };
        const record = await buildRecord(hub.deps.blobs, { tenantId: BENCH_TENANT, recordId, input, match, rawArchiveKey: rawKey, principal: 'bench', now });
        const hash = identityHashOf(recordId) as string;
        const order = keys.recordOrder(record.occurredAt, recordId);
        const item = {
          ...keys.record(BENCH_TENANT, hash),
          [byOwner.partitionKey]: keys.timeline(BENCH_TENANT, 'C-1'),
          [byOwner.sortKey]: order,
          [byFeed.partitionKey]: keys.dayFeed(BENCH_TENANT, record.occurredAt.slice(0, 10), feedShardOf(hash)),
          [byFeed.sortKey]: order,
          ...record,
        };
        return { raw, rawKey, item };
      }),
    );
  };
  const armB = async (run: number, count = N) => {
    const work = await prepareDirect(run, count);
    const t = performance.now();
    await pool(count, CONCURRENCY, async (i) => {
      const { raw, rawKey, item } = work[i] as Awaited<ReturnType<typeof prepareDirect>>[number];
      await s3.send(
        new PutObjectCommand({ Bucket: settings.rawArchiveBucket, Key: rawKey, Body: raw.body, ContentType: raw.contentType, Metadata: { 'received-at': raw.receivedAt } }),
      );
      await ddb.send(new PutCommand({ TableName: settings.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    });
    return count / ((performance.now() - t) / 1000);
  };

  // Warm-up (JIT, connection pools, both servers), then A, B, A, B; best of each.
  await post(bodies('warmup', 200));
  await armB(0, 200);
  const a1 = await armA(1);
  const b1 = await armB(1);
  const a2 = await armA(2);
  const b2 = await armB(2);
  const bestA = Math.max(a1.rate, a2.rate);
  const bestB = Math.max(b1, b2);

  // Duplicate deliveries: re-POST run 1's payloads; each must answer 200 (duplicate: true).
  const dup = await post(a1.payloads);
  const duplicates = dup.statuses['200'] ?? 0;
  const dupRate = dup.rate;

  const r = (x: number) => String(Math.round(x));
  console.log(`\ningest of ${N} distinct communications per run, concurrency ${CONCURRENCY} (best of 2 alternating runs)`);
  printTable([
    ['arm', 'run 1 rec/s', 'run 2 rec/s', 'best rec/s'],
    ['A POST /v1/communications', r(a1.rate), r(a2.rate), r(bestA)],
    ['B direct S3 put + DynamoDB put', r(b1), r(b2), r(bestB)],
    ['duplicate re-POST (info)', r(dupRate), '-', r(dupRate)],
  ]);
  console.log(`\nduplicates recognised: ${duplicates}/${N} (${((100 * duplicates) / N).toFixed(1)} %), ${r(dupRate)} deliveries/s`);
  const ratio = bestA / bestB;
  console.log(`bench: ingest_rate_ratio=${ratio.toFixed(2)} (target >= 0.7)`);
  s3.destroy();
  ddb.destroy();
} finally {
  await client.terminate();
  await hub.close();
}
