// `npm run bench:workflow`: state transitions and Lambda invocations per text and per audio record,
// counted from embedded executions of the real ASL files, priced per 1M text records and per 1,000
// audio minutes from the dated list-price table (bench/aws-prices.ts). The baseline, measured in the
// same run, is the same design with every record sent to the model ("always" policy).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildA10Messages } from '../functions/adapters/bedrock/a10-prompt.js';
import { a10ToolConfig } from '../functions/adapters/bedrock/a10-tool.js';
import { estimateTokens } from '../functions/core/agents/token-estimate.js';
import { ANALYSIS_STEP_MEMORY_MB } from '../lib/function-memory.js';
import { AWS_PRICES as P, PRICES_AS_OF, line, total, type CostLine } from './aws-prices.js';
import { writeUnits } from './cost-meter.js';
import { deadline, envCount, printTable } from './support.js';
import { representativeMix } from './text-mix.js';
import { devSetTexts, runWorkflows, type MeasuredRecord, type WorkflowRun } from './workflow-run.js';

const TEXT_RECORDS = envCount('BENCH_TEXT_RECORDS', 280);
const AUDIO_RECORDS = envCount('BENCH_AUDIO_RECORDS', 10, 0);
const TARGET_USD_PER_MILLION = 40;
/**
 * AWS-side latencies the embedded run cannot measure (its local DynamoDB and S3 servers share two
 * cores with everything else and are 5-20× slower than the services). Step and execution durations
 * are priced from these and the operations each record's steps actually made.
 */
const ASSUME = {
  /** Nova Micro answering ~1k input / ~150 output tokens (Bedrock on-demand, same region). */
  modelLatencyMs: 700,
  dynamoCallMs: 8,
  s3PutMs: 25,
  eventBridgeMs: 20,
  sesMs: 60,
  /** The ingest route: raw-archive PUT, identity reads and the conditional put, about half in parallel. */
  ingestMs: 60,
  /** Step Functions' own time per execution around the tasks. */
  expressOverheadMs: 40,
  /** Records per stream batch the starter function receives. */
  streamBatch: 100,
  starterMillis: 60,
  lambdaGb: 0.5,
  expressGb: 0.0625,
  audioMinutesPerRecord: 5,
} as const;

deadline(600);
const avg = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

