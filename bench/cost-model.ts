// Prices what a cost-bench phase counted (bench/cost-run.ts) from the dated list-price table
// (bench/aws-prices.ts): one CostLine per billable component, per communication (or per periodic run).
import { a10ToolConfig } from '../functions/adapters/bedrock/a10-tool.js';
import { buildA10Messages } from '../functions/adapters/bedrock/a10-prompt.js';
import { buildA15Messages } from '../functions/adapters/bedrock/a15-prompt.js';
import { agentToolConfig } from '../functions/adapters/bedrock/bedrock-agent.js';
import { a15ToolConfig } from '../functions/adapters/bedrock/bedrock-report-writer.js';
import { A11_AGENT, A12_AGENT, A13_AGENT, A14_AGENT } from '../functions/adapters/bedrock/customer-agent-definitions.js';
import { buildCustomerAgentMessages } from '../functions/adapters/bedrock/customer-agent-prompt.js';
import type { A15Input } from '../functions/core/agents/a15-report.js';
import type { CustomerAgentInput } from '../functions/core/agents/customer-agent-input.js';
import { estimateTokens } from '../functions/core/agents/token-estimate.js';
import { AGENT_STEP_MEMORY_MB, ANALYSIS_STEP_MEMORY_MB, REPORT_STEP_MEMORY_MB } from '../lib/function-memory.js';
import { STATE_MACHINES } from '../statemachines/state-machines.js';
import { AWS_PRICES as P, line, type CostLine } from './aws-prices.js';
import type { AgentCall, Phase } from './cost-run.js';

/**
 * AWS-side latencies the embedded run cannot measure (its local DynamoDB and S3 servers share two
 * cores with everything else and are 5-20× slower than the services) — bench/workflow's figures.
 * Lambda and Express durations are priced from these and the operations each origin actually made,
 * summed as if sequential (an upper bound: some of them run in parallel).
 */
export const ASSUME = {
  /** Nova Micro answering ~1k input / ~150 output tokens (Bedrock on-demand, same region). */
  modelLatencyMs: 700,
  /** Nova Micro answering an A11–A15 prompt (a few thousand tokens in, up to ~1.5k out). */
  agentLatencyMs: 2500,
  dynamoCallMs: 8,
  s3PutMs: 25,
  s3GetMs: 15,
  eventBridgeMs: 20,
  sesMs: 60,
  /** Handler CPU per invocation besides its I/O (parsing, validation, redaction). */
  handlerMs: 5,
  /** Step Functions' own time per Express execution around the tasks. */
  expressOverheadMs: 40,
  /** Records per stream batch the starter function receives, and its time per batch. */
  streamBatch: 100,
  starterMillis: 60,
  lambdaGb: 0.5,
  inboundMailGb: 1,
  expressGb: 0.0625,
} as const;

export type ModelPrice = 'nova-micro' | 'haiku';
export interface Pricing {
  readonly model: ModelPrice;
  /** Price the record-analysis machine as a Standard workflow (per transition) instead of Express. */
  readonly textWorkflow: 'express' | 'standard';
}
export const DEFAULT_PRICING: Pricing = { model: 'nova-micro', textWorkflow: 'express' };

const opMs = (operation: string) =>
  operation.startsWith('DynamoDB') ? ASSUME.dynamoCallMs : operation === 'S3.PutObject' ? ASSUME.s3PutMs : operation.startsWith('S3') ? ASSUME.s3GetMs : ASSUME.eventBridgeMs;
const sum = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((s, item) => s + f(item), 0);

/** Prompt and answer tokens of one A10 call, as the Bedrock adapter would send it. */
export const a10Tokens = (call: Phase['modelCalls'][number]) => ({
  input: estimateTokens(JSON.stringify(buildA10Messages(call.input)) + JSON.stringify(a10ToolConfig())),
  output: estimateTokens(call.outputJson),
});
const AGENTS = { A11: A11_AGENT, A12: A12_AGENT, A13: A13_AGENT, A14: A14_AGENT } as const;
/** Prompt and answer tokens of one A11–A15 call, from the real prompt builders and forced tools. */
export const agentTokens = (call: AgentCall) => ({
  input: estimateTokens(
    call.agent === 'A15'
      ? JSON.stringify(buildA15Messages(call.input as A15Input)) + JSON.stringify(a15ToolConfig())
      : JSON.stringify(buildCustomerAgentMessages(AGENTS[call.agent].prompt, call.input as CustomerAgentInput)) + JSON.stringify(agentToolConfig(AGENTS[call.agent])),
  ),
  output: estimateTokens(call.outputJson),
});

/**
 * The periodic-run machine is Standard, but its per-customer Map is DISTRIBUTED with EXPRESS children
 * (periodic-run.asl.json): the parent pays per transition of its top-level states (6 for a report:
 * plan, map, choice, write, email, succeed; 4 for the risk check) plus, conservatively, one per child
 * started; each child is an Express execution billed by duration. The local interpreter runs the Map
 * inline and counts every state, so the children's transitions are the rest.
 */
