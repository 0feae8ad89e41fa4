import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startHub, type RunningHub } from '../embedded/hub.js';
import { DEMO_TENANTS_FILE } from '../embedded/hub-settings.js';
import { signToken } from '../embedded/jwt.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded/local-servers.js';
import type { ExecutionRecord } from '../embedded/workflows/local-workflow-engine.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { keys } from '../functions/adapters/dynamodb/keys.js';
import { createS3Client } from '../functions/adapters/s3/s3-client.js';
import { identityHashOf } from '../functions/core/model/record-id.js';
import { createLocalAnalyzer } from '../functions/analysis/local/local-analyzer.js';
import type { A10Input } from '../functions/core/agents/a10-communication-analysis.js';
import type { CommunicationRecord } from '../functions/core/model/communication-record.js';
import type { CommunicationAnalyzer } from '../functions/core/ports/analyzer.js';
import type { Transcriber } from '../functions/core/ports/transcriber.js';
import { resumeTranscription } from '../functions/core/workflow/transcription-steps.js';
import { inMemorySettings, percentile, pool } from './support.js';

export const TENANT = 'T001';
const SHARED = join(import.meta.dirname, '../../shared');

/** What one run measured, per record kind. */
export interface WorkflowRun {
  readonly text: readonly MeasuredRecord[];
  readonly audio: readonly MeasuredRecord[];
  /** Model inputs the analysis step sent (the metering analyzer saw them). */
  readonly modelInputs: readonly { input: A10Input; outputJson: string }[];
  readonly ingestLatencyP50Ms: number;
}

export interface MeasuredRecord {
  readonly record: CommunicationRecord;
  readonly executions: readonly ExecutionRecord[];
  /** The record's item as stored — key and index attributes included — for sizing its writes. */
  readonly recordItem: Record<string, unknown>;
  /** The items of the tasks its follow-ups became, as stored. */
  readonly taskItems: readonly Record<string, unknown>[];
}

/** The labelled dev set's texts: real-looking B2B messages in Chinese and English. */
export async function devSetTexts(): Promise<string[]> {
  const lines = (await readFile(join(SHARED, 'analysis/dev-set.jsonl'), 'utf8')).split('\n').filter(Boolean);
  return lines.map((line) => (JSON.parse(line) as { text: string }).text);
}

/**
 * A stand-in for the model that answers with the local rules but counts as a model call — so the
 * run goes through the same path (redaction, gating, what is kept) as on AWS, and what would have
 * been sent is metered. It answers as the Bedrock adapter does: the tool's output, without the
 * rules' explanation (which a model answer does not have, so the stored record is the same size).
 */
export function meteringModel(sink: { input: A10Input; outputJson: string }[]): CommunicationAnalyzer {
  const local = createLocalAnalyzer();
  return {
    async analyze(input) {
      const { explanation: _rules, ...result } = await local.analyze(input);
      sink.push({ input, outputJson: JSON.stringify(result.output) });
      return { ...result, model: 'metered-model', modelCalls: 1 };
    },
  };
}

/** A speech engine stand-in: "transcribes" every job into the Transcribe docs sample and announces the job's end. */
export function simulatedTranscriber(hubRef: { hub?: RunningHub }, output: string): Transcriber {
  const outputs = new Map<string, string>();
  return {
    available: true,
    async startJob(request) {
      outputs.set(request.jobName, request.outputKey);
      setTimeout(() => {
        const hub = hubRef.hub!;
        const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
        void s3
          .send(new PutObjectCommand({ Bucket: hub.settings.blobBucket, Key: request.outputKey, Body: output }))
          .then(() => resumeTranscription(hub.workflows.deps, { jobName: request.jobName, status: 'COMPLETED' }));
      }, 5);
    },
    async getJob(jobName) {
      return { jobName, status: 'COMPLETED', outputKey: outputs.get(jobName), languageCode: 'en-US' };
    },
  };
}

export async function tenantsFileWith(policy: 'tiered' | 'always', dir: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const document = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8')) as { tenants: Record<string, Record<string, unknown>> };
  document.tenants[TENANT] = { ...document.tenants[TENANT], modelPolicy: policy };
  const file = join(dir, `tenants-${policy}.json`);
  await writeFile(file, JSON.stringify(document));
  return file;
}

