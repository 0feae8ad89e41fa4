import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { InvalidCursorError } from '../../functions/core/errors.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { RecordStore, TimelineQuery } from '../../functions/core/ports/record-store.js';
import { storedRecord } from '../support/records.js';
import { startTestHub } from '../support/test-hub.js';

const TYPES = ['email', 'phone', 'wechat', 'meeting'] as const;
const INTENTS = ['inquiry', 'complaint', 'order'] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** Record n of the big timeline: a minute apart, types/intents/sentiments cycling at different rates. */
function timelineRecord(n: number): CommunicationRecord {
  const occurredAt = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
  return storedRecord({
    tenantId: 'T-A',
    customerId: 'C-BIG',
    sourceRecordId: `big-${n}`,
    occurredAt,
    type: TYPES[n % 4],
    analysis: {
      status: 'completed',
      intent: { category: INTENTS[n % 3] as (typeof INTENTS)[number], confidence: 0.9 },
      sentiment: { overall: SENTIMENTS[n % 5 === 0 ? 2 : n % 2] as (typeof SENTIMENTS)[number], score: 0 },
      urgency: { level: n % 7 === 0 ? 'high' : 'low' },
    },
  });
}

async function readAll(store: RecordStore, query: Omit<TimelineQuery, 'cursor'>): Promise<CommunicationRecord[]> {
  const all: CommunicationRecord[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await store.queryTimeline({ ...query, cursor });
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('DynamoDB record store (against the local DynamoDB-API server)', () => {
  let hub: RunningHub;
  let store: RecordStore;
  const big = Array.from({ length: 1000 }, (_, n) => timelineRecord(n));

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
    store = hub.deps.records;
    for (let i = 0; i < big.length; i += 50) await Promise.all(big.slice(i, i + 50).map((r) => store.insertRecord(r)));
  });
  afterAll(() => hub?.close());

  it('stores exactly one record for 50 concurrent deliveries of one source message', async () => {
    // Prepare
    const record = storedRecord({ tenantId: 'T-A', customerId: 'C-DUP', sourceRecordId: 'dup-1', occurredAt: '2024-06-15T02:30:00.000Z' });
    // Act
    const results = await Promise.all(Array.from({ length: 50 }, () => store.insertRecord({ ...record })));
    // Assess
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.recordId))).toEqual(new Set([record.recordId]));
    const page = await store.queryTimeline({ tenantId: 'T-A', customerId: 'C-DUP', limit: 100 });
    expect(page.items.map((r) => r.recordId)).toEqual([record.recordId]);
  });

  it('pages 1,000 records 7 at a time: every record exactly once, newest first', async () => {
    const all = await readAll(store, { tenantId: 'T-A', customerId: 'C-BIG', limit: 7 });
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((r) => r.recordId)).size).toBe(1000);
    const expected = [...big].reverse().map((r) => r.recordId);
    expect(all.map((r) => r.recordId)).toEqual(expected);
  });

  it('combines filters (type AND intent AND sentiment AND urgency AND time range) across pages', async () => {
    const query = {
      tenantId: 'T-A',
      customerId: 'C-BIG',
      limit: 4,
      types: ['email', 'phone'] as const,
      intents: ['complaint'] as const,
      sentiments: ['neutral', 'negative'] as const,
      urgencies: ['low'] as const,
      from: big[100]?.occurredAt,
      to: big[899]?.occurredAt,
    };
    const got = await readAll(store, { ...query, types: [...query.types], intents: [...query.intents], sentiments: [...query.sentiments], urgencies: [...query.urgencies] });
    const expected = big
      .filter((r, n) => n >= 100 && n <= 899)
      .filter((r) => ['email', 'phone'].includes(r.type))
      .filter((r) => r.analysis.intent?.category === 'complaint')
      .filter((r) => ['neutral', 'negative'].includes(r.analysis.sentiment?.overall ?? ''))
      .filter((r) => r.analysis.urgency?.level === 'low')
      .reverse();
    expect(expected.length).toBeGreaterThan(20);
    expect(got.map((r) => r.recordId)).toEqual(expected.map((r) => r.recordId));
  });

  it('treats the time range bounds as inclusive', async () => {
    const page = await store.queryTimeline({ tenantId: 'T-A', customerId: 'C-BIG', limit: 10, from: big[10]?.occurredAt, to: big[12]?.occurredAt });
    expect(page.items.map((r) => r.recordId)).toEqual([big[12], big[11], big[10]].map((r) => r?.recordId));
    expect(page.nextCursor).toBeNull();
  });

  it('rejects a cursor from another customer, another tenant, or one that was altered', async () => {
    const first = await store.queryTimeline({ tenantId: 'T-A', customerId: 'C-BIG', limit: 5 });
    const cursor = first.nextCursor as string;
    await expect(store.queryTimeline({ tenantId: 'T-A', customerId: 'C-DUP', limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.queryTimeline({ tenantId: 'T-B', customerId: 'C-BIG', limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    const [payload, signature] = cursor.split('.') as [string, string];
    const altered = Buffer.from(payload, 'base64url').toString('utf8').replace('#TL', '#TX');
    const forged = `${Buffer.from(altered).toString('base64url')}.${signature}`;
    await expect(store.queryTimeline({ tenantId: 'T-A', customerId: 'C-BIG', limit: 5, cursor: forged })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.queryTimeline({ tenantId: 'T-A', customerId: 'C-BIG', limit: 5, cursor: 'garbage' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("hides another tenant's records: same id, other tenant → absent", async () => {
    const record = big[0] as CommunicationRecord;
    expect((await store.getRecord('T-A', record.recordId))?.recordId).toBe(record.recordId);
    expect(await store.getRecord('T-B', record.recordId)).toBeNull();
    expect((await store.queryTimeline({ tenantId: 'T-B', customerId: 'C-BIG', limit: 5 })).items).toEqual([]);
    expect(await store.getRecord('T-A', 'EMAIL-20240101-NOTAREALID')).toBeNull();
  });

  it('keeps unmatched records in a sharded inbox and moves them when assigned', async () => {
    // Prepare: 30 unmatched records spread over the inbox shards
    const unmatched = Array.from({ length: 30 }, (_, n) =>
      storedRecord({ tenantId: 'T-U', customerId: null, sourceRecordId: `u-${n}`, occurredAt: new Date(Date.UTC(2024, 5, 1, 0, n)).toISOString() }),
    );
    await Promise.all(unmatched.map((r) => store.insertRecord(r)));
    // Act: read the inbox 4 at a time
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listUnmatched('T-U', { limit: 4, cursor });
      seen.push(...page.items.map((r) => r.recordId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Assess: all 30, newest first, once each
    expect(seen).toEqual([...unmatched].reverse().map((r) => r.recordId));
    const target = unmatched[3] as CommunicationRecord;
    const moved = await store.assignRecord('T-U', target.recordId, 'C-NEW', 'agent-1', '2024-06-02T00:00:00.000Z');
    const again = await store.assignRecord('T-U', target.recordId, 'C-NEW', 'agent-1', '2024-06-02T00:00:00.000Z');
    expect(moved?.customerId).toBe('C-NEW');
    expect(again?.customerId).toBe('C-NEW');
    expect((await store.queryTimeline({ tenantId: 'T-U', customerId: 'C-NEW', limit: 10 })).items.map((r) => r.recordId)).toEqual([target.recordId]);
    expect((await store.listUnmatched('T-U', { limit: 50 })).items.map((r) => r.recordId)).not.toContain(target.recordId);
    expect(await store.assignRecord('T-OTHER', target.recordId, 'C-NEW', 'x', '2024-06-02T00:00:00.000Z')).toBeNull();
  });

  it('lists a tenant day feed across shards, newest first', async () => {
    const day = big.filter((r) => r.occurredAt.startsWith('2024-01-01'));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.queryDayFeed('T-A', '2024-01-01', { limit: 50, cursor });
      seen.push(...page.items.map((r) => r.recordId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...day].reverse().map((r) => r.recordId));
  });

  it('summarises a timeline from stored records (last contact, count since)', async () => {
    const summary = await store.summarizeTimeline('T-A', 'C-BIG', (big[900] as CommunicationRecord).occurredAt);
    expect(summary).toEqual({ lastContactAt: big[999]?.occurredAt, recordsSince: 100 });
  });
});
