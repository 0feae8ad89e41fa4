import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkHttpCase, httpCases } from './fuzz-http.js';
import { checkSmtpCase, smtpCases } from './fuzz-smtp.js';
import { freePort, HubProcess } from './hub-process.js';

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
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly crashed: boolean;
  readonly durationS: number;
}

/** RSS may grow by the records and caches the valid cases create, not without bound. */
export const RSS_GROWTH_LIMIT_MB = 128;
const RSS_SETTLE_MS = 5000;
const RSS_SAMPLE_MS = 500;

export const fuzzLine = (r: FuzzResult) =>
  `fuzz_cases=${r.httpCases + r.smtpCases} http=${r.httpCases} smtp=${r.smtpCases} failures=${r.failures.length} status_5xx=${Object.entries(r.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0)} crashed=${r.crashed} rss_before_mb=${r.rssBeforeMb.toFixed(0)} rss_after_mb=${r.rssAfterMb.toFixed(0)} duration_s=${r.durationS.toFixed(1)}`;

/** Runs `check` over `cases` with `concurrency` in flight. */
async function each<T>(cases: readonly T[], concurrency: number, check: (c: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < cases.length) await check(cases[next++] as T);
  }));
}

/**
 * The hub's resident set once the run's work has had a moment to finish: the lowest of readings over
 * {@link RSS_SETTLE_MS}. A single reading right after the last case catches whatever the valid cases'
 * workflows still hold in flight and wherever the collector happens to be (one full run of 10,000 cases
 * read 454 MB where its repeat read 312); memory that is really kept shows in every reading.
 */
async function settledRss(hub: HubProcess): Promise<number> {
  let lowest = hub.rss();
  for (let waited = 0; waited < RSS_SETTLE_MS && hub.pid !== null; waited += RSS_SAMPLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, RSS_SAMPLE_MS));
    if (hub.pid !== null) lowest = Math.min(lowest, hub.rss());
  }
  return lowest;
}

/**
 * Issue 7's fuzz suite: seeded requests to every route of ROUTES and SMTP sessions against `npm start` in
 * a child process. Every HTTP answer must be 2xx or a documented 4xx with the JSON error shape, every SMTP
 * reply well-formed and never 451, the process must stay up and its RSS stay within a bound.
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
    const rssBefore = hub.rss();
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
    const health = await fetch(`${hub.url}/v1/health`).then((r) => r.status, () => 0);
    if (health !== 200) failures.push(`health after the run: ${health}`);
    const crashed = hub.pid === null;
    const rssAfter = crashed ? Number.NaN : await settledRss(hub);
    if (crashed) failures.push(`the hub exited:\n${hub.output().slice(-2000)}`);
    else if (rssAfter - rssBefore > RSS_GROWTH_LIMIT_MB * 2 ** 20) failures.push(`RSS grew from ${(rssBefore / 2 ** 20).toFixed(0)} MB to ${(rssAfter / 2 ** 20).toFixed(0)} MB`);
    for (const failure of failures.slice(0, 10)) log(`  ${failure}`);
    return { httpCases: http.length, smtpCases: smtp.length, failures, statuses, rssBeforeMb: rssBefore / 2 ** 20, rssAfterMb: rssAfter / 2 ** 20, crashed, durationS: (Date.now() - started) / 1000 };
  } finally {
    await hub.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
