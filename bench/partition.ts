// `npm run bench:partition`: 100,000 events/s for an hour over Zipf-distributed tenants and customers,
// mapped through the real key design (base table, GSI1, GSI2 incl. the sharded day feed, audit days),
// and the peak second on the hottest partition key against DynamoDB's 1,000 WCU per partition.
// Baseline in the same run: the same events with the day feed, unmatched inbox and audit day unsharded.
import './support.js';
import { FEED_SHARDS } from '../functions/adapters/dynamodb/table-design.js';
import { detectLanguage } from '../functions/analysis/local/language.js';
import { createLocalAnalyzer } from '../functions/analysis/local/local-analyzer.js';
import { hottestKeys, LoadTally, type KeyPeak } from './partition-load.js';
import { EventSampler, seededRandom, tenantIdOf, WORKLOAD, writesOf, type AnalysisOutcome, type IndexName, type KeyVariant } from './partition-model.js';
import { deadline, envCount, printTable } from './support.js';
import { representativeMix } from './text-mix.js';

const SAMPLES = envCount('BENCH_PARTITION_SAMPLES', 300_000);
const SEED = envCount('BENCH_PARTITION_SEED', 7, 0);
const TARGET_SHARE = 0.5;
const INDEXES: readonly IndexName[] = ['base', 'GSI1', 'GSI2'];

deadline(300);
const started = performance.now();
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** What the analysis step does per record, measured: the local analyzer over the representative text mix. */
async function measuredOutcomes(): Promise<AnalysisOutcome[]> {
  const analyzer = createLocalAnalyzer();
  const texts = await representativeMix();
  return Promise.all(
    texts.map(async (text, i) => {
      const { output } = await analyzer.analyze({
        recordId: `BENCH-${i}`,
        type: 'wechat',
        direction: 'inbound',
        channel: 'wecom',
        text,
        language: detectLanguage(text),
        competitors: [],
        occurredAt: WORKLOAD.hourStart,
        timeZone: 'Asia/Shanghai',
      });
      return { followUps: output.follow_up.length, urgent: output.urgency.level === 'high' };
    }),
  );
}

/** One pass over the seeded events, each mapped through both key variants. */
function simulate(outcomes: readonly AnalysisOutcome[]) {
  const sampler = new EventSampler(seededRandom(SEED), outcomes);
  const tallies = { real: new LoadTally(), unsharded: new LoadTally() };
  let writes = 0;
  let wcu = 0;
  let audited = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const event = sampler.next();
    const eventWrites = writesOf(event, 'real');
    writes += eventWrites.length;
    for (const write of eventWrites) wcu += write.wcu;
    if (event.auditId) audited++;
    tallies.real.add(eventWrites);
    tallies.unsharded.add(writesOf(event, 'unsharded'));
  }
  const result = (variant: KeyVariant) => {
    const loads = tallies[variant].loads(WORKLOAD.eventsPerSecond);
    return { tally: tallies[variant], loads, peaks: hottestKeys(loads) };
  };
  return { sampler, real: result('real'), baseline: result('unsharded'), writesPerEvent: writes / SAMPLES, wcuPerEvent: wcu / SAMPLES, auditPerEvent: audited / SAMPLES };
}

const outcomes = await measuredOutcomes();
const run = simulate(outcomes);
const { sampler, real, baseline } = run;
const topTenantShare = sampler.tenantShare(1);
const avg = (f: (o: AnalysisOutcome) => number) => outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length;

console.log(`\npartition: ${int(WORKLOAD.eventsPerSecond)} events/s for ${int(WORKLOAD.seconds)} s, ${int(SAMPLES)} sampled events (seed ${SEED}) through the real keys`);
console.log(
  `  tenants: ${int(WORKLOAD.tenants)}, Zipf s=${WORKLOAD.tenantZipf}: busiest ${pct(topTenantShare)} = ${int(topTenantShare * WORKLOAD.eventsPerSecond)} events/s; ` +
    `customers Zipf s=${WORKLOAD.customerZipf}, ${int(sampler.customersOf(1))} in the busiest tenant (≥ ${WORKLOAD.minCustomers}); unmatched ${pct(WORKLOAD.unmatchedShare)}`,
);
console.log(
  `  per record, measured (local analyzer, representative mix of ${outcomes.length} texts): ${avg((o) => o.followUps).toFixed(2)} follow-up tasks, ` +
    `${pct(avg((o) => (o.urgent ? 1 : 0)))} urgent alerts; audit entries ${run.auditPerEvent.toFixed(2)} (isAudited over the arrival mix)`,
);
const kb = WORKLOAD.itemKb;
console.log(
  `  item KB: record ${kb.recordInserted} → ${kb.recordAnalysed} after analysis, task ${kb.task}, insight ${kb.insight}, thread ${kb.thread}, audit ${kb.audit}; ` +
    `indexes project ALL; per event ${run.writesPerEvent.toFixed(2)} writes = ${run.wcuPerEvent.toFixed(2)} WCU; ` +
    `burst: lognormal σ=${WORKLOAD.burst.sigma}, correlation ${WORKLOAD.burst.correlationSeconds} s, Poisson per second`,
);

