// Drives the cost bench's mix through one embedded hub, phase by phase, through the hub's real
// ingestion: chat over the signed WeCom webhook, email over the SMTP listener (as SES receiving
// would deliver it), web chat / forms over POST /v1/communications, calls with a provider transcript
// over the signed telephony webhook, recordings over POST /v1/uploads + a presigned PUT, then the
// periodic runs (daily, weekly, monthly report, risk check) over seeded customers. Every SDK
// request is metered (bench/cost-meter.ts); the ports that have no SDK client in embedded mode
// (workflow engine, event bus, mailer, model) are counted at the port.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import nodemailer from 'nodemailer';
import { startHub, type RunningHub } from '../embedded/hub.js';
import { signToken } from '../embedded/jwt.js';
import type { ExecutionRecord } from '../embedded/workflows/local-workflow-engine.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { createLocalCustomerAgents } from '../functions/analysis/agents/local-customer-agents.js';
import { createLocalReportWriter } from '../functions/analysis/agents/local-report-writer.js';
import { encryptWeComMessage, signWeComPayload } from '../functions/channels/wecom/wecom-crypto.js';
import { signCommHub } from '../functions/channels/signing/commhub-signature.js';
import type { A10Input } from '../functions/core/agents/a10-communication-analysis.js';
import type { A15Input } from '../functions/core/agents/a15-report.js';
import type { CustomerAgentInput } from '../functions/core/agents/customer-agent-input.js';
import { requestReport } from '../functions/core/periodic/start-periodic-run.js';
import type { CustomerAgents } from '../functions/core/ports/customer-agents.js';
import type { HubEvent } from '../functions/core/ports/event-publisher.js';
import type { Mailer } from '../functions/core/ports/mailer.js';
import type { ReportWriter } from '../functions/core/ports/report-writer.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded/local-servers.js';
import { syntheticHistory } from '../test/support/synthetic-history.js';
import { installSdkMeter, type MeteredCall } from './cost-meter.js';
import { inMemorySettings, pool } from './support.js';
import { meteringModel, simulatedTranscriber, tenantsFileWith, TENANT } from './workflow-run.js';

const SHARED = join(import.meta.dirname, '../../shared');
const meter = installSdkMeter();

export type AgentName = 'A11' | 'A12' | 'A13' | 'A14' | 'A15';
export interface AgentCall { readonly agent: AgentName; readonly input: CustomerAgentInput | A15Input; readonly outputJson: string }

/** What one phase made, all counted while it ran. */
export interface Phase {
  readonly name: string;
  /** Communications (or, for periodic phases, runs) the phase drove. */
  readonly items: number;
  readonly calls: readonly MeteredCall[];
  readonly executions: readonly ExecutionRecord[];
  readonly modelCalls: readonly { input: A10Input; outputJson: string }[];
  readonly agentCalls: readonly AgentCall[];
  /** HTTP requests to the API, by route kind (each is one API Gateway request and one Lambda invocation). */
  readonly httpRequests: number;
  /** Mail delivered to the inbound SMTP listener (SES receiving + one inbound Lambda invocation each). */
  readonly inboundMails: number;
  /** Presigned PUTs the client made straight to S3 (no SDK call on our side, billed as a PUT). */
  readonly presignedPuts: number;
  readonly events: number;
  readonly emails: number;
  readonly transcribeSeconds: number;
  /** Transcription callbacks (Transcribe's job-state event → callback Lambda). */
  readonly callbacks: number;
  /** Periodic runs: customers the run's distributed Map visits (one Express child execution each). */
  readonly mapItems: number;
}

/** Counts what is published and mailed (in embedded mode these ports have no SDK client). */
function countingPorts() {
  const counts = { events: 0, emails: 0 };
  const events = { publish: async (list: readonly HubEvent[]) => void (counts.events += list.length) };
  const mailer: Mailer = { send: async () => void counts.emails++ } as unknown as Mailer;
  return { counts, events, mailer };
}

/** The local agents and report writer, recording each call's input so its prompt can be sized. */
function meteringAgents(sink: AgentCall[]): { agents: CustomerAgents; reportWriter: ReportWriter } {
  const local = createLocalCustomerAgents();
  const writer = createLocalReportWriter();
  const wrap = <K extends keyof CustomerAgents>(name: K, agent: AgentName) => async (input: CustomerAgentInput) => {
    const result = await (local[name] as (i: CustomerAgentInput) => Promise<{ output: unknown }>)(input);
    sink.push({ agent, input, outputJson: JSON.stringify(result.output) });
    return { ...result, model: 'metered-model', modelCalls: 1 };
  };
  return {
    agents: { insight: wrap('insight', 'A11'), opportunities: wrap('opportunities', 'A12'), marketing: wrap('marketing', 'A13'), risks: wrap('risks', 'A14') } as CustomerAgents,
    reportWriter: {
      async write(input) {
        const result = await writer.write(input);
        sink.push({ agent: 'A15', input, outputJson: JSON.stringify(result.narrative) });
        return { ...result, model: 'metered-model', modelCalls: 1 };
      },
    },
  };
}

