// `npm run bench:cost`: the cost model of issue 7. Runs a representative mix (70 % chat/email text,
// 20 % calls with a provider transcript, 10 % recordings needing Transcribe) through the embedded
// hub's real ingestion and workflows, counts every billable operation (bench/cost-run.ts,
// bench/cost-meter.ts), prices it from the dated list-price table (bench/aws-prices.ts) and prints
// the cost per 1M text communications and per 1,000 audio minutes, component by component. The
// baselines, measured in the same run, are the same text mix with every record sent to the model
// ("always"), priced as Express + Nova Micro, as Standard workflows, and with a Haiku-class model.
import { deadline, envCount, printTable } from './support.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_PRICES as P, PRICES_AS_OF, line, total, type CostLine } from './aws-prices.js';
import { agentTokens, ASSUME, phaseCost, type Pricing } from './cost-model.js';
import { PERIODIC_AS_OF, runMix, seededCommsPerCustomerMonth, type Phase } from './cost-run.js';
import { representativeMix } from './text-mix.js';
import { LAMBDA_V8_FLAGS, agentStepMemory } from './agent-step-memory.js';
import { AGENT_STEP_MEMORY_MB } from '../lib/function-memory.js';
import type { CustomerAgentInput } from '../functions/core/agents/customer-agent-input.js';

/** Lambda allocates CPU in proportion to memory: a full vCPU at 1,769 MB. */
const LAMBDA_MB_PER_VCPU = 1769;

const COMMUNICATIONS = envCount('BENCH_COST_COMMUNICATIONS', 300);
const MIX = { text: 0.7, call: 0.2, audio: 0.1 } as const;
const PERIODIC_CUSTOMERS = envCount('BENCH_COST_PERIODIC_CUSTOMERS', 20, 0);
/**
 * Amortising the periodic runs needs a tenant's size: customers, and communications a month. The
 * default is a B2B account team of some size: 1,000 customers (1 in 10 high priority, which the risk
 * check covers), 100 communications a month for a steady customer (about five a working day), one in
 * five falling off to 16 % of that. The seeded customers the runs analyse have the same history
 * (cost-run.ts, seededMonthlyCounts), so the runs are measured over the activity they are amortised over.
 */
const TENANT_CUSTOMERS = envCount('BENCH_COST_TENANT_CUSTOMERS', 1000);
const STEADY_COMMS_PER_CUSTOMER_MONTH = envCount('BENCH_COST_COMMS_PER_CUSTOMER_MONTH', 100);
const COMMS_PER_CUSTOMER_MONTH = seededCommsPerCustomerMonth(PERIODIC_CUSTOMERS, STEADY_COMMS_PER_CUSTOMER_MONTH);
/** Periodic runs per tenant a month (report-schedules.ts: daily, weekly, monthly, risk check every 5 minutes). */
const RUNS_PER_MONTH = { 'report-daily': 30, 'report-weekly': 52 / 12, 'report-monthly': 1, 'risk-check': 12 * 24 * 30 } as const;
/**
 * How the measured periodic runs scale to the tenant. Reports visit every customer: scaled per customer.
 * The risk check assesses only high-priority customers (1 in 10) with a record its last assessment has
 * not read (plan-periodic-run.ts, compute-customer-input.ts): each message once, so per check the
 * customers with news since the previous check, five minutes earlier. The measured run gives each of
 * its high-priority customers such a message, so it is scaled to the expected number with news:
 * Poisson arrivals at COMMS_PER_CUSTOMER_MONTH, P(≥ 1 in 5 min) each.
 */
const HIGH_PRIORITY_SHARE = 0.1;
const RISK_CHECK_INTERVAL_MINUTES = 5;
function periodicScale(name: keyof typeof RUNS_PER_MONTH): number {
  if (name !== 'risk-check') return TENANT_CUSTOMERS / PERIODIC_CUSTOMERS;
  const perInterval = (COMMS_PER_CUSTOMER_MONTH * RISK_CHECK_INTERVAL_MINUTES) / (30 * 24 * 60);
  const withNews = TENANT_CUSTOMERS * HIGH_PRIORITY_SHARE * (1 - Math.exp(-perInterval));
  return withNews / Math.max(1, PERIODIC_CUSTOMERS * HIGH_PRIORITY_SHARE);
}
const CALL_MINUTES = 5;
const AUDIO_MINUTES = 5;
const TARGET_USD_PER_MILLION = 40;

