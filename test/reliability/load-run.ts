import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../embedded/jwt.js';
import { SCOPES } from '../../functions/http/routes.js';
import { CUSTOMERS, makeDelivery, TENANT, type Delivery } from './deliveries.js';
import { freePort, HubProcess } from './hub-process.js';
import { verifyRun, type RunFindings } from './verify-run.js';

/** The figures of issue 7 (the full run); the CI run passes smaller ones. */
export interface LoadRunOptions {
  readonly deliveries: number;
  readonly concurrency: number;
  /** Share of deliveries sent a second time: half of them at once, half after a restart. */
  readonly duplicateRatio: number;
  /** SIGKILLs of the hub mid-run (each followed by a start on the same data dir and ports). */
  readonly restarts: number;
  /** DynamoDB-API fault windows (connections reset / throttled). */
  readonly throttleWindows: number;
  readonly faultWindowMs: number;
  /** The whole run gives up after this long (bounded in time). */
  readonly budgetMs: number;
  readonly log?: (line: string) => void;
}

export interface LoadRunSummary extends RunFindings {
  readonly deliveries: number;
  readonly sends: number;
  readonly refusedThenRedelivered: number;
  readonly rejected: readonly string[];
  readonly restarts: number;
  readonly throttleWindows: number;
  readonly durationS: number;
  readonly hubCrashes: number;
}

/** `lost=0 duplicated=0 …`: the one line the suite prints. */
export function summaryLine(s: LoadRunSummary): string {
  return `lost=${s.lost} duplicated=${s.duplicated} unarchived=${s.unarchived} unfinished=${s.unfinished} rejected=${s.rejected.length} replay_failures=${s.replayFailures} stranded=${s.stranded} refused_then_redelivered=${s.refusedThenRedelivered} restarts=${s.restarts} throttle_windows=${s.throttleWindows} deliveries=${s.deliveries} sends=${s.sends} records=${s.records} replayed=${s.replayed} duration_s=${s.durationS.toFixed(1)}`;
}

/** Whether a summary meets issue 7's acceptance. */
export const passed = (s: LoadRunSummary, o: LoadRunOptions) =>
  s.lost === 0 && s.duplicated === 0 && s.unarchived === 0 && s.unfinished === 0 && s.replayFailures === 0 && s.stranded === 0 && s.rejected.length === 0 && s.restarts === o.restarts && s.throttleWindows === o.throttleWindows && s.hubCrashes === 0;

/**
 * Issue 7's load-and-fault run against `npm start` in a child process: deliveries over every channel at
 * the given concurrency, duplicates, SIGKILL + restart and DynamoDB fault windows mid-run, then the checks.
 */
