import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkHttpCase, httpCases } from './fuzz-http.js';
import { checkSmtpCase, smtpCases } from './fuzz-smtp.js';
import { freePort, HubProcess } from './hub-process.js';
import type { MemoryReading } from './memory-probe.js';

export interface FuzzOptions {
  /** HTTP requests + SMTP sessions in all (85 % / 15 %). */
  readonly cases: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface FuzzResult {
  readonly httpCases: number;
  readonly smtpCases: number;
  /** What was wrong, one line per failing case (undocumented status, 5xx, no answer, SMTP 451, …). */
  readonly failures: readonly string[];
  readonly statuses: Readonly<Record<number, number>>;
  /** The hub's memory after a full collection, once warmed up and once the cases are over. */
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
  readonly crashed: boolean;
  readonly durationS: number;
}

/** RSS may grow by the records and caches the valid cases create, not without bound. */
export const RSS_GROWTH_LIMIT_MB = 128;
/**
 * What a full collection leaves: the objects the hub keeps. 10,000 cases kept 18 MB more than the warmed-up
 * start and 20,000 kept 21 MB (caches filling up to their bounds); a leak of 4 KB per request would add
 * 34 MB over 10,000 cases.
 */
export const HEAP_GROWTH_LIMIT_MB = 32;
const SETTLE_MS = 5000;
const SAMPLE_MS = 1000;

/** The run in one line of `key=value` figures (what `npm run test:reliability` prints). */
export function fuzzLine(r: FuzzResult): string {
  const status5xx = Object.entries(r.statuses).reduce((n, [status, count]) => (Number(status) >= 500 ? n + count : n), 0);
  const mb = (value: number) => value.toFixed(0);
  return (
    `fuzz_cases=${r.httpCases + r.smtpCases} http=${r.httpCases} smtp=${r.smtpCases} failures=${r.failures.length} status_5xx=${status5xx} crashed=${r.crashed} ` +
    `rss_before_mb=${mb(r.rssBeforeMb)} rss_after_mb=${mb(r.rssAfterMb)} heap_before_mb=${mb(r.heapBeforeMb)} heap_after_mb=${mb(r.heapAfterMb)} duration_s=${r.durationS.toFixed(1)}`
  );
}

/** Runs `check` over `cases` with `concurrency` in flight. */
async function each<T>(cases: readonly T[], concurrency: number, check: (c: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) await check(cases[next++] as T);
    }),
  );
}

/**
 * The hub's memory once the run's work has had a moment to finish: the lowest of readings, each after a
 * full collection, over {@link SETTLE_MS} (the valid cases' workflows may still be running right after
 * the last case). Memory that is really kept shows in every reading.
 */
async function settledMemory(hub: HubProcess): Promise<MemoryReading> {
  let lowest = await hub.memory();
  for (let waited = 0; waited < SETTLE_MS && hub.pid !== null; waited += SAMPLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    if (hub.pid === null) break;
    const reading = await hub.memory();
    lowest = { rss: Math.min(lowest.rss, reading.rss), heapUsed: Math.min(lowest.heapUsed, reading.heapUsed) };
  }
  return lowest;
}

/**
 * Issue 7's fuzz suite: seeded requests to every route of ROUTES and SMTP sessions against `npm start` in
 * a child process. Every HTTP answer must be 2xx or a documented 4xx with the JSON error shape, every SMTP
 * reply well-formed and never 451, the process must stay up and its memory (RSS, and the heap a full
 * collection leaves) grow within bounds.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'commhub-fuzz-'));
  const jwtSecret = randomBytes(24).toString('hex');
  const hub = new HubProcess({ dataDir, port: await freePort(), smtpPort: await freePort(), jwtSecret });
  const smtpCount = Math.round(options.cases * 0.15);
  const http = fc.sample(httpCases(jwtSecret), { seed: options.seed, numRuns: options.cases - smtpCount });
  const smtp = fc.sample(smtpCases, { seed: options.seed + 1, numRuns: smtpCount });
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  try {
    await hub.start();
    // Warm up (JIT, SDK clients, connection pools) before the baseline reading.
    const warm = Math.min(200, Math.floor(http.length / 10));
    await each(http.slice(0, warm), 4, async (c) => void (await checkHttpCase(hub.url, c)));
    const before = await hub.memory();
    await each(http.slice(warm), 4, async (c) => {
      const { status, failure } = await checkHttpCase(hub.url, c);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (failure) failures.push(`http ${failure}`);
    });
    log(`  ${http.length} HTTP cases done in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`);
    await each(smtp, 2, async (c) => {
      const failure = await checkSmtpCase(hub.smtpPort, c);
      if (failure) failures.push(`smtp ${failure}`);
    });
    log(`  ${smtp.length} SMTP sessions done, ${failures.length} failures in all`);
    const health = await fetch(`${hub.url}/v1/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (health !== 200) failures.push(`health after the run: ${health}`);
    const crashed = hub.pid === null;
    const after = crashed ? { rss: Number.NaN, heapUsed: Number.NaN } : await settledMemory(hub);
    const mb = (bytes: number) => bytes / 2 ** 20;
    if (crashed) failures.push(`the hub exited:\n${hub.output().slice(-2000)}`);
    if (mb(after.rss - before.rss) > RSS_GROWTH_LIMIT_MB)
      failures.push(`RSS grew from ${mb(before.rss).toFixed(0)} MB to ${mb(after.rss).toFixed(0)} MB (bound +${RSS_GROWTH_LIMIT_MB} MB)`);
    if (mb(after.heapUsed - before.heapUsed) > HEAP_GROWTH_LIMIT_MB)
      failures.push(
        `the heap kept after a full collection grew from ${mb(before.heapUsed).toFixed(0)} MB to ${mb(after.heapUsed).toFixed(0)} MB (bound +${HEAP_GROWTH_LIMIT_MB} MB)`,
      );
    for (const failure of failures.slice(0, 10)) log(`  ${failure}`);
    return {
      httpCases: http.length,
      smtpCases: smtp.length,
      failures,
      statuses,
      rssBeforeMb: mb(before.rss),
      rssAfterMb: mb(after.rss),
      heapBeforeMb: mb(before.heapUsed),
      heapAfterMb: mb(after.heapUsed),
      crashed,
      durationS: (Date.now() - started) / 1000,
    };
  } finally {
    await hub.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
