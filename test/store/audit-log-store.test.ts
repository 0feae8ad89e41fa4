import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { InvalidCursorError } from '../../functions/core/errors.js';
import type { AuditEntry, AuditLog, AuditQuery } from '../../functions/core/ports/audit-log.js';
import { startTestHub } from '../support/test-hub.js';

const entry = (tenantId: string, at: string, auditId: string, fields: Partial<AuditEntry> = {}): AuditEntry => ({
  auditId,
  tenantId,
  at,
  actor: { principal: 'li.wei', scopes: ['commhub/read'] },
  action: 'update-task',
  request: { method: 'PATCH', path: `/v1/tasks/K-${auditId}`, requestId: `req-${auditId}` },
  outcome: 200,
  targets: [{ type: 'task', id: `K-${auditId}` }],
  before: { status: 'open' },
  after: { status: 'done' },
  ...fields,
});

/** Every page of a listing, following `nextCursor`; fails on a page over the limit. */
async function listAll(audit: AuditLog, tenantId: string, query: AuditQuery, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await audit.list(tenantId, query, { limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.auditId));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor !== undefined && pages < 1000);
  return { ids, pages };
}

/** `n` entries spread over the three days 2024-06-01..03, in an order unrelated to time. */
function spread(tenantId: string, n: number, fields: (i: number) => Partial<AuditEntry> = () => ({})): AuditEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const minute = (i * 37) % (3 * 24 * 60);
    const at = new Date(Date.UTC(2024, 5, 1) + minute * 60_000 + i).toISOString();
    return entry(tenantId, at, `A${String(i).padStart(4, '0')}`, fields(i));
  });
}

const newestFirst = (entries: readonly AuditEntry[]) =>
  [...entries].sort((a, b) => (a.at === b.at ? (a.auditId < b.auditId ? 1 : -1) : a.at < b.at ? 1 : -1)).map((e) => e.auditId);

async function appendAll(audit: AuditLog, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 50) await Promise.all(entries.slice(i, i + 50).map((e) => audit.append(e)));
}