/**
 * When the periodic runs happen: a fixed instant, so the figures do not move with the day the bench
 * runs (which days a daily, weekly and monthly period holds depends on the calendar). 09:00 in
 * Asia/Shanghai on Monday 1 June 2026, when the daily, weekly and monthly schedules all fire.
 */
export const PERIODIC_AS_OF = '2026-06-01T01:00:00.000Z';

export interface MixOptions {
  readonly policy: 'tiered' | 'always';
  readonly texts: readonly string[];
  readonly textCount: number;
  readonly callCount: number;
  readonly audioCount: number;
  /** Customers seeded for the periodic phases (0: skip them). */
  readonly periodicCustomers: number;
  /** How many communications a steady seeded customer has a month ({@link seededMonthlyCounts}). */
  readonly commsPerCustomerMonth: number;
  readonly scratch: string;
}

/** A provider transcript of a ~5-minute call: business turns from the dev set, answered by the agent. */
function callTurns(texts: readonly string[], n: number) {
  const answers = ['好的，我马上确认。', '明白，我们今天内回复您。', '没问题，我把报价单发您邮箱。', '好的，我跟仓库核实一下交期。'];
  return Array.from({ length: 12 }, (_, i) => [
    { speaker: 'customer', text: texts[(n * 12 + i) % texts.length]! },
    { speaker: 'agent', text: answers[i % answers.length]! },
  ]).flat();
}