function costOf(run: WorkflowRun, records: readonly MeasuredRecord[], kind: 'text' | 'audio'): CostLine[] {
  const modelBound = new Set(records.filter((m) => m.record.analysis.model === 'metered-model').map((m) => m.record.recordId));
  const inputs = run.modelInputs.filter((m) => modelBound.has(m.input.recordId));
  const share = (n: number) => n / records.length;
  const executions = records.flatMap((m) => m.executions);
  const express = executions.filter((e) => e.machine === 'recordAnalysis');
  const standard = executions.filter((e) => e.machine === 'recordTranscription');
  // AWS duration of each record's steps, from the operations they made (see ASSUME).
  const analyzeMs = (m: MeasuredRecord) =>
    ASSUME.dynamoCallMs * (3 + m.taskItems.length + (m.record.analysis.alertInsightId ? 1 : 0)) +
    ASSUME.eventBridgeMs +
    (m.record.analysis.modelInput?.blobKey ? ASSUME.s3PutMs : 0) +
    (modelBound.has(m.record.recordId) ? ASSUME.modelLatencyMs : 0) +
    // The rules' CPU time (~2 ms at 512 MB), scaled to the step's share of a vCPU.
    2 * (512 / ANALYSIS_STEP_MEMORY_MB);
  const notifyMs = (m: MeasuredRecord) => (m.record.analysis.alertInsightId ? ASSUME.dynamoCallMs * 2 + ASSUME.sesMs : 0);
  const transcriptionMs = kind === 'audio' ? ASSUME.dynamoCallMs * 4 + ASSUME.s3PutMs * 2 : 0;
  const analyzeMillis = avg(records.map(analyzeMs));
  const otherMillis = avg(records.map(notifyMs)) + transcriptionMs;
  const expressBilledSeconds = avg(records.map((m) => (Math.ceil((analyzeMs(m) + notifyMs(m) + ASSUME.expressOverheadMs) / 100) * 0.1)));
  // Write units from the items as stored (key and index attributes included), sized as DynamoDB
  // does, on the table and every index holding a copy; the insert wrote the record still pending.
  const insertWrites = avg(records.map((m) => writeUnits({ ...m.recordItem, analysis: { status: 'pending' } }) + (m.record.threadId ? 1 : 0)));
  const analysisWrites = avg(records.map((m) => writeUnits(m.recordItem) + m.taskItems.reduce((s, item) => s + writeUnits(item), 0) + (m.record.analysis.alertInsightId ? 2 * 2 : 0)));
  const transcriptionWrites = kind === 'audio' ? avg(records.map((m) => 1 + 2 * writeUnits(m.recordItem))) : 0;
  const tokensIn = inputs.reduce((s, m) => s + estimateTokens(JSON.stringify(buildA10Messages(m.input)) + JSON.stringify(a10ToolConfig())), 0) / records.length;
  const tokensOut = inputs.reduce((s, m) => s + estimateTokens(m.outputJson), 0) / records.length;
  const stepInvocations = avg(records.map((m) => m.executions.reduce((s, e) => s + e.stepInvocations, 0)));
  const lines = [
    line('API Gateway HTTP API request', 1, 'requests', P.httpApiRequest),
    line('Lambda: ingest route (requests)', 1, 'invocations', P.lambdaRequest),
    line('Lambda: ingest route (duration)', (ASSUME.ingestMs / 1000) * ASSUME.lambdaGb, 'GB-s', P.lambdaGbSecondArm),
    line('S3: raw archive PUT', 1, 'PUTs', P.s3Put),
    line('DynamoDB: store record + indexes + thread', insertWrites, 'WRU', P.dynamoWriteUnit),
    line('DynamoDB: identity / customer reads', 1, 'RRU', P.dynamoReadUnit),
    line('Lambda: stream starter', 1 / ASSUME.streamBatch, 'invocations', P.lambdaRequest),
    line('Lambda: stream starter (duration)', ((ASSUME.starterMillis / 1000) * ASSUME.lambdaGb) / ASSUME.streamBatch, 'GB-s', P.lambdaGbSecondArm),
    line('EventBridge: ingested + analyzed events', 2, 'events', P.eventBridgeEvent),
    line('Step Functions Express: executions', express.length / records.length, 'executions', P.expressRequest),
    line('Step Functions Express: duration (64 MB)', expressBilledSeconds * ASSUME.expressGb, 'GB-s', P.expressGbSecond),
    line('Step Functions Standard: transitions', standard.reduce((s, e) => s + e.transitions, 0) / records.length, 'transitions', P.standardTransition),
    line('Lambda: workflow steps (requests)', stepInvocations, 'invocations', P.lambdaRequest),
    line(`Lambda: analysis step (duration, x86_64, ${ANALYSIS_STEP_MEMORY_MB} MB)`, (analyzeMillis / 1000) * (ANALYSIS_STEP_MEMORY_MB / 1024), 'GB-s', P.lambdaGbSecondX86),
    line('Lambda: other steps (duration)', (otherMillis / 1000) * ASSUME.lambdaGb, 'GB-s', P.lambdaGbSecondArm),
    line('DynamoDB: analysis, tasks, alert', analysisWrites + transcriptionWrites, 'WRU', P.dynamoWriteUnit),
    line('DynamoDB: workflow reads', 1.5, 'RRU', P.dynamoReadUnit),
    line('S3: model input kept (masked texts only)', share(records.filter((m) => m.record.analysis.modelInput?.blobKey).length), 'PUTs', P.s3Put),
    line('Bedrock Nova Micro: input tokens', tokensIn, 'tokens', P.novaMicroInputToken),
    line('Bedrock Nova Micro: output tokens', tokensOut, 'tokens', P.novaMicroOutputToken),
    line('SES: urgent alert emails', share(records.filter((m) => m.record.analysis.alertInsightId).length), 'emails', P.sesEmail),
  ];
  if (kind === 'audio') {
    lines.push(
      line('S3: recording upload, transcript output PUTs', 2, 'PUTs', P.s3Put),
      line('S3: media and transcript GETs', 2, 'GETs', P.s3Get),
      line('Amazon Transcribe', ASSUME.audioMinutesPerRecord, 'minutes', P.transcribeMinute),
    );
  }
  return lines;
}