function periodicWorkflowLines(phase: Phase, opsMs: number): CostLine[] {
  const risk = phase.name === 'risk-check';
  const children = phase.mapItems;
  const parent = (risk ? 4 : 6) + children;
  const customerAgentCalls = phase.agentCalls.filter((c) => c.agent !== 'A15').length;
  // A child waits for A14 alone (risk check) or for A11/A12/A14 side by side and then A13 (reports).
  const activeChildren = customerAgentCalls / (risk ? 1 : 4);
  const childMs = (opsMs + activeChildren * (risk ? 1 : 2) * ASSUME.agentLatencyMs) / Math.max(1, children) + ASSUME.expressOverheadMs;
  return [
    line('Step Functions Standard: periodic run (parent) transitions', parent / phase.items, 'transitions', P.standardTransition),
    line('Step Functions Express: periodic Map children', children / phase.items, 'executions', P.expressRequest),
    line('Step Functions Express: Map children duration (64 MB, 100 ms steps)', (children * Math.ceil(childMs / 100) * 0.1 * ASSUME.expressGb) / phase.items, 'GB-s', P.expressGbSecond),
  ];
}

/** Everything one phase counted, priced per item (per communication, or per periodic run). */
export function phaseCost(phase: Phase, pricing: Pricing = DEFAULT_PRICING): CostLine[] {
  const per = (n: number) => n / phase.items;
  const periodic = phase.name.startsWith('report') || phase.name === 'risk-check';
  const { calls, executions } = phase;
  const byOrigin = (prefix: string) => calls.filter((c) => c.origin.startsWith(prefix));
  // Outside a route or step scope: inbound mail and the transcription callback — and, in periodic
  // runs, the Map iterations' steps (the Map hands them no execution id).
  const other = byOrigin('other');
  const express = executions.filter((e) => STATE_MACHINES[e.machine].type === 'EXPRESS');
  const standard = executions.filter((e) => STATE_MACHINES[e.machine].type === 'STANDARD');
  const modelRecords = new Set(phase.modelCalls.map((m) => m.input.recordId));
  const executionMs = (e: (typeof executions)[number]) =>
    sum(byOrigin(`execution:local:${e.machine}:${e.name}`), (c) => opMs(c.operation)) + e.stepInvocations * ASSUME.handlerMs + (e.machine === 'recordAnalysis' && modelRecords.has(String(e.input.recordId)) ? ASSUME.modelLatencyMs : 0);
  const sideMs = phase.events * ASSUME.eventBridgeMs + phase.emails * ASSUME.sesMs;
  const analysisMs = sum(executions.filter((e) => e.machine === 'recordAnalysis'), executionMs) + sideMs;
  const otherStepMs = sum(executions.filter((e) => e.machine !== 'recordAnalysis'), executionMs) + (periodic ? sum(other, (c) => opMs(c.operation)) : 0);
  // The periodic steps that wait on the model: A11–A14 in the agent step, A15 in the report step.
  const reportCalls = phase.agentCalls.filter((c) => c.agent === 'A15').length;
  const agentWaitMs = (phase.agentCalls.length - reportCalls) * ASSUME.agentLatencyMs;
  const reportWaitMs = reportCalls * ASSUME.agentLatencyMs;
  const routeMs = sum(byOrigin('route:'), (c) => opMs(c.operation)) + phase.httpRequests * ASSUME.handlerMs;
  const eventDrivenMs = periodic ? 0 : sum(other, (c) => opMs(c.operation)) + (phase.inboundMails + phase.callbacks) * ASSUME.handlerMs;
  const expressBilledGbS = sum(express, (e) => Math.ceil((executionMs(e) + sideMs / Math.max(1, express.length) + ASSUME.expressOverheadMs) / 100) * 0.1 * ASSUME.expressGb);
  const tokens = phase.modelCalls.map(a10Tokens);
  const agent = phase.agentCalls.map(agentTokens);
  const [inPrice, outPrice, modelName] = pricing.model === 'haiku' ? [P.haikuInputToken, P.haikuOutputToken, 'Claude 3.5 Haiku'] : [P.novaMicroInputToken, P.novaMicroOutputToken, 'Nova Micro'];
  const wruBy = new Map<string, number>();
  for (const c of calls) if (c.wru > 0) wruBy.set(c.itemKind ?? '?', (wruBy.get(c.itemKind ?? '?') ?? 0) + c.wru);
  const s3 = (op: string) => calls.filter((c) => c.operation === op).length;
  const s3Bytes = sum(calls, (c) => c.bytes);
  const records = periodic ? 0 : phase.items;
  const expressTransitions = sum(express, (e) => e.transitions);
  const lines: CostLine[] = [
    line('API Gateway HTTP API requests', per(phase.httpRequests), 'requests', P.httpApiRequest),
    line('Lambda: API routes (requests)', per(phase.httpRequests), 'invocations', P.lambdaRequest),
    line('Lambda: API routes (duration)', per(routeMs / 1000) * ASSUME.lambdaGb, 'GB-s', P.lambdaGbSecondArm),
    line('SES receiving: inbound mail', per(phase.inboundMails), 'messages', P.sesInboundMail + P.sesInboundChunk),
    line('Lambda: inbound mail, transcription callback (requests)', per(phase.inboundMails + phase.callbacks), 'invocations', P.lambdaRequest),
    line('Lambda: inbound mail, transcription callback (duration)', per(eventDrivenMs / 1000) * ASSUME.inboundMailGb, 'GB-s', P.lambdaGbSecondArm),
    line('Lambda: stream starter (amortised)', per(records) / ASSUME.streamBatch, 'invocations', P.lambdaRequest),
    line('Lambda: stream starter (duration)', (per(records) * (ASSUME.starterMillis / 1000) * ASSUME.lambdaGb) / ASSUME.streamBatch, 'GB-s', P.lambdaGbSecondArm),
    ...(periodic ? [] : pricing.textWorkflow === 'standard'
      ? [line('Step Functions Standard: record analysis transitions', per(expressTransitions), 'transitions', P.standardTransition)]
      : [
          line('Step Functions Express: executions', per(express.length), 'executions', P.expressRequest),
          line('Step Functions Express: duration (64 MB, 100 ms steps)', per(expressBilledGbS), 'GB-s', P.expressGbSecond),
        ]),
    ...(periodic
      ? periodicWorkflowLines(phase, sum(other, (c) => opMs(c.operation)) + sum(executions, executionMs))
      : [line('Step Functions Standard: transcription transitions', per(sum(standard, (e) => e.transitions)), 'transitions', P.standardTransition)]),
    line('Lambda: workflow steps (requests)', per(sum(executions, (e) => e.stepInvocations)), 'invocations', P.lambdaRequest),
    line(`Lambda: analysis step (duration, x86_64, ${ANALYSIS_STEP_MEMORY_MB} MB)`, per(analysisMs / 1000) * (ANALYSIS_STEP_MEMORY_MB / 1024), 'GB-s', P.lambdaGbSecondX86),
    line('Lambda: other steps (duration)', per(otherStepMs / 1000) * ASSUME.lambdaGb, 'GB-s', P.lambdaGbSecondArm),
    line(`Lambda: agent step waiting on A11–A14 (${AGENT_STEP_MEMORY_MB} MB)`, per(agentWaitMs / 1000) * (AGENT_STEP_MEMORY_MB / 1024), 'GB-s', P.lambdaGbSecondArm),
    line(`Lambda: report step waiting on A15 (${REPORT_STEP_MEMORY_MB} MB)`, per(reportWaitMs / 1000) * (REPORT_STEP_MEMORY_MB / 1024), 'GB-s', P.lambdaGbSecondArm),
    ...[...wruBy].sort((a, b) => b[1] - a[1]).map(([kind, wru]) => line(`DynamoDB writes: ${kind}`, per(wru), 'WRU', P.dynamoWriteUnit)),
    line('DynamoDB reads', per(sum(calls, (c) => c.rru)), 'RRU', P.dynamoReadUnit),
    line('S3 PUT requests (SDK + presigned)', per(s3('S3.PutObject') + phase.presignedPuts), 'PUTs', P.s3Put),
    line('S3 GET / HEAD requests', per(calls.filter((c) => c.operation.startsWith('S3') && c.operation !== 'S3.PutObject').length), 'GETs', P.s3Get),
    line('S3 storage of bytes written (first month)', per(s3Bytes) / 1e9, 'GB-month', P.s3StorageGbMonth),
    line('EventBridge events', per(phase.events), 'events', P.eventBridgeEvent),
    line(`Bedrock ${modelName}: A10 input tokens`, per(sum(tokens, (t) => t.input)), 'tokens', inPrice),
    line(`Bedrock ${modelName}: A10 output tokens`, per(sum(tokens, (t) => t.output)), 'tokens', outPrice),
    line(`Bedrock ${modelName}: A11–A15 input tokens`, per(sum(agent, (t) => t.input)), 'tokens', inPrice),
    line(`Bedrock ${modelName}: A11–A15 output tokens`, per(sum(agent, (t) => t.output)), 'tokens', outPrice),
    line('SES outbound mail (alerts, reports)', per(phase.emails), 'emails', P.sesEmail),
    line('Amazon Transcribe', per(phase.transcribeSeconds / 60), 'minutes', P.transcribeMinute),
  ];
  return lines.filter((l) => l.perRecord > 0);
}
