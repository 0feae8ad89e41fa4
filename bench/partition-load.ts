// Per-key write rates of `bench/partition`, and the peak second of each hot key over the hour.
import { seededRandom, WORKLOAD, type IndexName, type KeyWrite } from './partition-model.js';

/** The mean load on one partition key over the hour. */
export interface KeyLoad {
  readonly index: IndexName;
  readonly key: string;
  readonly kind: string;
  /** Events that write to the key, per second (an event may write to it more than once). */
  readonly eventsPerSecond: number;
  readonly writesPerSecond: number;
  readonly wcuPerSecond: number;
}

export interface KeyPeak extends KeyLoad {
  readonly peakWrites: number;
  readonly peakWcu: number;
}

/**
 * Counts sampled events' writes per (index, partition key). Keys of an event's own items (record,
 * task, insight) are never shared, so they are not kept: only the most WCU one event puts on one of them.
 */
export class LoadTally {
  /** One map per index: the same string in two indexes is two partitions. */
  private readonly ids: Record<IndexName, Map<string, number>> = { base: new Map(), GSI1: new Map(), GSI2: new Map() };
  private readonly meta: { index: IndexName; key: string; kind: string }[] = [];
  private events = new Float64Array(1 << 16);
  private writes = new Float64Array(1 << 16);
  private wcu = new Float64Array(1 << 16);
  /** The last sampled event that wrote to each slot, so an event counts once per key. */
  private lastEvent = new Int32Array(1 << 16);
  private sampled = 0;
  /** Per index: the most WCU a single event put on one of its own item keys. */
  readonly perItemWcu: Record<IndexName, number> = { base: 0, GSI1: 0, GSI2: 0 };

  add(eventWrites: readonly KeyWrite[]): void {
    const event = ++this.sampled;
    let ownItems: Map<string, number> | undefined;
    for (const write of eventWrites) {
      if (write.perItem) {
        ownItems ??= new Map();
        const id = `${write.index}|${write.key}`;
        const wcu = (ownItems.get(id) ?? 0) + write.wcu;
        ownItems.set(id, wcu);
        if (wcu > this.perItemWcu[write.index]) this.perItemWcu[write.index] = wcu;
        continue;
      }
      const slot = this.slotOf(write);
      if (this.lastEvent[slot] !== event) {
        this.lastEvent[slot] = event;
        this.events[slot] = (this.events[slot] ?? 0) + 1;
      }
      this.writes[slot] = (this.writes[slot] ?? 0) + 1;
      this.wcu[slot] = (this.wcu[slot] ?? 0) + write.wcu;
    }
  }

  /** Mean loads at `eventsPerSecond`, heaviest first (each sampled event stands for an equal share). */
  loads(eventsPerSecond: number): KeyLoad[] {
    const scale = eventsPerSecond / Math.max(1, this.sampled);
    return this.meta
      .map((m, slot) => ({
        ...m,
        eventsPerSecond: (this.events[slot] ?? 0) * scale,
        writesPerSecond: (this.writes[slot] ?? 0) * scale,
        wcuPerSecond: (this.wcu[slot] ?? 0) * scale,
      }))
      .sort((a, b) => b.wcuPerSecond - a.wcuPerSecond);
  }

  private slotOf(write: KeyWrite): number {
    const ids = this.ids[write.index];
    let slot = ids.get(write.key);
    if (slot !== undefined) return slot;
    slot = this.meta.length;
    ids.set(write.key, slot);
    this.meta.push({ index: write.index, key: write.key, kind: write.kind });
    if (slot >= this.events.length) {
      const grow = <T extends Float64Array | Int32Array>(array: T): T => {
        const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.events = grow(this.events);
      this.writes = grow(this.writes);
      this.wcu = grow(this.wcu);
      this.lastEvent = grow(this.lastEvent);
    }
    return slot;
  }
}

/** A stable seed per key, so the same key gets the same hour in every variant and every run. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Poisson draw: exact (Knuth) below 30, normal approximation above (error far below the burst's). */
function poisson(lambda: number, random: () => number): number {
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
}

/**
 * The busiest second of the hour on one key: each second's events are Poisson around the mean rate
 * times a lognormal AR(1) burst factor of mean 1 (WORKLOAD.burst). Each event carries the key's
 * mean writes and WCU per event.
 */
export function peakSecond(load: KeyLoad, seconds: number = WORKLOAD.seconds): KeyPeak {
  const random = seededRandom(seedOf(`${load.index}|${load.key}`));
  const { sigma, correlationSeconds } = WORKLOAD.burst;
  const rho = Math.exp(-1 / correlationSeconds);
  const writesPerEvent = load.writesPerSecond / load.eventsPerSecond;
  const wcuPerEvent = load.wcuPerSecond / load.eventsPerSecond;
  let x = normal(random);
  let peakEvents = 0;
  for (let t = 0; t < seconds; t++) {
    x = rho * x + Math.sqrt(1 - rho * rho) * normal(random);
    const events = poisson(load.eventsPerSecond * Math.exp(sigma * x - (sigma * sigma) / 2), random);
    peakEvents = Math.max(peakEvents, events);
  }
  return { ...load, peakWrites: peakEvents * writesPerEvent, peakWcu: peakEvents * wcuPerEvent };
}

/** The peak second of the `candidates` heaviest keys of each kind in each index, hottest (by peak WCU) first. */
export function hottestKeys(loads: readonly KeyLoad[], candidates = 10): KeyPeak[] {
  const picked = new Map<string, number>();
  const chosen: KeyLoad[] = [];
  for (const load of loads) {
    const group = `${load.index}|${load.kind}`;
    const taken = picked.get(group) ?? 0;
    if (taken >= candidates) continue;
    picked.set(group, taken + 1);
    chosen.push(load);
  }
  return chosen.map((load) => peakSecond(load)).sort((a, b) => b.peakWcu - a.peakWcu);
}