const scratch = await mkdtemp(join(tmpdir(), 'commhub-bench-workflow-'));
try {
  const mix = await representativeMix();
  const devSet = await devSetTexts();
  const tiered = await runWorkflows({ policy: 'tiered', texts: mix, textCount: TEXT_RECORDS, audioCount: AUDIO_RECORDS, scratch });
  const always = await runWorkflows({ policy: 'always', texts: mix, textCount: TEXT_RECORDS, audioCount: 0, scratch });
  const devTiered = await runWorkflows({ policy: 'tiered', texts: devSet, textCount: TEXT_RECORDS, audioCount: 0, scratch });

  const perRecord = (run: WorkflowRun, records: readonly MeasuredRecord[], machine: string) => ({
    transitions: avg(records.map((m) => m.executions.filter((e) => !machine || e.machine === machine).reduce((s, e) => s + e.transitions, 0))),
    invocations: avg(records.map((m) => m.executions.reduce((s, e) => s + e.stepInvocations, 0))),
    modelShare: records.filter((m) => m.record.analysis.model === 'metered-model').length / records.length,
    failed: records.filter((m) => m.record.analysis.status !== 'completed').length,
  });
  const text = perRecord(tiered, tiered.text, '');
  const audio = perRecord(tiered, tiered.audio, '');
  const textAlways = perRecord(always, always.text, '');
  console.log(`\nworkflow: ${TEXT_RECORDS} text and ${AUDIO_RECORDS} audio records through the embedded hub (real ASL, local servers)`);
  printTable([
    ['per record', 'text (tiered)', 'text (always)', 'audio (tiered)'],
    ['state transitions (all machines)', text.transitions.toFixed(2), textAlways.transitions.toFixed(2), audio.transitions.toFixed(2)],
    ['Lambda step invocations', text.invocations.toFixed(2), textAlways.invocations.toFixed(2), audio.invocations.toFixed(2)],
    ['share sent to the model', text.modelShare.toFixed(2), textAlways.modelShare.toFixed(2), audio.modelShare.toFixed(2)],
    ['analysis not completed', String(text.failed), String(textAlways.failed), String(audio.failed)],
  ]);

  const ours = costOf(tiered, tiered.text, 'text');
  const baseline = costOf(always, always.text, 'text');
  console.log(`\ncost per 1M text records, representative mix (one business message per short chat turn; prices: ${PRICES_AS_OF}; model latency ${ASSUME.modelLatencyMs} ms assumed)`);
  printTable([
    ['component', 'per record', 'unit', 'USD/1M tiered', 'USD/1M always'],
    ...ours.map((l, i) => [l.component, l.perRecord.toFixed(3), l.unit, l.usdPerMillion.toFixed(2), (baseline[i]?.usdPerMillion ?? 0).toFixed(2)]),
    ['total', '', '', total(ours).toFixed(2), total(baseline).toFixed(2)],
  ]);
  const audioLines = costOf(tiered, tiered.audio, 'audio');
  const perThousandMinutes = (total(audioLines) / 1e6) * (1000 / ASSUME.audioMinutesPerRecord);
  const transcribeShare = (P.transcribeMinute * 1000) / perThousandMinutes;
  console.log(`\ncost per 1,000 audio minutes (${ASSUME.audioMinutesPerRecord}-minute recordings): $${perThousandMinutes.toFixed(2)} (Transcribe ${(transcribeShare * 100).toFixed(0)} %)`);
  const devSetCost = total(costOf(devTiered, devTiered.text, 'text'));
  console.log(`dev set alone (balanced by label: about 1 in 5 urgent), tiered: $${devSetCost.toFixed(2)} per 1M`);
  console.log(`ratio tiered / always (representative mix, same run): ${(total(ours) / total(baseline)).toFixed(2)}`);
  const value = total(ours);
  console.log(`bench: text_cost_per_1M_usd=${value.toFixed(2)} (target <= ${TARGET_USD_PER_MILLION})`);
  const failed = text.failed + audio.failed + textAlways.failed + devTiered.text.filter((m) => m.record.analysis.status !== 'completed').length;
  if (failed > 0 || value > TARGET_USD_PER_MILLION) process.exitCode = 1;
} finally {
  await rm(scratch, { recursive: true, force: true });
}
