// `npm run bench:periodic`: a full periodic run (the weekly report: metrics, A11–A14 local, findings,
// A15, email) over N customers × 50 records in embedded mode — the real ASL, dynalite and s3rver.
// Prints wall time, store round trips per customer by kind, and how the per-customer cost scales
// from the small run to the large one (same process, same hub: the small run is the baseline).
import { deadline, envCount, inMemorySettings, pool, printTable } from './support.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type RunningHub } from '../embedded/hub.js';
import { DEMO_TENANTS_FILE } from '../embedded/hub-settings.js';
import { requestReport } from '../functions/core/periodic/start-periodic-run.js';
import { syntheticHistory } from '../test/support/synthetic-history.js';

const LARGE = envCount('BENCH_PERIODIC_CUSTOMERS', 1000);
const SMALL = Math.max(10, Math.round(LARGE / 10));
/** 50 records a customer over four months, falling for every fifth customer (so A14 has work). */
const STEADY = [12, 12, 13, 13];
const FALLING = [16, 16, 16, 2];
const TARGET_SCALING = 1.1;
deadline(1800);

/** Counts the store calls the run makes, by method (the hub's adapters are shared by every step). */
function countCalls(hub: RunningHub): Map<string, number> {
  const counts = new Map<string, number>();
  const stores = { records: hub.deps.records, workItems: hub.deps.workItems, customers: hub.deps.customers, reports: hub.deps.reports, riskEpisodes: hub.deps.riskEpisodes, blobs: hub.deps.blobs };
  for (const [storeName, store] of Object.entries(stores)) {
    const target = store as unknown as Record<string, unknown>;
    let proto = Object.getPrototypeOf(store) as object | null;
    const names = new Set<string>(Object.keys(target));
    while (proto && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    for (const name of names) {
      const original = target[name];
      if (name === 'constructor' || typeof original !== 'function') continue;
      target[name] = (...args: unknown[]) => {
        const key = `${storeName}.${name}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return (original as (...a: unknown[]) => unknown).apply(store, args);
      };
    }
  }
  return counts;
}

async function seed(hub: RunningHub, tenantId: string, customers: number, asOf: Date): Promise<number> {
  let records = 0;
  await pool(customers, 8, async (i) => {
    const customerId = `C${String(i).padStart(5, '0')}`;
    const now = asOf.toISOString();
    await hub.deps.customers.putCustomer({
      tenantId, customerId, name: `客户${i}`, domains: [], emails: [], phones: [], wecomUserIds: [], priority: i % 10 === 0 ? 'high' : 'normal', tags: [], createdAt: now, updatedAt: now, version: 0,
    });
    const history = syntheticHistory({ tenantId, customerId, asOf, monthlyCounts: i % 5 === 0 ? FALLING : STEADY, competitorMentions: i % 5 === 0 ? 2 : 0, seed: i + 1 });
    for (const record of history) await hub.deps.records.insertRecord(record);
    records += history.length;
  });
  return records;
}

async function timedRun(hub: RunningHub, tenantId: string, counts: Map<string, number>): Promise<{ seconds: number; calls: Map<string, number>; status: string }> {
  counts.clear();
  const started = performance.now();
  const report = await requestReport(hub.workflows.deps, { tenantId, type: 'weekly', trigger: 'cli' });
  await hub.workflows.engine.idle();
  const seconds = (performance.now() - started) / 1000;
  const stored = await hub.deps.reports.getReport(tenantId, report.reportId);
  return { seconds, calls: new Map(counts), status: stored?.status ?? 'missing' };
}

const document = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8')) as { tenants: Record<string, Record<string, unknown>> };
const demo = document.tenants.T001!;
document.tenants = { SMALL: { ...demo, inboundAddresses: [], webhooks: {} }, LARGE: { ...demo, inboundAddresses: [], webhooks: {} } };
const tenantsFile = join(await mkdtemp(join(tmpdir(), 'commhub-bench-periodic-')), 'tenants.json');
await writeFile(tenantsFile, JSON.stringify(document));
const hub = await startHub({ ...inMemorySettings(), tenantsFile, schedules: false, workflowConcurrency: 4 });
try {
  const asOf = new Date();
  const seedStarted = performance.now();
  const seeded = (await seed(hub, 'SMALL', SMALL, asOf)) + (await seed(hub, 'LARGE', LARGE, asOf));
  console.log(`seeded ${SMALL + LARGE} customers, ${seeded} records in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const counts = countCalls(hub);
  const small = await timedRun(hub, 'SMALL', counts);
  const large = await timedRun(hub, 'LARGE', counts);

  const perCustomer = (run: { seconds: number }, n: number) => (run.seconds * 1000) / n;
  const callsOf = (run: { calls: Map<string, number> }, key: string) => run.calls.get(key) ?? 0;
  const reads = ['records.queryTimeline', 'workItems.listTasksByCustomer', 'customers.getCustomer', 'workItems.listInsights', 'blobs.getText', 'records.queryDayFeed', 'riskEpisodes.getRiskEpisodes', 'records.getRecord'];
  console.log(`\nperiodic run (weekly report), embedded: ${SMALL} and ${LARGE} customers × ~50 records`);
  printTable([
    ['figure', `${SMALL} customers`, `${LARGE} customers`],
    ['report status', small.status, large.status],
    ['wall time (s)', small.seconds.toFixed(1), large.seconds.toFixed(1)],
    ['wall time per customer (ms)', perCustomer(small, SMALL).toFixed(1), perCustomer(large, LARGE).toFixed(1)],
    ...reads.map((key) => [`${key} per customer`, (callsOf(small, key) / SMALL).toFixed(2), (callsOf(large, key) / LARGE).toFixed(2)]),
    [
      'store reads per customer (all)',
      ([...small.calls].filter(([k]) => /\.(get|query|list|find)/.test(k)).reduce((s, [, n]) => s + n, 0) / SMALL).toFixed(2),
      ([...large.calls].filter(([k]) => /\.(get|query|list|find)/.test(k)).reduce((s, [, n]) => s + n, 0) / LARGE).toFixed(2),
    ],
  ]);
  const scaling = perCustomer(large, LARGE) / perCustomer(small, SMALL);
  console.log(`\nscaling: per-customer time at ${LARGE} / at ${SMALL} = ${scaling.toFixed(2)} (target <= ${TARGET_SCALING})`);
  console.log(`bench: periodic_wall_s=${large.seconds.toFixed(1)} timeline_queries_per_customer=${(callsOf(large, 'records.queryTimeline') / LARGE).toFixed(2)} scaling=${scaling.toFixed(2)}`);
} finally {
  await hub.close();
}
