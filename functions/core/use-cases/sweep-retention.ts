import { randomUUID } from 'node:crypto';
import type { HubDependencies } from '../dependencies.js';
import { budgetSpent, withinBudget, type ErasureBudget } from '../erasure/erasure-budget.js';
import { eraseRecord } from '../erasure/erase-record.js';
import { purgeRefusedDeliveries } from '../erasure/purge-refused-deliveries.js';
import { DAY_TOUCH_INTERVAL_MS, type RecordDay, type RetentionState } from '../ports/record-store.js';
import { utcDayOf } from '../reports/zoned-time.js';
import { logger } from '../../http/logger.js';
import { indexUnlistedCustomers } from './reindex-customer-directory.js';

/** The audit actor of the hub's own deletions. */
export const RETENTION_PRINCIPAL = 'system:retention';
const DAY_MS = 86_400_000;
const IDS_PER_ROUND = 100;
const CONCURRENCY = 8;
/** Record ids an audit entry lists (the count is always exact). */
const AUDITED_IDS = 500;
/** Clocks of the processes that note days may run this far apart. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** How long, and how often, a sweep waits for the day feed to drop records it has just erased. */
const STALE_WAIT_MS = 500;
const STALE_RETRIES = 6;

export interface RetentionSweepOptions {
  readonly budget?: ErasureBudget;
}

/** One tenant's sweep: ids and counts only. */
export interface TenantSweep {
  readonly tenantId: string;
  readonly retentionDays: number;
  /** Records that happened before this instant were deleted. */
  readonly cutoff: string;
  readonly recordIds: string[];
  readonly blobs: number;
  /** Objects that refused redeliveries of erased records had stored again, purged. */
  readonly purgedBlobs: number;
  /** `false` when the budget ran out first; the next sweep continues from `clearedBefore`. */
  readonly complete: boolean;
  /** Every day before this one is clear of expired records. */
  readonly clearedBefore: string;
}

/**
 * The days a sweep must look at: every day with records on the first sweep; later, the days from
 * where the last sweep stopped, and any older day a record was stored on since the last sweep began
 * (a backfill of old data) — a day's `touchedAt` may lag a store by `DAY_TOUCH_INTERVAL_MS`.
 *
 * @example
 * daysToSweep(await deps.records.recordDays(tenantId, '2025-01-30'), { clearedBefore: '2025-01-29', sweptAt }); // ['2025-01-29', '2025-01-30']
 */
export function daysToSweep(days: readonly RecordDay[], state: RetentionState | null): string[] {
  if (state === null) return days.map((d) => d.day);
  const since = state.sweptAt - DAY_TOUCH_INTERVAL_MS - CLOCK_SKEW_MS;
  return days.filter((d) => d.day >= state.clearedBefore || d.touchedAt >= since).map((d) => d.day);
}

/** Erases a day's records that happened before the cutoff; `false` when the budget ran out (or the feed would not catch up). */
async function sweepDay(deps: HubDependencies, tenantId: string, day: string, cutoff: string, budget: ErasureBudget, found: { recordIds: string[]; blobs: number; seen: Set<string> }): Promise<boolean> {
  for (let stale = 0; ; ) {
    const listed = await deps.records.recordIdsOnDay(tenantId, day, cutoff, IDS_PER_ROUND);
    if (listed.length === 0) return true;
    const ids = listed.filter((id) => !found.seen.has(id));
    if (ids.length === 0) {
      // Only records already erased: the day feed (a GSI) lags the tombstones by a moment. Wait for
      // it; if it does not catch up, stop — this day stays to be swept next time.
      if (++stale > STALE_RETRIES) return false;
      await new Promise((resolve) => setTimeout(resolve, STALE_WAIT_MS));
      continue;
    }
    ids.forEach((id) => found.seen.add(id));
    const ran = await withinBudget(ids, CONCURRENCY, budget, (id) => eraseRecord(deps, tenantId, id, { reason: 'retention' }));
    for (const erased of ran.results) if (erased) (found.recordIds.push(erased.recordId), (found.blobs += erased.blobs));
    if (!ran.complete) return false;
  }
}

/**
 * Sweeps one tenant's days up to the cutoff, then saves where it got to: `sweptAt` is when this
 * sweep started, since every day before `clearedBefore` was cleared by it (records stored there
 * later are found by their day's `touchedAt`).
 */
