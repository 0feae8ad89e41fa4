// Timeline read benchmark: the RecordStore adapter's page vs a bare DynamoDB Query of the same page.
// Run: npx tsx bench/timeline.ts   (in-memory hub, loopback only, ~30 s)
import { BENCH_TENANT, deadline, inMemorySettings, ms, percentile, pool, printTable } from './support.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startHub } from '../embedded/hub.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded/local-servers.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { keys } from '../functions/adapters/dynamodb/keys.js';
import { TABLE_DESIGN } from '../functions/adapters/dynamodb/table-design.js';
import { CommunicationInput } from '../functions/core/model/communication-input.js';
import { recordIdFor } from '../functions/core/model/record-id.js';
import type { RecordType } from '../functions/core/model/record-types.js';
import { buildRecord, toUtcIso } from '../functions/core/use-cases/build-record.js';

const CUSTOMER = 'C-BENCH';
const RECORDS = 10_000;
const NEIGHBOUR_RECORDS = 300;
const PAGE = 50;
const WARMUP = 50;
const MEASURED = 500;
const FILTERED = 200;
const TYPES: RecordType[] = ['email', 'phone', 'wechat']; // email = exactly 1/3 of the records

deadline(150);
const hub = await startHub(inMemorySettings());
try {
  const { records, blobs } = hub.deps;
  const now = new Date().toISOString();
  const start = Date.UTC(2025, 0, 1);
  const insert = async (customerId: string, i: number) => {
    const input = CommunicationInput.parse({
      sourceSystem: 'bench',
      sourceRecordId: `${customerId}-${i}`,
      type: TYPES[i % TYPES.length],
      occurredAt: new Date(start + i * 137_000).toISOString().replace('Z', '+00:00'),
      customer: { id: customerId },
      participants: [{ name: 'Customer', email: `c${i % 97}@example.com`, role: 'from' }, { staffId: 'S-1', role: 'to' }],
      subject: `Subject ${i}`,
      content: `Body of communication ${i}. `.repeat(12),
      tags: ['bench'],
    });
    const recordId = recordIdFor(BENCH_TENANT, input.type, input.sourceSystem, input.sourceRecordId, toUtcIso(input.occurredAt));
    const record = await buildRecord(blobs, {
      tenantId: BENCH_TENANT,
      recordId,
      input,
      match: { customerId, matchedBy: 'explicit' },
      rawArchiveKey: `raw/${BENCH_TENANT}/bench/${recordId}`,
      principal: 'bench',
      now,
    });
    const result = await records.insertRecord(record);
    if (!result.inserted) throw new Error(`record ${recordId} was already stored`);
  };

  let t0 = performance.now();
  await pool(RECORDS, 16, (i) => insert(CUSTOMER, i));
  await pool(NEIGHBOUR_RECORDS, 16, (i) => insert('C-OTHER', i));
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(`loaded ${RECORDS} + ${NEIGHBOUR_RECORDS} records in ${loadSeconds.toFixed(1)} s (${Math.round((RECORDS + NEIGHBOUR_RECORDS) / loadSeconds)} puts/s)`);

  // The bare arm: same index, partition, order and page size, its own document client.
  const bare = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
  const { byOwner } = TABLE_DESIGN.indexes;
  const partition = keys.timeline(BENCH_TENANT, CUSTOMER);
  const bareQuery = (startKey: Record<string, unknown> | undefined) =>
    bare.send(
      new QueryCommand({
        TableName: hub.settings.tableName,
        IndexName: byOwner.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': byOwner.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: PAGE,
        ExclusiveStartKey: startKey,
      }),
    );
  const adapterQuery = (cursor: string | undefined) =>
    records.queryTimeline({ tenantId: BENCH_TENANT, customerId: CUSTOMER, limit: PAGE, cursor });

  // Page start positions, walked once through each arm; page p must start at the same item in both.
  const startKeys: (Record<string, unknown> | undefined)[] = [undefined];
  const cursors: (string | undefined)[] = [undefined];
  for (;;) {
    const p = startKeys.length - 1;
    const [b, a] = await Promise.all([bareQuery(startKeys[p]), adapterQuery(cursors[p])]);
    if (b.Items?.[0]?.recordId !== a.items[0]?.recordId) throw new Error(`page ${p} differs between the arms`);
    if (!b.LastEvaluatedKey || !a.nextCursor) break;
    startKeys.push(b.LastEvaluatedKey);
    cursors.push(a.nextCursor);
  }
  const pages = startKeys.length;
  if (pages !== RECORDS / PAGE) throw new Error(`expected ${RECORDS / PAGE} pages, walked ${pages}`);

  // Seeded page choice, identical for both arms; the order alternates to cancel drift.
  let seed = 0x2545f491;
  const randomPage = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % pages;
  const adapterMs: number[] = [];
  const bareMs: number[] = [];
  const time = async (run: () => Promise<unknown>, into: number[] | null) => {
    const t = performance.now();
    await run();
    into?.push(performance.now() - t);
  };
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const p = randomPage();
    const measured = i >= WARMUP;
    const a = () => time(() => adapterQuery(cursors[p]), measured ? adapterMs : null);
    const b = () => time(() => bareQuery(startKeys[p]), measured ? bareMs : null);
    if (i % 2 === 0) {
      await a();
      await b();
    } else {
      await b();
      await a();
    }
  }

  // Filtered page (types=email, 1/3 of records): information only.
  const filteredMs: number[] = [];
  t0 = performance.now();
  for (let i = 0; i < WARMUP + FILTERED; i++) {
    const p = randomPage();
    const t = performance.now();
    const page = await records.queryTimeline({ tenantId: BENCH_TENANT, customerId: CUSTOMER, limit: PAGE, cursor: cursors[p], types: ['email'] });
    if (i >= WARMUP) filteredMs.push(performance.now() - t);
    if (page.items.some((item) => item.type !== 'email')) throw new Error('filter returned a non-email record');
  }

  const row = (name: string, samples: number[]) => [name, String(samples.length), ms(percentile(samples, 0.5)), ms(percentile(samples, 0.99)), ms(Math.max(...samples))];
  console.log(`\ntimeline page of ${PAGE} from ${RECORDS} records (${pages} pages, random start page, ${WARMUP} warm-up)`);
  printTable([
    ['arm', 'n', 'p50 ms', 'p99 ms', 'max ms'],
    row('A adapter queryTimeline', adapterMs),
    row('B bare QueryCommand GSI1', bareMs),
    row('adapter, types=email', filteredMs),
  ]);
  const p50Ratio = percentile(adapterMs, 0.5) / percentile(bareMs, 0.5);
  const p99Ratio = percentile(adapterMs, 0.99) / percentile(bareMs, 0.99);
  console.log(`\nratio A/B: p50 ${p50Ratio.toFixed(2)}, p99 ${p99Ratio.toFixed(2)}`);
  console.log(`bench: timeline_p99_ratio=${p99Ratio.toFixed(2)} (target <= 1.3)`);
  bare.destroy();
} finally {
  await hub.close();
}