export async function runMix(options: MixOptions): Promise<Phase[]> {
  const modelCalls: { input: A10Input; outputJson: string }[] = [];
  const agentCalls: AgentCall[] = [];
  const hubRef: { hub?: RunningHub } = {};
  const transcript = await readFile(join(SHARED, 'fixtures/transcribe/transcribe-batch-speaker-labels.docs.json'), 'utf8');
  const ports = countingPorts();
  const { agents, reportWriter } = meteringAgents(agentCalls);
  const settings = { ...inMemorySettings(), workflows: true, schedules: false, tenantsFile: await tenantsFileWith(options.policy, options.scratch) };
  let callbacks = 0;
  const transcriber = simulatedTranscriber(hubRef, transcript);
  const hub = await startHub(settings, {
    workflowOverrides: {
      analyzer: meteringModel(modelCalls), analyzerUsesModel: true, events: ports.events, mailer: ports.mailer, agents, reportWriter,
      transcriber: { ...transcriber, startJob: async (request) => { callbacks++; return transcriber.startJob(request); } },
    },
  });
  hubRef.hub = hub;
  const documents = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
  const lookup = async (PK: string, SK: string) => (await documents.send(new GetCommand({ TableName: settings.tableName, Key: { PK, SK } }))).Item;
  const tenant = (await hub.deps.tenants.getTenant(TENANT))!;
  const { wecom, telephony } = tenant.webhooks ?? {};
  if (!wecom || !telephony) throw new Error(`tenant ${TENANT} lacks the wecom or telephony webhook setting`);
  const token = signToken({ sub: 'bench', 'custom:tenant_id': TENANT, scope: 'commhub/ingest commhub/read commhub/admin' }, settings.jwtSecret);
  const api = (path: string, method: string, body: unknown) =>
    fetch(`${hub.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const mail = nodemailer.createTransport({ host: '127.0.0.1', port: hub.smtpPort, secure: false, ignoreTLS: true });
  const phases: Phase[] = [];
  const outboxCount = async () => (await readdir(hub.outboxDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).length;
  let http = 0;
  let mails = 0;
  let presigned = 0;
  let transcribeSeconds = 0;

  /** Runs one phase and waits until every workflow it started has ended. */
  const phase = async (name: string, items: number, expectedExecutions: number, drive: () => Promise<void>, mapItems = 0) => {
    const at = { calls: meter.calls.length, executions: hub.workflows.engine.history.length, model: modelCalls.length, agents: agentCalls.length, events: ports.counts.events, emails: ports.counts.emails, callbacks };
    const before = { http, mails, presigned, transcribeSeconds, reportMails: await outboxCount() };
    await drive();
    let waited = 0;
    for (;;) {
      await hub.workflows.engine.idle();
      const started = hub.workflows.engine.history.slice(at.executions);
      if (started.length >= expectedExecutions && started.every((e) => e.status !== 'RUNNING')) break;
      if ((waited += 50) > 60_000) throw new Error(`${name}: ${started.length} of ${expectedExecutions} workflows started, ${started.filter((e) => e.status === 'RUNNING').length} running after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await meter.sizeUpdates(at.calls, lookup);
    phases.push({
      name, items,
      calls: meter.calls.slice(at.calls),
      executions: hub.workflows.engine.history.slice(at.executions),
      modelCalls: modelCalls.slice(at.model),
      agentCalls: agentCalls.slice(at.agents),
      httpRequests: http - before.http,
      inboundMails: mails - before.mails,
      presignedPuts: presigned - before.presigned,
      events: ports.counts.events - at.events,
      // Alerts go through the mailer port; reports through the outbox (one .eml per mail).
      emails: ports.counts.emails - at.emails + (await outboxCount()) - before.reportMails,
      transcribeSeconds: transcribeSeconds - before.transcribeSeconds,
      callbacks: callbacks - at.callbacks,
      mapItems,
    });
  };

  try {
    // The customer's owner is who its tasks are assigned to and whom its alerts are mailed to.
    const saved = await api('/v1/customers/C001', 'PUT', { name: '宁波奥克斯', domains: ['aux-ningbo.com'], owner: 'li.wei@demo-materials.cn' });
    if (!saved.ok) throw new Error(`PUT /v1/customers/C001 → ${saved.status} ${await saved.text()}`);
    const texts = options.texts;
    await phase('text', options.textCount, options.textCount, () => pool(options.textCount, 8, async (i) => {
      const content = texts[i % texts.length]!;
      if (i % 3 === 0) {
        // WeCom customer-service message: encrypted and signed as WeCom sends it.
        const now = Math.floor(Date.now() / 1000);
        const xml = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><FromUserName><![CDATA[wmCost${i % 40}]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${7_390_000_000_000_000 + i}</MsgId><AgentID>1</AgentID></xml>`;
        const encrypt = encryptWeComMessage({ encodingAesKey: wecom.encodingAesKey, receiveId: wecom.corpId }, xml);
        const signed = { timestamp: String(now), nonce: `c${i}`, encrypt };
        const query = new URLSearchParams({ msg_signature: signWeComPayload(wecom.token, signed), timestamp: signed.timestamp, nonce: signed.nonce });
        const body = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
        const response = await fetch(`${hub.url}/v1/webhooks/${TENANT}/wecom?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
        http++;
        if (response.status >= 300) throw new Error(`wecom webhook → ${response.status} ${await response.text()}`);
      } else if (i % 3 === 1) {
        await mail.sendMail({ from: '李工 <li.gong@aux-ningbo.com>', to: 'inbox@t001.commhub.local', subject: content.slice(0, 30), text: content, messageId: `<cost-${i}@aux-ningbo.com>` });
        mails++;
      } else {
        const response = await api('/v1/communications', 'POST', { sourceSystem: 'bench', sourceRecordId: `text-${i}`, type: i % 2 ? 'webchat' : 'form', occurredAt: '2024-06-17T10:00:00+08:00', customer: { id: 'C001' }, content });
        http++;
        if (response.status !== 201) throw new Error(`POST → ${response.status} ${await response.text()}`);
      }
    }));
    await phase('call', options.callCount, options.callCount, () => pool(options.callCount, 4, async (n) => {
      const ended = Date.now() - 60_000;
      const body = JSON.stringify({ callId: `cost-call-${n}`, caller: `1380013${String(n).padStart(4, '0')}`, callee: '400-810-8888', direction: 'inbound', startedAt: new Date(ended - 300_000).toISOString(), endedAt: new Date(ended).toISOString(), agent: { id: 'A-007', name: '李客服' }, transcript: callTurns(texts, n) });
      const response = await fetch(`${hub.url}/v1/webhooks/${TENANT}/telephony`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-commhub-signature': signCommHub(telephony.secret, Buffer.from(body), Math.floor(Date.now() / 1000)) }, body });
      http++;
      if (response.status >= 300) throw new Error(`telephony webhook → ${response.status} ${await response.text()}`);
    }));
    await phase('audio', options.audioCount, options.audioCount * 2, async () => {
      for (let i = 0; i < options.audioCount; i++) {
        const upload = await api('/v1/uploads', 'POST', { fileName: `call-${i}.wav`, contentType: 'audio/wav', purpose: 'recording' });
        http++;
        const { uploadUrl, storageKey } = (await upload.json()) as { uploadUrl: string; storageKey: string };
        await fetch(uploadUrl, { method: 'PUT', body: Buffer.alloc(1024), headers: { 'content-type': 'audio/wav' } });
        presigned++;
        const response = await api('/v1/communications', 'POST', { sourceSystem: 'bench', sourceRecordId: `audio-${i}`, type: 'mobile', occurredAt: '2024-06-17T11:00:00+08:00', customer: { id: 'C001' }, durationSeconds: 300, recording: { storageKey, durationSeconds: 300, format: 'wav' } });
        http++;
        if (response.status !== 201) throw new Error(`POST → ${response.status} ${await response.text()}`);
        transcribeSeconds += 300;
      }
    });
    if (options.periodicCustomers > 0) {
      const asOf = new Date(PERIODIC_AS_OF);
      await meter.unmetered(() => seedCustomers(hub, options.periodicCustomers, options.commsPerCustomerMonth, asOf));
      const customers = await meter.unmetered(() => hub.deps.customers.listCustomerIds(TENANT));
      const highPriority = await meter.unmetered(() => hub.deps.customers.listCustomerIds(TENANT, { priority: 'high' }));
      for (const type of ['daily', 'weekly', 'monthly'] as const) {
        await phase(`report-${type}`, 1, 1, async () => void (await requestReport(hub.workflows.deps, { tenantId: TENANT, type, trigger: 'schedule', asOf })), customers.length);
      }
      // The reports' A14 read every record so far: the check assesses only news since. A new message
      // for each high-priority customer a minute after the reports, then the next check, five minutes on.
      const news = new Date(asOf.getTime() + 60_000);
      await meter.unmetered(() => addNews(hub, highPriority, news));
      const check = new Date(asOf.getTime() + 5 * 60_000).toISOString();
      await phase('risk-check', 1, 1, async () => void (await hub.workflows.deps.periodicRuns.startRun({ tenantId: TENANT, runId: 'RISK-COST', type: 'risk-check', reportId: null, customerId: null, asOf: check })), highPriority.length);
    }
    return phases;
  } finally {
    mail.close();
    await hub.close();
  }
}

/** One new, analysed message for each of `customerIds` at `at` (straight to the store, like the seeded history). */
async function addNews(hub: RunningHub, customerIds: readonly string[], at: Date): Promise<void> {
  for (const [i, customerId] of customerIds.entries()) {
    const [message] = syntheticHistory({ tenantId: TENANT, customerId, asOf: at, monthlyCounts: [1], seed: 1000 + i });
    await (Object.getPrototypeOf(hub.deps) as typeof hub.deps).records.insertRecord({ ...message!, occurredAt: at.toISOString() });
  }
}

/**
 * The seeded history of periodic customer `i`: four 30-day windows up to the run, oldest first, at
 * `perMonth` communications a month — every fifth customer falling off (busier before, almost silent in
 * the last window), as bench/periodic seeds them. The cost model amortises the periodic runs over the
 * same activity ({@link seededCommsPerCustomerMonth}), so the runs see the customers it prices.
 */
export function seededMonthlyCounts(i: number, perMonth: number): number[] {
  if (i % 5 !== 0) return [perMonth, perMonth, perMonth, perMonth];
  const before = Math.round(perMonth * 1.28);
  return [before, before, before, Math.max(1, Math.round(perMonth * 0.16))];
}

/** Mean communications per seeded customer in the last 30 days before the runs. */
export function seededCommsPerCustomerMonth(customers: number, perMonth: number): number {
  const lastWindow = Array.from({ length: customers }, (_, i) => seededMonthlyCounts(i, perMonth).at(-1)!);
  return lastWindow.reduce((a, b) => a + b, 0) / Math.max(1, customers);
}

/** Customers with {@link seededMonthlyCounts} records (every tenth high priority). */
async function seedCustomers(hub: RunningHub, customers: number, perMonth: number, asOf: Date): Promise<void> {
  await pool(customers, 8, async (i) => {
    const customerId = `P${String(i).padStart(5, '0')}`;
    const now = asOf.toISOString();
    await hub.deps.customers.putCustomer({ tenantId: TENANT, customerId, name: `客户${i}`, domains: [], emails: [], phones: [], wecomUserIds: [], priority: i % 10 === 0 ? 'high' : 'normal', tags: [], createdAt: now, updatedAt: now, version: 0 });
    const history = syntheticHistory({ tenantId: TENANT, customerId, asOf, monthlyCounts: seededMonthlyCounts(i, perMonth), competitorMentions: i % 5 === 0 ? 2 : 0, seed: i + 1 });
    // Straight to the store, without the insert feed: seeding is history, not new traffic.
    for (const record of history) await (Object.getPrototypeOf(hub.deps) as typeof hub.deps).records.insertRecord(record);
  });
}