async function sweepTenant(deps: HubDependencies, tenantId: string, cutoff: string, budget: ErasureBudget) {
  const startedAt = Date.now();
  const cutoffDay = cutoff.slice(0, 10);
  const state = await deps.records.retentionState(tenantId);
  const found = { recordIds: [] as string[], blobs: 0, seen: new Set<string>() };
  const result = (complete: boolean, clearedBefore: string) => ({ recordIds: found.recordIds, blobs: found.blobs, complete, clearedBefore });
  for (const day of daysToSweep(await deps.records.recordDays(tenantId, cutoffDay), state)) {
    if (!budgetSpent(budget) && (await sweepDay(deps, tenantId, day, cutoff, budget, found))) continue;
    // Stopped on `day`. Among the old days touched since the last sweep, the state stays as it was
    // (they are all found again); past them, every earlier day was cleared by this sweep.
    if (state !== null && day < state.clearedBefore) return result(false, state.clearedBefore);
    await deps.records.saveRetentionState(tenantId, { clearedBefore: day, sweptAt: startedAt });
    return result(false, day);
  }
  // The cutoff's own day is only partly expired: it stays the first day to look at.
  await deps.records.saveRetentionState(tenantId, { clearedBefore: cutoffDay, sweptAt: startedAt });
  return result(true, cutoffDay);
}

/**
 * The daily retention sweep: for every tenant with `retentionDays`, deletes the records that happened
 * more than that many days ago through the same erasure as a privacy request (`eraseRecord`: blobs,
 * tasks, alerts, evidence in insights, thread; a tombstone that refuses a redelivery for 30 days),
 * and appends one audit entry per tenant (actor `system:retention`, no scopes) with the ids removed.
 * For every tenant it also purges what refused redeliveries of erased records stored again, and
 * indexes customers stored before the customer directory (`indexUnlistedCustomers`).
 *
 * It walks only days that have records (the store notes each day a record lands on): on the first
 * sweep all of them up to the cutoff, later the days from where the last sweep stopped plus any
 * older day written to since (a backfill of old data) — so a daily sweep reads a day or two. A
 * budget stops it cleanly and the next sweep resumes from where it stopped.
 *
 * @example
 * const sweeps = await sweepRetention(deps, { budget: { deadline: Date.now() + 13 * 60_000 } });
 */
export async function sweepRetention(deps: HubDependencies, options: RetentionSweepOptions = {}): Promise<TenantSweep[]> {
  const sweeps: TenantSweep[] = [];
  for (const { tenantId, settings } of await deps.tenants.listTenants()) {
    // Upkeep beside the sweep: customers an earlier version stored without directory entries.
    const indexed = await indexUnlistedCustomers(deps, tenantId);
    if (indexed > 0) logger.info('indexed customers stored before the customer directory', { tenantId, count: indexed });
    const purged = await purgeRefusedDeliveries(deps, tenantId, options.budget ?? {});
    if (settings.retentionDays === undefined) continue;
    const now = deps.clock.now();
    const cutoff = new Date(now.getTime() - settings.retentionDays * DAY_MS).toISOString();
    const swept = await sweepTenant(deps, tenantId, cutoff, options.budget ?? {});
    const sweep: TenantSweep = { tenantId, retentionDays: settings.retentionDays, cutoff, ...swept, purgedBlobs: purged.blobs, complete: swept.complete && purged.complete };
    await deps.audit.append({
      auditId: randomUUID(),
      tenantId,
      at: now.toISOString(),
      actor: { principal: RETENTION_PRINCIPAL, scopes: [] },
      action: 'retention-sweep',
      outcome: 200,
      targets: sweep.recordIds.slice(0, AUDITED_IDS).map((id) => ({ type: 'communication', id })),
      before: { records: sweep.recordIds.length, blobs: sweep.blobs + sweep.purgedBlobs, retentionDays: sweep.retentionDays, cutoff },
      after: { clearedBefore: sweep.clearedBefore, complete: sweep.complete, sweptOn: utcDayOf(now) },
    });
    sweeps.push(sweep);
    if (budgetSpent(options.budget ?? {})) break;
  }
  return sweeps;
}