deadline(1200);
const started = performance.now();
const counts = { text: Math.round(COMMUNICATIONS * MIX.text), call: Math.round(COMMUNICATIONS * MIX.call), audio: Math.round(COMMUNICATIONS * MIX.audio) };
const scratch = await mkdtemp(join(tmpdir(), 'commhub-bench-cost-'));
try {
  const texts = await representativeMix();
  const tiered = await runMix({ policy: 'tiered', texts, textCount: counts.text, callCount: counts.call, audioCount: counts.audio, periodicCustomers: PERIODIC_CUSTOMERS, commsPerCustomerMonth: STEADY_COMMS_PER_CUSTOMER_MONTH, scratch });
  const always = await runMix({ policy: 'always', texts, textCount: counts.text, callCount: 0, audioCount: 0, periodicCustomers: 0, commsPerCustomerMonth: 0, scratch });
  const phase = (phases: Phase[], name: string) => phases.find((p) => p.name === name)!;

  console.log(`\ncost: ${counts.text} text (WeCom webhook, SMTP mail, API), ${counts.call} calls with a provider transcript (telephony webhook), ${counts.audio} recordings (upload + Transcribe), periodic runs over ${PERIODIC_CUSTOMERS} customers — embedded hub, real ASL, local servers`);
  const sdk = (p: Phase, service: string) => p.calls.filter((c) => c.operation.startsWith(service)).length / p.items;
  const textAlways = phase(always, 'text');
  printTable([
    ['counted per communication / run', ...tiered.map((p) => p.name), 'text (always)'],
    ...([
      ['items', (p: Phase) => String(p.items)],
      ['HTTP requests', (p: Phase) => (p.httpRequests / p.items).toFixed(2)],
      ['DynamoDB requests', (p: Phase) => sdk(p, 'DynamoDB').toFixed(2)],
      ['DynamoDB WRU', (p: Phase) => (p.calls.reduce((s, c) => s + c.wru, 0) / p.items).toFixed(2)],
      ['DynamoDB RRU', (p: Phase) => (p.calls.reduce((s, c) => s + c.rru, 0) / p.items).toFixed(2)],
      ['S3 requests (SDK)', (p: Phase) => sdk(p, 'S3').toFixed(2)],
      ['other SDK requests', (p: Phase) => (p.calls.filter((c) => !/^(DynamoDB|S3)\./.test(c.operation)).length / p.items).toFixed(2)],
      ['workflow executions', (p: Phase) => (p.executions.length / p.items).toFixed(2)],
      ['state transitions', (p: Phase) => (p.executions.reduce((s, e) => s + e.transitions, 0) / p.items).toFixed(2)],
      ['Lambda step invocations', (p: Phase) => (p.executions.reduce((s, e) => s + e.stepInvocations, 0) / p.items).toFixed(2)],
      ['model calls (A10 / A11–A15)', (p: Phase) => `${(p.modelCalls.length / p.items).toFixed(2)} / ${(p.agentCalls.length / p.items).toFixed(0)}`],
      ['workflows not succeeded', (p: Phase) => String(p.executions.filter((e) => e.status !== 'SUCCEEDED').length)],
    ] as const).map(([label, f]) => [label, ...tiered.map(f), f(textAlways)]),
  ]);

  // Periodic runs, amortised: measured over PERIODIC_CUSTOMERS, scaled per customer to the tenant.
  const commsPerTenantMonth = TENANT_CUSTOMERS * COMMS_PER_CUSTOMER_MONTH;
  const periodicFactor = (name: keyof typeof RUNS_PER_MONTH) => (RUNS_PER_MONTH[name] * periodicScale(name)) / commsPerTenantMonth;
  const periodicLines = (pricing: Pricing): CostLine[] => {
    const byComponent = new Map<string, number>();
    for (const name of Object.keys(RUNS_PER_MONTH) as (keyof typeof RUNS_PER_MONTH)[]) {
      const p = tiered.find((x) => x.name === name);
      if (!p) continue;
      for (const l of phaseCost(p, pricing)) {
        const group = /Bedrock/.test(l.component) ? 'Bedrock (A11–A15 tokens)' : /Step Functions/.test(l.component) ? 'Step Functions (Standard parent, Express Map children)' : /Lambda/.test(l.component) ? 'Lambda steps' : /DynamoDB/.test(l.component) ? 'DynamoDB' : /S3/.test(l.component) ? 'S3' : l.component;
        byComponent.set(group, (byComponent.get(group) ?? 0) + l.usdPerMillion * periodicFactor(name));
      }
    }
    const fires = Object.values(RUNS_PER_MONTH).reduce((a, b) => a + b, 0) / commsPerTenantMonth;
    return [
      line('Periodic: EventBridge Scheduler invocations', fires, 'invocations', P.schedulerInvocation),
      line('Periodic: dispatcher Lambda (requests + 50 ms)', fires, 'invocations', P.lambdaRequest + 0.05 * ASSUME.lambdaGb * P.lambdaGbSecondArm),
      ...[...byComponent].map(([component, usd]) => ({ component: `Periodic: ${component}`, perRecord: 0, unit: '(amortised)', usdPerMillion: usd })),
    ];
  };
  const textCost = (phases: Phase[], pricing: Pricing) => [...phaseCost(phase(phases, 'text'), pricing), ...periodicLines(pricing)];
  const ours = textCost(tiered, { model: 'nova-micro', textWorkflow: 'express' });
  const baselines = {
    'always, Express, Nova Micro': textCost(always, { model: 'nova-micro', textWorkflow: 'express' }),
    'always, Standard, Nova Micro': textCost(always, { model: 'nova-micro', textWorkflow: 'standard' }),
    'always, Express, Haiku-class': textCost(always, { model: 'haiku', textWorkflow: 'express' }),
  };
  const components = [...new Set([...ours, ...Object.values(baselines).flat()].map((l) => l.component))];
  const recordPath = (lines: CostLine[]) => total(lines.filter((l) => !l.component.startsWith('Periodic')));
  const usd = (lines: CostLine[], component: string) => lines.find((l) => l.component === component)?.usdPerMillion ?? 0;
  console.log(`\ncost per 1M text communications (prices: ${PRICES_AS_OF}; AWS-side latencies assumed: model ${ASSUME.modelLatencyMs} ms, agents ${ASSUME.agentLatencyMs} ms, DynamoDB ${ASSUME.dynamoCallMs} ms, S3 PUT ${ASSUME.s3PutMs} ms)`);
  console.log(
    `periodic runs amortised over a tenant of ${TENANT_CUSTOMERS} customers × ${COMMS_PER_CUSTOMER_MONTH.toFixed(1)} communications a month on average ` +
      `(${STEADY_COMMS_PER_CUSTOMER_MONTH} for a steady customer; runs measured over ${PERIODIC_CUSTOMERS} customers seeded with that history, scaled per customer)`,
  );
  printTable([
    ['component', 'per record', 'unit', 'USD/1M tiered', ...Object.keys(baselines)],
    ...components.map((c) => {
      const mine = ours.find((l) => l.component === c);
      return [c, mine && mine.perRecord > 0 ? mine.perRecord.toPrecision(3) : '', mine?.unit ?? '', usd(ours, c).toFixed(2), ...Object.values(baselines).map((b) => usd(b, c).toFixed(2))];
    }),
    ['subtotal: per-record path (ingest + workflow)', '', '', recordPath(ours).toFixed(2), ...Object.values(baselines).map((b) => recordPath(b).toFixed(2))],
    ['subtotal: periodic runs (amortised)', '', '', (total(ours) - recordPath(ours)).toFixed(2), ...Object.values(baselines).map((b) => (total(b) - recordPath(b)).toFixed(2))],
    ['total', '', '', total(ours).toFixed(2), ...Object.values(baselines).map((b) => total(b).toFixed(2))],
    ['ratio to this design (same run)', '', '', '1.00', ...Object.values(baselines).map((b) => (total(b) / total(ours)).toFixed(2))],
  ]);
  const periodicShare = total(ours) - recordPath(ours);
  console.log(`issue 7 reference points (per-record path, "always"): ~$98 Express + Nova Micro, ~$244 Standard, ~$2,700 Haiku-class; this run: $${Object.values(baselines).map((b) => recordPath(b).toFixed(2)).join(', $')}`);
  console.log(`periodic runs: $${periodicShare.toFixed(2)} per 1M text communications ($${((periodicShare * commsPerTenantMonth) / 1e6).toFixed(2)} per tenant-month)`);

  console.log(`\nperiodic runs at the tenant's size (${TENANT_CUSTOMERS} customers; measured over ${PERIODIC_CUSTOMERS}, scaled per customer; runs as of ${PERIODIC_AS_OF})`);
  printTable([
    ['run', 'runs/month', 'transitions', 'A11–A15 calls', 'tokens in', 'tokens out', 'USD/run', 'USD/tenant-month', 'USD/1M comms'],
    ...(Object.keys(RUNS_PER_MONTH) as (keyof typeof RUNS_PER_MONTH)[]).flatMap((name) => {
      const p = tiered.find((x) => x.name === name);
      if (!p) return [];
      const scale = periodicScale(name);
      const tokens = p.agentCalls.map(agentTokens);
      const perRun = (total(phaseCost(p)) / 1e6) * scale;
      return [[name, RUNS_PER_MONTH[name].toFixed(1), (p.executions.reduce((s, e) => s + e.transitions, 0) * scale).toFixed(0), (p.agentCalls.length * scale).toFixed(0),
        (tokens.reduce((s, t) => s + t.input, 0) * scale).toFixed(0), (tokens.reduce((s, t) => s + t.output, 0) * scale).toFixed(0),
        perRun.toFixed(4), (perRun * RUNS_PER_MONTH[name]).toFixed(2), ((perRun * RUNS_PER_MONTH[name] * 1e6) / commsPerTenantMonth).toFixed(2)]];
    }),
  ]);

  // What the agent step's memory size (lib/function-memory.ts) is weighed against: its bundle answering
  // the periodic runs' own A14 inputs (the fullest: the 40 latest summaries) as A11–A14, one after the other.
  const agentInputs = tiered.flatMap((p) => p.agentCalls.filter((c) => c.agent === 'A14').map((c) => c.input as CustomerAgentInput));
  const step = await agentStepMemory(agentInputs);
  const cpuShare = AGENT_STEP_MEMORY_MB / LAMBDA_MB_PER_VCPU;
  console.log(
    `\nagent step memory: peak resident set ${step.peakRssMb.toFixed(0)} MB (${step.rssAfterGcMb.toFixed(0)} MB, live heap ${step.heapAfterGcMb.toFixed(0)} MB, after a full collection) ` +
      `over ${step.calls} A11–A14 calls (${step.modelAnswers} answered by the Bedrock stand-in), its bundle in a node process with the heap limits of a ${AGENT_STEP_MEMORY_MB} MB Lambda (${LAMBDA_V8_FLAGS.join(' ')}); ` +
      `the step has ${AGENT_STEP_MEMORY_MB} MB (${(AGENT_STEP_MEMORY_MB / step.peakRssMb).toFixed(1)}× the peak). A warm call's CPU: ${step.warmCpuMs.toFixed(1)} ms at a full vCPU, ` +
      `~${(step.warmCpuMs / cpuShare).toFixed(0)} ms at ${AGENT_STEP_MEMORY_MB} MB's ${cpuShare.toFixed(2)} of a vCPU, beside the model's ~${(ASSUME.agentLatencyMs / 1000).toFixed(1)} s`,
  );
  if (step.modelAnswers !== step.calls) throw new Error(`agent step probe: ${step.calls - step.modelAnswers} calls fell back to the local rules (${step.fallbackReasons.join('; ')}): the memory was measured on the wrong path`);

  const calls = phaseCost(phase(tiered, 'call'));
  console.log(`\ncalls with a provider transcript (${CALL_MINUTES}-minute calls, no Transcribe): $${total(calls).toFixed(2)} per 1M calls, $${((total(calls) / 1e6) * (1000 / CALL_MINUTES)).toFixed(2)} per 1,000 call minutes`);
  const audio = phaseCost(phase(tiered, 'audio'));
  const perThousandMinutes = (lines: CostLine[]) => (total(lines) / 1e6) * (1000 / AUDIO_MINUTES);
  console.log(`\ncost per 1,000 audio minutes (${AUDIO_MINUTES}-minute recordings through Transcribe, Standard workflow with .waitForTaskToken): $${perThousandMinutes(audio).toFixed(2)}`);
  printTable([
    ['component', 'per recording', 'unit', 'USD/1,000 min'],
    ...audio.map((l) => [l.component, l.perRecord.toPrecision(3), l.unit, ((l.usdPerMillion / 1e6) * (1000 / AUDIO_MINUTES)).toPrecision(3)]),
  ]);
  const blended = MIX.text * total(ours) + MIX.call * total(calls) + MIX.audio * total(audio);
  console.log(`\nmix (${MIX.text * 100} % text, ${MIX.call * 100} % calls with transcript, ${MIX.audio * 100} % audio): $${blended.toFixed(2)} per 1M communications (Transcribe: $${((MIX.audio * (AUDIO_MINUTES * P.transcribeMinute)) * 1e6).toFixed(2)} of it)`);

  const value = total(ours);
  // The levers left are product decisions; what each would take off, from this run's own counts.
  const daily = tiered.find((p) => p.name === 'report-daily');
  const dailyA11to13 = daily?.agentCalls.filter((c) => c.agent === 'A11' || c.agent === 'A12' || c.agent === 'A13') ?? [];
  const perDailyRun = dailyA11to13.reduce((sum, call) => {
    const tokens = agentTokens(call);
    const wait = (ASSUME.agentLatencyMs / 1000) * (AGENT_STEP_MEMORY_MB / 1024) * P.lambdaGbSecondArm + P.lambdaRequest;
    return sum + tokens.input * P.novaMicroInputToken + tokens.output * P.novaMicroOutputToken + wait;
  }, 0);
  const weeklyInsight = perDailyRun * 1e6 * periodicFactor('report-daily');
  const sesReceiving = usd(ours, 'SES receiving: inbound mail');
  console.log(
    `\nproduct decisions, priced from this run: A11–A13 weekly instead of daily (A14 still daily) −$${weeklyInsight.toFixed(2)} (their tokens and agent-step time in the daily run); ` +
      `mail pulled from the mailbox (IMAP/Graph) instead of received by SES −$${sesReceiving.toFixed(2)}; both: $${(value - weeklyInsight - sesReceiving).toFixed(2)} per 1M text communications. ` +
      `The per-record path alone without SES receiving: $${(recordPath(ours) - sesReceiving).toFixed(2)}, of which urgent-alert mail (one per urgent record) $${usd(ours, 'SES outbound mail (alerts, reports)').toFixed(2)}`,
  );
  if (value > TARGET_USD_PER_MILLION) {
    console.log('\ntarget missed — the three largest components and what would cut them:');
    for (const l of [...ours].sort((a, b) => b.usdPerMillion - a.usdPerMillion).slice(0, 3)) console.log(`  $${l.usdPerMillion.toFixed(2)}  ${l.component}: ${remedy(l.component)}`);
  }
  console.log(`\nruntime ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`bench: text_cost_per_1M_usd=${value.toFixed(2)} (target <= ${TARGET_USD_PER_MILLION})`);
  const failed = [...tiered, ...always].flatMap((p) => p.executions).filter((e) => e.status !== 'SUCCEEDED').length;
  if (failed > 0 || value > TARGET_USD_PER_MILLION) process.exitCode = 1;
} finally {
  await rm(scratch, { recursive: true, force: true });
}

/** What would cut a component (printed only when the target is missed). */
function remedy(component: string): string {
  if (/Periodic: Bedrock/.test(component)) return 'the daily report runs A11–A13 for every customer with a record that day, and A14 for every customer active in 120 days (A11–A13 given the day\'s record summaries and 8 before them, A14 the 40 latest so that its risk episodes do not flap; ~2.7k input tokens a call on average, the metrics and the opportunity signals included): run A11–A13 weekly, or A14 daily only where the risk inputs changed';
  if (/Periodic: Step Functions/.test(component)) return 'the daily report visits every customer active in 120 days (a Standard Map with an Express child each): run the risk check as an Express workflow, and leave quiet customers with no open risk to the weekly run';
  if (/SES receiving/.test(component)) return 'inherent to receiving mail through SES ($0.10/1,000 mails + $0.09/1,000 chunks); a mailbox pull (IMAP/Graph) or forwarding webhook avoids it';
  if (/SES outbound/.test(component)) return 'one digest mail per owner every few minutes instead of one per urgent record';
  if (/audit entry/.test(component)) return 'audit only API calls a person makes (not machine ingestion), or batch ingestion audits into one entry per request/batch';
  if (/DynamoDB writes: record/.test(component)) return 'keep the record item under 1 KB per copy (analysis in a separate item without index keys), or project only keys into the GSIs (KEYS_ONLY) so updates stop rewriting full copies';
  if (/DynamoDB/.test(component)) return 'fewer or smaller items per record (fold side items into the record, KEYS_ONLY index projections)';
  if (/Express/.test(component)) return 'fewer states/shorter steps per execution, or start one execution per stream batch instead of per record';
  if (/Bedrock/.test(component)) return 'send fewer records to the model (tiered gating), shorter prompt (system prompt and tool schema dominate small messages)';
  if (/Periodic: Lambda steps/.test(component)) return 'the agent step is billed while it waits on the model (~2.5 s a call, now at 256 MB): one invocation calling A11, A12 and A14 side by side instead of three';
  if (/Periodic/.test(component)) return 'run the reports over fewer customers (quiet customers already get A14 alone, and the risk check reads only customers with news)';
  if (/EventBridge/.test(component)) return 'publish one batched event per stream batch, or only communication.analyzed';
  if (/API Gateway|API routes/.test(component)) return 'batch ingestion (POST /v1/communications:batch) for bulk sources';
  if (/S3/.test(component)) return 'skip the raw-archive PUT for payloads already stored in the record';
  return 'see the per-record unit count';
}
