// The workload of `bench/partition` and the writes one event makes, through the real key design:
// record items from the record store's own `recordItemKeys`, everything else from `keys`.
import { recordItemKeys } from '../functions/adapters/dynamodb/dynamodb-record-store.js';
import { keys, shardOf } from '../functions/adapters/dynamodb/keys.js';
import { TABLE_DESIGN } from '../functions/adapters/dynamodb/table-design.js';
import { identityHashOf, recordIdFor } from '../functions/core/model/record-id.js';
import { followUpTaskId, UNASSIGNED } from '../functions/core/workflow/follow-up-tasks.js';
import { UNMATCHED_CUSTOMER, urgentAlertId } from '../functions/core/workflow/urgent-alert.js';
import { isAudited, routeById, type RouteId } from '../functions/http/routes.js';

/** Every assumption of the simulation, in one place (the bench prints them). */
export const WORKLOAD = {
  eventsPerSecond: 100_000,
  seconds: 3_600,
  /** An hour that does not cross midnight UTC: one day feed partition set for the whole hour. */
  hourStart: '2026-03-02T02:00:00.000Z',
  tenants: 2_000,
  tenantZipf: 1.1,
  /** Customers scale with the tenant's activity: 50,000 in the busiest tenant, at least 50. */
  customersInTopTenant: 50_000,
  minCustomers: 50,
  customerZipf: 1.0,
  /** Records no identity matched: they land in the sharded unmatched inbox, their tasks go to `unassigned`. */
  unmatchedShare: 0.1,
  /** Records with a thread id (chats, email threads) move their thread item. */
  threadedShare: 0.6,
  threadsPerCustomer: 5,
  threadZipf: 1.0,
  /** Each owner (sales rep) holds this many customers; 1 in 5 customers has none (tasks to `unassigned`). */
  customersPerOwner: 250,
  ownerlessEvery: 5,
  /** How events arrive: only token-authenticated mutating routes write an audit entry, one per call. */
  arrivals: [
    { route: 'create-communication', share: 0.5, recordsPerCall: 1 },
    { route: 'create-communications-batch', share: 0.2, recordsPerCall: 25 },
    { route: 'receive-webhook', share: 0.25, recordsPerCall: 1 },
    { route: null, share: 0.05, recordsPerCall: 1 }, // inbound email (SES → S3 → function): no API route
  ] as readonly { route: RouteId | null; share: number; recordsPerCall: number }[],
  /** Item sizes (KB, keys included); every index projects ALL, so an index write costs the same. */
  itemKb: { recordInserted: 2.5, recordAnalysed: 3.0, thread: 0.2, task: 0.8, insight: 0.9, audit: 0.6 },
  /** Activity of every hot key varies second by second: lognormal AR(1), mean 1. */
  burst: { sigma: 0.25, correlationSeconds: 60 },
  partitionWcuLimit: 1_000,
} as const;

/** What the analysis step decided for a record (sampled from the local analyzer's answers on the text mix). */
export interface AnalysisOutcome {
  readonly followUps: number;
  readonly urgent: boolean;
}

export type IndexName = 'base' | 'GSI1' | 'GSI2';

/** One write to one partition key. `perItem`: the key belongs to this event's own item (never shared). */
export interface KeyWrite {
  readonly index: IndexName;
  readonly key: string;
  readonly kind: string;
  readonly wcu: number;
  readonly perItem?: boolean;
}

/** `real`: the design as built. `unsharded`: the same, with the day feed, unmatched inbox and audit day on one shard each. */
export type KeyVariant = 'real' | 'unsharded';

export interface SimEvent {
  readonly tenantId: string;
  readonly customerRank: number | null;
  readonly customers: number;
  readonly threadId?: string;
  readonly recordId: string;
  readonly occurredAt: string;
  readonly outcome: AnalysisOutcome;
  /** Set when this event's arrival wrote an audit entry. */
  readonly auditId?: string;
}