describe('audit log (against the local DynamoDB-API server)', () => {
  let hub: RunningHub;
  let audit: AuditLog;

  beforeAll(async () => {
    hub = await startTestHub({ workflows: false });
    audit = hub.deps.audit;
  });
  afterAll(() => hub?.close());

  it('keeps one entry however often it is appended, exactly as given', async () => {
    // Prepare
    const once = entry('T-IDEM', '2024-06-01T08:00:00.000Z', 'same-id');

    // Act
    await audit.append(once);
    await Promise.all([audit.append(once), audit.append(once)]);
    const page = await audit.list('T-IDEM', {}, { limit: 10 });

    // Assess
    expect(page).toEqual({ items: [once], nextCursor: null });
  });

  it('keeps the first 1,000 targets of a change that touched more, and counts the rest', async () => {
    // Prepare
    const targets = Array.from({ length: 1200 }, (_, i) => ({ type: 'communication', id: `EMAIL-20240601-${String(i).padStart(8, '0')}` }));

    // Act
    await audit.append(entry('T-WIDE', '2024-06-01T08:00:00.000Z', 'wide', { targets }));
    const [stored] = (await audit.list('T-WIDE', {}, { limit: 1 })).items;

    // Assess
    expect(stored?.targets).toEqual(targets.slice(0, 1000));
    expect(stored?.targetsOmitted).toBe(200);
  });

  it('lists newest first across days and shards, in pages of any size, each entry once', async () => {
    // Prepare
    const entries = spread('T-ORDER', 60);
    await appendAll(audit, entries);

    // Act
    const results = await Promise.all([1, 3, 7, 60, 100].map((limit) => listAll(audit, 'T-ORDER', {}, limit)));

    // Assess
    for (const result of results) expect(result.ids).toEqual(newestFirst(entries));
    expect(results.map((result) => result.pages)).toEqual([60, 20, 9, 1, 1]);
  });

  it('bounds a listing by time: from inclusive, to exclusive, offsets normalised, across day boundaries', async () => {
    // Prepare
    const entries = spread('T-RANGE', 60);
    await appendAll(audit, entries);
    const from = '2024-06-01T20:00:00.000Z';
    const to = '2024-06-03T02:00:00.000Z';
    const inRange = entries.filter((e) => e.at >= from && e.at < to);
    const atBoundary = entries.find((e) => e.at === from) ?? entries[0]!;

    // Act
    const ranged = await listAll(audit, 'T-RANGE', { from: '2024-06-02T04:00:00+08:00', to }, 4);
    const exactlyOne = await audit.list('T-RANGE', { from: atBoundary.at, to: new Date(Date.parse(atBoundary.at) + 1).toISOString() }, { limit: 5 });
    const empty = await audit.list('T-RANGE', { from: to, to: from }, { limit: 5 });

    // Assess
    expect(inRange.length).toBeGreaterThan(10);
    expect(inRange.length).toBeLessThan(entries.length);
    expect(ranged.ids).toEqual(newestFirst(inRange));
    expect(exactlyOne.items.map((e) => e.auditId)).toEqual([atBoundary.auditId]);
    expect(empty).toEqual({ items: [], nextCursor: null });
  });

  it('filters by principal and action, paging through many entries that do not match', async () => {
    // Prepare: 1,800 entries on one day, so each shard stops at its read-ahead before the filter is satisfied.
    const entries = Array.from({ length: 1800 }, (_, i) =>
      entry('T-FILTER', new Date(Date.UTC(2024, 6, 1) + i * 1000).toISOString(), `F${String(i).padStart(4, '0')}`, {
        actor: { principal: i % 150 === 7 ? 'auditor' : `user-${i % 5}`, scopes: ['commhub/admin'] },
        action: i % 2 === 0 ? 'update-task' : 'assign-communication',
      }),
    );
    await appendAll(audit, entries);
    const byAuditor = entries.filter((e) => e.actor.principal === 'auditor');
    const byUser1Assigning = entries.filter((e) => e.actor.principal === 'user-1' && e.action === 'assign-communication');

    // Act
    const auditor = await listAll(audit, 'T-FILTER', { principal: 'auditor' }, 5);
    const both = await listAll(audit, 'T-FILTER', { principal: 'user-1', action: 'assign-communication' }, 100);
    const none = await audit.list('T-FILTER', { action: 'delete-customer' }, { limit: 5 });

    // Assess
    expect(byAuditor).toHaveLength(12);
    expect(auditor.ids).toEqual(newestFirst(byAuditor));
    expect(both.ids).toEqual(newestFirst(byUser1Assigning));
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('answers a narrow filter over a long history in bounded pages, a cursor to go on until the end', async () => {
    // Prepare: one entry on each of 40 days; only the oldest matches.
    const entries = Array.from({ length: 40 }, (_, i) =>
      entry('T-LONG', new Date(Date.UTC(2024, 0, 1 + i, 9)).toISOString(), `L${String(i).padStart(2, '0')}`, {
        actor: { principal: i === 0 ? 'needle' : 'hay', scopes: [] },
      }),
    );
    await appendAll(audit, entries);

    // Act
    const first = await audit.list('T-LONG', { principal: 'needle' }, { limit: 5 });
    const all = await listAll(audit, 'T-LONG', { principal: 'needle' }, 5);

    // Assess
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(all).toEqual({ ids: ['L00'], pages: 2 });
  });

  it("keeps tenants apart: another tenant's entries and cursors never show", async () => {
    // Prepare
    await appendAll(audit, spread('T-A', 5));
    await audit.append(entry('T-B', '2024-06-02T00:00:00.000Z', 'b-only'));
    const firstPage = await audit.list('T-A', {}, { limit: 2 });

    // Act
    const seenByB = await audit.list('T-B', {}, { limit: 10 });
    const seenByNobody = await audit.list('T-NONE', {}, { limit: 10 });

    // Assess
    expect(seenByB.items.map((e) => e.auditId)).toEqual(['b-only']);
    expect(seenByNobody).toEqual({ items: [], nextCursor: null });
    expect(firstPage.nextCursor).not.toBeNull();
    await expect(audit.list('T-B', {}, { limit: 2, cursor: firstPage.nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(audit.list('T-A', { action: 'update-task' }, { limit: 2, cursor: firstPage.nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(audit.list('T-A', {}, { limit: 2, cursor: `${firstPage.nextCursor!}x` })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