const limit = WORKLOAD.partitionWcuLimit;
const hottestIn = (peaks: readonly KeyPeak[], index: IndexName) => peaks.find((p) => p.index === index);
console.log('\nhottest partition key per index, peak second of the hour (tN / cN / oN = rank of tenant / customer / owner)');
printTable([
  ['index', 'hottest key (real design)', 'kind', 'mean w/s', 'mean WCU/s', 'peak w/s', 'peak WCU/s', 'of 1,000', 'baseline peak WCU/s', 'ratio'],
  ...INDEXES.map((index) => {
    const ours = hottestIn(real.peaks, index);
    const base = hottestIn(baseline.peaks, index);
    if (!ours || !base) return [index, '-', '-', '', '', '', '', '', '', ''];
    return [
      index,
      ours.key,
      ours.kind,
      int(ours.writesPerSecond),
      int(ours.wcuPerSecond),
      int(ours.peakWrites),
      int(ours.peakWcu),
      pct(ours.peakWcu / limit),
      `${int(base.peakWcu)} (${base.kind})`,
      (ours.peakWcu / base.peakWcu).toFixed(2),
    ];
  }),
]);
const perItem = real.tally.perItemWcu;
console.log(`per-item keys (record, task, insight): at most ${perItem.base} WCU from one event on the base table (insert + write-back)`);

console.log('\ntop 5 hot keys (real design)');
printTable([
  ['index', 'key', 'kind', 'mean WCU/s', 'peak WCU/s', 'of 1,000'],
  ...real.peaks.slice(0, 5).map((p) => [p.index, p.key, p.kind, int(p.wcuPerSecond), int(p.peakWcu), pct(p.peakWcu / limit)]),
]);

console.log('\nhottest key of each kind (real design; baseline = the same kind with the feed, inbox and audit day unsharded)');
const kinds = [...new Set(real.peaks.map((p) => `${p.index}|${p.kind}`))];
printTable([
  ['kind', 'index', 'hottest key', 'mean WCU/s', 'peak WCU/s', 'of 1,000', 'baseline peak'],
  ...kinds.map((group) => {
    const ours = real.peaks.find((p) => `${p.index}|${p.kind}` === group);
    const base = baseline.peaks.find((p) => `${p.index}|${p.kind}` === group);
    return ours ? [ours.kind, ours.index, ours.key, int(ours.wcuPerSecond), int(ours.peakWcu), pct(ours.peakWcu / limit), base ? int(base.peakWcu) : '-'] : [];
  }),
]);

// The busiest tenant's whole day feed, and how many shards would keep its hottest one at the target.
const feedLoads = real.loads.filter((l) => l.kind === 'tenant day feed' && l.key.startsWith(`T#${tenantIdOf(1)}#`));
const feedTotal = feedLoads.reduce((sum, l) => sum + l.wcuPerSecond, 0);
const feedPeak = real.peaks.find((p) => p.kind === 'tenant day feed' && p.key.startsWith(`T#${tenantIdOf(1)}#`));
if (feedPeak) {
  const burst = feedPeak.peakWcu / feedPeak.wcuPerSecond;
  const needed = Math.ceil((feedTotal * burst) / (limit * TARGET_SHARE));
  console.log(
    `busiest tenant's day feed: ${int(feedTotal)} WCU/s over ${feedLoads.length} shards (FEED_SHARDS = ${FEED_SHARDS}); hottest shard peaks at ${int(feedPeak.peakWcu)} ` +
      `(×${burst.toFixed(2)} its mean): ${needed} shards would keep it ≤ ${pct(TARGET_SHARE)} of a partition`,
  );
}
const worst = real.peaks[0];
const share = worst ? worst.peakWcu / limit : 0;
const baseShare = (baseline.peaks[0]?.peakWcu ?? 0) / limit;
const meanWorst = Math.max(0, ...real.peaks.map((p) => p.wcuPerSecond));
console.log(`without bursts (mean rate of the hour) the hottest key is at ${pct(meanWorst / limit)} of a partition's ${int(limit)} WCU/s`);
console.log(`ratio real / unsharded baseline (peak on the hottest key): ${(share / baseShare).toFixed(2)}; finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`bench: peak_partition_wcu_share=${share.toFixed(2)} (target <= ${TARGET_SHARE})`);
if (share > TARGET_SHARE) process.exitCode = 1;