/** A seeded PRNG (mulberry32): the same seed gives the same hour. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranks 1..n with P(k) ∝ k^-s, sampled by binary search over the cumulative weights. */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(readonly n: number, readonly s: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let k = 1; k <= n; k++) this.cumulative[k - 1] = sum += k ** -s;
  }

  /** The probability of rank k. */
  share(k: number): number {
    return k ** -this.s / (this.cumulative[this.n - 1] ?? 1);
  }

  sample(random: () => number): number {
    const target = random() * (this.cumulative[this.n - 1] ?? 0);
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

export const tenantIdOf = (rank: number) => `t${rank}`;
export const customerIdOf = (rank: number) => `c${rank}`;
const wcuOf = (kb: number) => Math.max(1, Math.ceil(kb));
const hex32 = (random: () => number) => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
/** A random-UUID-shaped id (the audit trail uses `randomUUID()`), from the seeded PRNG. */
const uuidOf = (random: () => number) => {
  const h = hex32(random) + hex32(random) + hex32(random) + hex32(random);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

/** The owner (assignee of follow-ups) of a customer: spread round-robin by rank, every 5th has none. */
export function ownerOf(customerRank: number, customers: number): string {
  if (customerRank % WORKLOAD.ownerlessEvery === 0) return UNASSIGNED;
  const owners = Math.ceil(customers / WORKLOAD.customersPerOwner);
  return `o${((customerRank - 1) % owners) + 1}`;
}

/** Draws the events of the simulated hour, one at a time, from the Zipf mixes and the measured outcomes. */
export class EventSampler {
  private readonly tenants = new Zipf(WORKLOAD.tenants, WORKLOAD.tenantZipf);
  private readonly threads = new Zipf(WORKLOAD.threadsPerCustomer, WORKLOAD.threadZipf);
  private readonly customerMixes = new Map<number, Zipf>();
  private sequence = 0;

  constructor(
    private readonly random: () => number,
    private readonly outcomes: readonly AnalysisOutcome[],
  ) {}

  /** Customers of the tenant of this rank (scaled to its share of the traffic). */
  customersOf(tenantRank: number): number {
    const scaled = Math.round(WORKLOAD.customersInTopTenant * (this.tenants.share(tenantRank) / this.tenants.share(1)));
    return Math.max(WORKLOAD.minCustomers, scaled);
  }

  tenantShare(rank: number): number {
    return this.tenants.share(rank);
  }

  next(): SimEvent {
    const random = this.random;
    const tenantRank = this.tenants.sample(random);
    const tenantId = tenantIdOf(tenantRank);
    const customers = this.customersOf(tenantRank);
    let mix = this.customerMixes.get(tenantRank);
    if (!mix) this.customerMixes.set(tenantRank, (mix = new Zipf(customers, WORKLOAD.customerZipf)));
    const customerRank = random() < WORKLOAD.unmatchedShare ? null : mix.sample(random);
    const threaded = random() < WORKLOAD.threadedShare;
    const threadId = !threaded ? undefined : customerRank === null ? `u${Math.floor(random() * 1e9)}` : `${customerIdOf(customerRank)}-th${this.threads.sample(random)}`;
    const occurredAt = new Date(Date.parse(WORKLOAD.hourStart) + Math.floor(random() * WORKLOAD.seconds * 1000)).toISOString();
    const recordId = recordIdFor(tenantId, 'wechat', 'bench', `m${this.sequence++}`, occurredAt);
    const outcome = this.outcomes[Math.floor(random() * this.outcomes.length)] ?? { followUps: 0, urgent: false };
    const auditId = this.audited(random) ? uuidOf(random) : undefined;
    return { tenantId, customerRank, customers, threadId, recordId, occurredAt, outcome, auditId };
  }

  /** Whether this event's arrival wrote an audit entry (a batch call writes one for all its records). */
  private audited(random: () => number): boolean {
    let pick = random();
    for (const arrival of WORKLOAD.arrivals) {
      pick -= arrival.share;
      if (pick < 0) return arrival.route !== null && isAudited(routeById(arrival.route)) && random() < 1 / arrival.recordsPerCall;
    }
    return false;
  }
}

const { byOwner, byFeed } = TABLE_DESIGN.indexes;

/**
 * Every write one event causes: the record put and the analysis write-back (base item, GSI1 and GSI2
 * entries each), the thread item, follow-up tasks, the urgent alert (put, then claimed for the email)
 * and the audit entry of its API call.
 */
export function writesOf(event: SimEvent, variant: KeyVariant = 'real'): KeyWrite[] {
  const { tenantId } = event;
  const customerId = event.customerRank === null ? null : customerIdOf(event.customerRank);
  const item = recordItemKeys({ tenantId, recordId: event.recordId, customerId, occurredAt: event.occurredAt });
  let owner = item[byOwner.partitionKey] as string;
  let feed = item[byFeed.partitionKey] as string;
  if (variant === 'unsharded') {
    const hash = identityHashOf(event.recordId) ?? '';
    feed = keys.dayFeed(tenantId, event.occurredAt.slice(0, 10), shardOf(hash, 1));
    if (customerId === null) owner = keys.unmatched(tenantId, shardOf(hash, 1));
  }
  const kb = WORKLOAD.itemKb;
  const writes: KeyWrite[] = [];
  for (const size of [kb.recordInserted, kb.recordAnalysed]) {
    const wcu = wcuOf(size);
    writes.push(
      { index: 'base', key: item.PK, kind: 'record', wcu, perItem: true },
      { index: 'GSI1', key: owner, kind: customerId ? 'customer timeline' : 'unmatched inbox', wcu },
      { index: 'GSI2', key: feed, kind: 'tenant day feed', wcu },
    );
  }
  if (event.threadId) writes.push({ index: 'base', key: keys.thread(tenantId, event.threadId).PK, kind: 'thread', wcu: wcuOf(kb.thread) });
  const assignee = event.customerRank === null ? UNASSIGNED : ownerOf(event.customerRank, event.customers);
  for (let i = 0; i < event.outcome.followUps; i++) {
    const wcu = wcuOf(kb.task);
    writes.push({ index: 'base', key: keys.task(tenantId, followUpTaskId(event.recordId, i)).PK, kind: 'task', wcu, perItem: true });
    if (customerId) writes.push({ index: 'GSI1', key: keys.customerTasks(tenantId, customerId), kind: 'customer tasks', wcu });
    writes.push({ index: 'GSI2', key: keys.assigneeTasks(tenantId, assignee), kind: assignee === UNASSIGNED ? 'unassigned tasks' : 'owner tasks', wcu });
  }
  if (event.outcome.urgent) {
    const wcu = wcuOf(kb.insight);
    const insight = keys.insight(tenantId, urgentAlertId(event.recordId)).PK;
    const list = keys.customerInsights(tenantId, customerId ?? UNMATCHED_CUSTOMER);
    for (const _ of ['put', 'claim notification']) {
      writes.push({ index: 'base', key: insight, kind: 'insight', wcu, perItem: true });
      writes.push({ index: 'GSI1', key: list, kind: customerId ? 'customer insights' : 'unmatched insights', wcu });
    }
  }
  if (event.auditId) {
    const audit = variant === 'real' ? keys.auditEntry(tenantId, event.occurredAt, event.auditId).PK : keys.auditPartition(tenantId, event.occurredAt.slice(0, 10), shardOf(event.auditId, 1));
    writes.push({ index: 'base', key: audit, kind: 'audit day', wcu: wcuOf(kb.audit) });
  }
  return writes;
}