export async function runLoadAndFault(options: LoadRunOptions): Promise<LoadRunSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const giveUpAt = started + options.budgetMs;
  const dataDir = await mkdtemp(join(tmpdir(), 'commhub-reliability-'));
  const jwtSecret = randomBytes(24).toString('hex');
  const hub = new HubProcess({ dataDir, port: await freePort(), smtpPort: await freePort(), jwtSecret, faultWindowMs: options.faultWindowMs });
  const token = signToken({ sub: 'reliability', 'custom:tenant_id': TENANT, scope: Object.values(SCOPES).join(' ') }, jwtSecret, 6 * 3600);
  try {
    await hub.start();
    for (const id of CUSTOMERS) {
      const response = await fetch(`${hub.url}/v1/customers/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Reliability ${id}` }) });
      if (response.status >= 300) throw new Error(`PUT customer ${id}: ${response.status} ${await response.text()}`);
    }
    const target = { baseUrl: hub.url, smtpPort: hub.smtpPort, token };
    const deliveries = Array.from({ length: options.deliveries }, (_, n) => makeDelivery(n, target));

    // The send queue: every delivery once; 30 % again, half right behind the original (in flight together),
    // half at the end of the queue (after the restarts).
    const duplicates = Math.round(options.deliveries * options.duplicateRatio);
    const stride = options.deliveries / Math.max(1, duplicates);
    const dupOf = new Set(Array.from({ length: duplicates }, (_, k) => Math.floor(k * stride)));
    const queue: Delivery[] = [];
    const late: Delivery[] = [];
    let parity = 0;
    for (const delivery of deliveries) {
      queue.push(delivery);
      if (dupOf.has(delivery.n)) (parity++ % 2 === 0 ? queue : late).push(delivery);
    }
    queue.push(...late);

    const acked = new Set<number>();
    const everRefused = new Set<number>();
    const rejected: string[] = [];
    let sends = 0;
    let done = 0;
    let next = 0;
    const sendUntilAcknowledged = async (delivery: Delivery) => {
      for (let attempt = 0; ; attempt++) {
        if (Date.now() > giveUpAt) throw new Error(`time budget spent with delivery ${delivery.n} (${delivery.channel}) unacknowledged`);
        sends++;
        const outcome = await delivery.attempt();
        if (outcome.kind === 'ack') return acked.add(delivery.n);
        if (outcome.kind === 'rejected') return rejected.push(`#${delivery.n} ${delivery.channel}: ${outcome.detail}`);
        everRefused.add(delivery.n);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** Math.min(attempt, 4)) + Math.random() * 200));
      }
    };
    const worker = async () => {
      while (next < queue.length) {
        await sendUntilAcknowledged(queue[next++] as Delivery);
        done++;
      }
    };

    // Faults at fixed points of progress: kills spread evenly inside 15–80 % of the sends, fault windows inside 30–60 %.
    const at = (k: number, of: number, from: number, to: number) => Math.floor(queue.length * (from + ((to - from) * (k + 1)) / (of + 1)));
    const faults = [
      ...Array.from({ length: options.restarts }, (_, k) => ({ when: at(k, options.restarts, 0.15, 0.8), kind: 'restart' as const })),
      ...Array.from({ length: options.throttleWindows }, (_, k) => ({ when: at(k, options.throttleWindows, 0.3, 0.6) + 7, kind: 'throttle' as const })),
    ].sort((a, b) => a.when - b.when);
    let restarts = 0;
    let throttleWindows = 0;
    const injector = async () => {
      for (const fault of faults) {
        while (done < fault.when && next < queue.length) await new Promise((resolve) => setTimeout(resolve, 20));
        if (fault.kind === 'restart') {
          log(`  kill -9 at ${done}/${queue.length} sends done`);
          await hub.kill();
          await new Promise((resolve) => setTimeout(resolve, 300));
          await hub.start();
          restarts++;
          log(`  hub back after restart ${restarts}`);
        } else {
          log(`  DynamoDB fault window at ${done}/${queue.length}`);
          hub.fault();
          throttleWindows++;
          await new Promise((resolve) => setTimeout(resolve, options.faultWindowMs));
        }
      }
    };
    await Promise.all([injector(), ...Array.from({ length: options.concurrency }, worker)]);
    log(`  ${queue.length} sends queued, ${sends} attempts, ${acked.size} deliveries acknowledged in ${((Date.now() - started) / 1000).toFixed(1)} s; verifying`);

    const expected = deliveries.filter((d) => acked.has(d.n)).flatMap((d) => d.sources);
    const findings = await verifyRun({ baseUrl: hub.url, token, dataDir, expectedSources: expected, giveUpAt, log });
    const refusedThenRedelivered = [...everRefused].filter((n) => acked.has(n)).length;
    const hubCrashes = hub.crashes;
    return { ...findings, deliveries: options.deliveries, sends, refusedThenRedelivered, rejected, restarts, throttleWindows, durationS: (Date.now() - started) / 1000, hubCrashes };
  } catch (error) {
    log(hub.output().slice(-3000));
    throw error;
  } finally {
    await hub.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