async function settle(hub: RunningHub, ids: readonly string[]): Promise<CommunicationRecord[]> {
  for (;;) {
    await hub.workflows.engine.idle();
    const records = await Promise.all(ids.map((id) => hub.deps.records.getRecord(TENANT, id)));
    if (records.every((r) => r && r.analysis.status !== 'pending')) return records as CommunicationRecord[];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `textCount` text records and `audioCount` recordings through an embedded hub with the given model policy. */
export async function runWorkflows(options: { policy: 'tiered' | 'always'; texts: readonly string[]; textCount: number; audioCount: number; scratch: string }): Promise<WorkflowRun> {
  const modelInputs: { input: A10Input; outputJson: string }[] = [];
  const hubRef: { hub?: RunningHub } = {};
  const transcript = await readFile(join(SHARED, 'fixtures/transcribe/transcribe-batch-speaker-labels.docs.json'), 'utf8');
  const settings = { ...inMemorySettings(), workflows: true, tenantsFile: await tenantsFileWith(options.policy, options.scratch) };
  const hub = await startHub(settings, {
    workflowOverrides: { analyzer: meteringModel(modelInputs), analyzerUsesModel: true, transcriber: simulatedTranscriber(hubRef, transcript) },
  });
  hubRef.hub = hub;
  try {
    const token = signToken({ sub: 'bench', 'custom:tenant_id': TENANT, scope: 'commhub/ingest commhub/read' }, settings.jwtSecret);
    const post = async (body: unknown) => {
      const response = await fetch(`${hub.url}/v1/communications`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await response.json()) as { recordId: string };
      if (response.status !== 201) throw new Error(`POST → ${response.status} ${JSON.stringify(json)}`);
      return json.recordId;
    };
    // The customer's owner is who its tasks are assigned to and whom its alerts are mailed to.
    const admin = signToken({ sub: 'bench', 'custom:tenant_id': TENANT, scope: 'commhub/admin' }, settings.jwtSecret);
    const saved = await fetch(`${hub.url}/v1/customers/C001`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '宁波奥克斯', domains: ['aux-ningbo.com'], owner: 'li.wei@demo-materials.cn' }),
    });
    if (!saved.ok) throw new Error(`PUT /v1/customers/C001 → ${saved.status} ${await saved.text()}`);
    const texts = options.texts;
    const types = ['wechat', 'email', 'webchat', 'form'] as const;
    const latencies: number[] = [];
    const textIds: string[] = [];
    await pool(options.textCount, 8, async (i) => {
      const started = performance.now();
      textIds.push(
        await post({ sourceSystem: 'bench', sourceRecordId: `text-${i}`, type: types[i % types.length], occurredAt: '2024-06-17T10:00:00+08:00', customer: { id: 'C001' }, content: texts[i % texts.length] }),
      );
      latencies.push(performance.now() - started);
    });
    const audioIds: string[] = [];
    for (let i = 0; i < options.audioCount; i++) {
      const upload = await fetch(`${hub.url}/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fileName: `call-${i}.wav`, contentType: 'audio/wav', purpose: 'recording' }) });
      const { uploadUrl, storageKey } = (await upload.json()) as { uploadUrl: string; storageKey: string };
      await fetch(uploadUrl, { method: 'PUT', body: Buffer.alloc(1024), headers: { 'content-type': 'audio/wav' } });
      audioIds.push(
        await post({ sourceSystem: 'bench', sourceRecordId: `audio-${i}`, type: 'mobile', occurredAt: '2024-06-17T11:00:00+08:00', customer: { id: 'C001' }, durationSeconds: 300, recording: { storageKey, durationSeconds: 300, format: 'wav' } }),
      );
    }
    const documents = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
    const stored = async (key: Record<string, string>) => (await documents.send(new GetCommand({ TableName: settings.tableName, Key: key }))).Item ?? {};
    const measure = async (ids: string[]) => {
      const records = await settle(hub, ids);
      return Promise.all(
        records.map(async (record) => ({
          record,
          executions: hub.workflows.engine.history.filter((e) => e.input.recordId === record.recordId),
          recordItem: await stored(keys.record(TENANT, identityHashOf(record.recordId)!)),
          taskItems: await Promise.all(record.analysis.followUps.map((f) => stored(keys.task(TENANT, f.taskId!)))),
        })),
      );
    };
    return { text: await measure(textIds), audio: await measure(audioIds), modelInputs, ingestLatencyP50Ms: percentile(latencies, 0.5) };
  } finally {
    await hub.close();
  }
}
