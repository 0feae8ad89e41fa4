import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_NAMES } from '../../embedded/hub-settings.js';
import { CUSTOMERS } from './deliveries.js';

/** What the checks after a load run found. */
export interface RunFindings {
  /** Acknowledged source ids on no timeline (nor the unmatched inbox). */
  readonly lost: number;
  /** Extra copies of acknowledged source ids (a source id on two records counts once per extra). */
  readonly duplicated: number;
  /** Records whose raw payload is not in the raw archive. */
  readonly unarchived: number;
  /** Records still `pending` (or `failed`) after the replays. */
  readonly unfinished: number;
  /** Records the `failed`/`unfinished` replays could not bring to `completed`. */
  readonly replayFailures: number;
  readonly records: number;
  /**
   * Records still `pending` once the run settled, before any replay: a workflow start lost to a
   * crash or a fault (the journal and the insert feed's notes are there so that none is).
   */
  readonly stranded: number;
  /** Workflows the replays started. */
  readonly replayed: number;
}

interface Item {
  readonly recordId: string;
  readonly sourceSystem: string;
  readonly sourceRecordId: string;
  readonly rawArchiveKey: string;
  readonly analysis: { readonly status: string };
}

interface VerifyOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly dataDir: string;
  readonly expectedSources: readonly string[];
  readonly giveUpAt: number;
  readonly log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(options: VerifyOptions, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(options.baseUrl + path, { method, headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status < 500 || attempt > 5) return { status: response.status, body: JSON.parse(text) };
    await sleep(500);
  }
}

/** Every record of the run: the named customers' timelines and the unmatched inbox, all pages. */
async function allRecords(options: VerifyOptions): Promise<Item[]> {
  const items: Item[] = [];
  for (const base of [...CUSTOMERS.map((id) => `/v1/customers/${id}/timeline`), '/v1/unmatched']) {
    let cursor: string | undefined;
    do {
      const page = await call(options, 'GET', `${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (page.status !== 200) throw new Error(`GET ${base}: ${page.status} ${JSON.stringify(page.body)}`);
      items.push(...(page.body.items as Item[]));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
  }
  return items;
}

/** Polls until no record is `pending`, or the count of pending ones has not moved for `stallMs`. */
async function settle(options: VerifyOptions, stallMs: number): Promise<Item[]> {
  let last = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (;;) {
    const items = await allRecords(options);
    const pending = items.filter((i) => i.analysis.status === 'pending').length;
    if (pending < last) {
      last = pending;
      movedAt = Date.now();
    }
    if (pending === 0 || Date.now() - movedAt > stallMs || Date.now() > options.giveUpAt) return items;
    options.log(`  ${pending} of ${items.length} records still pending`);
    // Listing every record costs the hub too: poll less often the more there are.
    await sleep(Math.min(20_000, 1000 + 3 * items.length));
  }
}

/**
 * `POST /v1/admin/replays` under one replay id, waiting for its workflows between calls, until a call starts
 * nothing. One id throughout: a record queued by an earlier call but not yet run is selected again, and only
 * the same id (it names the execution) keeps that from starting a second workflow.
 */
async function replay(options: VerifyOptions, select: 'unfinished' | 'failed', replayId: string): Promise<number> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let started = 0;
  for (let round = 0; round < 20 && Date.now() < options.giveUpAt; round++) {
    const result = await call(options, 'POST', '/v1/admin/replays', { from: day(Date.now() - 2 * 86_400_000), to: day(Date.now()), select, replayId, limit: 1000 });
    if (result.status !== 202) throw new Error(`replay ${select}: ${result.status} ${JSON.stringify(result.body)}`);
    options.log(`  replay ${replayId}: ${result.body.started} started (examined ${result.body.examined})`);
    if (result.body.started === 0) return started;
    started += result.body.started as number;
    await settle(options, 20_000);
  }
  return started;
}

/**
 * The checks of issue 7 after a load run: each acknowledged source id on a timeline exactly once, its
 * raw payload archived, its workflow finished (lost ones replayed as `unfinished`, failed ones replayed).
 */
export async function verifyRun(options: VerifyOptions): Promise<RunFindings> {
  // A step waiting out a dependency's unavailability retries up to 30 s apart: a shorter quiet spell is not a stall.
  let items = await settle(options, 45_000);
  const stuck = items.filter((i) => i.analysis.status !== 'completed').length;
  const stranded = items.filter((i) => i.analysis.status === 'pending').length;
  let replayed = 0;
  if (stuck > 0) {
    options.log(`  ${stuck} records not completed after the run (workflows killed with the hub, or failed): replaying`);
    replayed += await replay(options, 'unfinished', 'rel-unfinished');
    replayed += await replay(options, 'failed', 'rel-failed');
    items = await allRecords(options);
  }
  const counts = new Map<string, number>();
  for (const item of items) counts.set(`${item.sourceSystem}/${item.sourceRecordId}`, (counts.get(`${item.sourceSystem}/${item.sourceRecordId}`) ?? 0) + 1);
  const lostIds = options.expectedSources.filter((source) => !counts.has(source));
  if (lostIds.length > 0) options.log(`  lost, e.g. ${lostIds.slice(0, 5).join(', ')}`);
  const duplicated = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
  const archive = join(options.dataDir, 's3', EMBEDDED_NAMES.rawArchiveBucket);
  // s3rver keeps each object as `<key>._S3rver_object` under the bucket's directory.
  const unarchivedIds = items.filter((i) => !i.rawArchiveKey || !existsSync(join(archive, `${i.rawArchiveKey}._S3rver_object`)));
  if (unarchivedIds.length > 0) options.log(`  unarchived, e.g. ${unarchivedIds.slice(0, 3).map((i) => `${i.recordId} → ${i.rawArchiveKey}`).join(', ')}`);
  const notCompleted = items.filter((i) => i.analysis.status !== 'completed');
  if (notCompleted.length > 0) options.log(`  not completed, e.g. ${notCompleted.slice(0, 3).map((i) => `${i.recordId}: ${i.analysis.status}`).join(', ')}`);
  return {
    lost: lostIds.length,
    duplicated,
    unarchived: unarchivedIds.length,
    unfinished: notCompleted.filter((i) => i.analysis.status === 'pending').length,
    replayFailures: notCompleted.filter((i) => i.analysis.status !== 'pending').length,
    records: items.length,
    stranded,
    replayed,
  };
}
