import { describe, expect, it } from 'vitest';
import { recordItemKeys } from '../../functions/adapters/dynamodb/dynamodb-record-store.js';
import { feedShardOf, keys, unmatchedShardOf } from '../../functions/adapters/dynamodb/keys.js';
import { FEED_SHARDS, UNMATCHED_SHARDS } from '../../functions/adapters/dynamodb/table-design.js';
import { identityHashOf, recordIdFor } from '../../functions/core/model/record-id.js';
import { UNASSIGNED } from '../../functions/core/workflow/follow-up-tasks.js';
import { UNMATCHED_CUSTOMER } from '../../functions/core/workflow/urgent-alert.js';
import { LoadTally, peakSecond } from '../../bench/partition-load.js';
import { EventSampler, seededRandom, writesOf, Zipf, type SimEvent } from '../../bench/partition-model.js';

const AT = '2026-03-02T02:15:00.000Z';

function event(fields: Partial<SimEvent> = {}): SimEvent {
  const tenantId = fields.tenantId ?? 'T001';
  return {
    tenantId,
    customerRank: 7,
    customers: 1_000,
    recordId: recordIdFor(tenantId, 'wechat', 'bench', 'msg-1', AT),
    occurredAt: AT,
    outcome: { followUps: 1, urgent: true },
    ...fields,
  };
}

const keysOf = (writes: ReturnType<typeof writesOf>, kind: string) => writes.filter((w) => w.kind === kind).map((w) => w.key);

describe('partition model: writes of one event', () => {
  it('puts a matched record on the real timeline and day-feed shard, twice (insert and analysis write-back)', () => {
    // Prepare
    const record = event();
    const hash = identityHashOf(record.recordId) ?? '';

    // Act
    const writes = writesOf(record);

    // Assess
    const feed = keysOf(writes, 'tenant day feed');
    expect(feed).toEqual([keys.dayFeed('T001', '2026-03-02', feedShardOf(hash)), keys.dayFeed('T001', '2026-03-02', feedShardOf(hash))]);
    const shard = Number(/^T#T001#FEED#2026-03-02#(\d+)$/.exec(feed[0] ?? '')?.[1]);
    expect(shard).toBeLessThan(FEED_SHARDS);
    const item = recordItemKeys({ tenantId: 'T001', recordId: record.recordId, customerId: 'c7', occurredAt: AT });
    expect(keysOf(writes, 'customer timeline')).toEqual([item.GSI1PK, item.GSI1PK]);
    expect(item.GSI1PK).toBe('T#T001#C#c7#TL');
    expect(keysOf(writes, 'record')).toEqual([item.PK, item.PK]);
    expect(writes.find((w) => w.kind === 'record')?.perItem).toBe(true);
  });

  it('sends an unmatched record to a shard of the inbox, its task to unassigned and its alert to the unmatched list', () => {
    // Prepare
    const record = event({ customerRank: null });

    // Act
    const writes = writesOf(record);

    // Assess
    const [inbox] = keysOf(writes, 'unmatched inbox');
    expect(inbox).toBe(keys.unmatched('T001', unmatchedShardOf(identityHashOf(record.recordId) ?? '')));
    expect(Number(inbox?.split('#').at(-1))).toBeLessThan(UNMATCHED_SHARDS);
    expect(keysOf(writes, 'unassigned tasks')).toEqual([keys.assigneeTasks('T001', UNASSIGNED)]);
    expect(keysOf(writes, 'unmatched insights')[0]).toBe(keys.customerInsights('T001', UNMATCHED_CUSTOMER));
    expect(keysOf(writes, 'customer tasks')).toEqual([]);
  });

  it('puts every record of a tenant on feed shard 0 in the unsharded baseline', () => {
    // Prepare
    const records = Array.from({ length: 50 }, (_, i) => event({ recordId: recordIdFor('T001', 'wechat', 'bench', `msg-${i}`, AT) }));

    // Act
    const feeds = new Set(records.flatMap((r) => keysOf(writesOf(r, 'unsharded'), 'tenant day feed')));
    const realFeeds = new Set(records.flatMap((r) => keysOf(writesOf(r, 'real'), 'tenant day feed')));

    // Assess
    expect([...feeds]).toEqual([keys.dayFeed('T001', '2026-03-02', 0)]);
    expect(realFeeds.size).toBeGreaterThan(8);
  });
});

describe('partition model: sampling and load', () => {
  it('gives the busiest of 2,000 tenants (Zipf 1.1) about 17 % of the events, spread over every feed shard', () => {
    // Prepare
    const sampler = new EventSampler(seededRandom(1), [{ followUps: 0, urgent: false }]);
    const tally = new LoadTally();

    // Act
    for (let i = 0; i < 20_000; i++) tally.add(writesOf(sampler.next()));
    const topFeeds = tally.loads(100_000).filter((l) => l.kind === 'tenant day feed' && l.key.startsWith('T#t1#'));

    // Assess
    expect(new Zipf(2_000, 1.1).share(1)).toBeCloseTo(0.169, 2);
    expect(topFeeds).toHaveLength(FEED_SHARDS);
    const events = topFeeds.reduce((sum, l) => sum + l.eventsPerSecond, 0);
    expect(events / 100_000).toBeGreaterThan(0.15);
    expect(events / 100_000).toBeLessThan(0.19);
  });

  it('peaks above the mean rate and scales WCU by the writes each event makes', () => {
    // Prepare
    const load = { index: 'GSI2' as const, key: 'T#t1#FEED#2026-03-02#0', kind: 'tenant day feed', eventsPerSecond: 400, writesPerSecond: 800, wcuPerSecond: 2_400 };

    // Act
    const peak = peakSecond(load);

    // Assess
    expect(peak.peakWcu).toBeGreaterThan(load.wcuPerSecond);
    expect(peak.peakWcu).toBeCloseTo(peak.peakWrites * 3, 6);
    expect(peakSecond(load).peakWcu).toBe(peak.peakWcu);
  });
});
