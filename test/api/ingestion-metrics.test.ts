import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { MetricsFileContent } from '../../embedded/file-metrics.js';
import { createBedrockAnalyzer } from '../../functions/adapters/bedrock/bedrock-analyzer.js';
import { createBedrockRuntimeClient } from '../../functions/adapters/bedrock/bedrock-client.js';
import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { HUB_METRICS } from '../../functions/config/hub-metrics.js';
import type { CommunicationAnalyzer } from '../../functions/core/ports/analyzer.js';
import { INVALID_ANSWER, toolAnswer } from '../adapters/bedrock/bedrock-kit.js';
import { callApi, startTestHub, tempDataDir, tokenFor } from '../support/test-hub.js';
import { demoTenantsWith, postCommunication, putCustomerWithOwner, settledRecord } from '../workflow/workflow-kit.js';

const TELEPHONY_SECRET = 'demo-telephony-secret-change-me';
const bedrock = mockClient(BedrockRuntimeClient);
const now = () => Math.floor(Date.now() / 1000);

/** The Bedrock analyzer (its client mocked), except that a text asking for it fails outright. */
function analyzerFailingOn(marker: string): CommunicationAnalyzer {
  const model = createBedrockAnalyzer({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: 'amazon.nova-micro-v1:0', fallback: createLocalAnalyzer() });
  return { analyze: (input) => (input.text.includes(marker) ? Promise.reject(new Error('model endpoint unreachable')) : model.analyze(input)) };
}

describe('metrics counted by the real handlers in embedded mode', () => {
  let hub: RunningHub;
  let dataDir: string;
  const { recordsIngested, duplicatesIgnored, signaturesRejected, payloadsRejected, modelFallbacks, modelInputTokens, modelOutputTokens, analysisFailed } = HUB_METRICS;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    hub = await startTestHub(
      { dataDir, workflowRetryIntervalMs: 0, tenantsFile: await demoTenantsWith({ modelPolicy: 'always' }) },
      { workflowOverrides: { analyzer: analyzerFailingOn('FAIL-THE-MODEL'), analyzerUsesModel: true } },
    );
    await putCustomerWithOwner(hub);
  });
  let closed = false;
  afterAll(() => (closed ? undefined : hub?.close()));

  it('counts an API record once as ingested and its redelivery as a duplicate, per channel', async () => {
    // Prepare
    const token = tokenFor(hub, 'T001');
    const body = { sourceSystem: 'crm', sourceRecordId: 'metrics-1', type: 'form', occurredAt: '2024-06-17T10:00:00+08:00', customer: { id: 'C001' }, content: '表单：询价' };

    // Act
    const first = await callApi(hub, 'POST', '/v1/communications', { token, body });
    const again = await callApi(hub, 'POST', '/v1/communications', { token, body });
    const batch = await callApi(hub, 'POST', '/v1/communications/batch', { token, body: { items: [{ ...body, sourceRecordId: 'metrics-2' }, { type: 'fax' }] } });

    // Assess
    expect([first.status, again.status, batch.status]).toEqual([201, 200, 200]);
    expect(hub.metrics.total(recordsIngested, { channel: 'api' })).toBe(1);
    expect(hub.metrics.total(duplicatesIgnored, { channel: 'api' })).toBe(1);
    expect(hub.metrics.total(recordsIngested, { channel: 'api-batch' })).toBe(1);
    expect(hub.metrics.total(payloadsRejected, { channel: 'api-batch' })).toBe(1);
  });

  it('counts malformed bodies and rejected signatures, and nothing as ingested for them', async () => {
    // Prepare
    const before = hub.metrics.total(recordsIngested);
    const cdr = Buffer.from(JSON.stringify({ callId: 'metrics-call', caller: '13958200001', callee: '4008108888', direction: 'inbound', startedAt: '2024-06-17T10:00:00+08:00', durationSeconds: 60, transcript: '你好' }));
    const telephony = (signature: string, rawBody = cdr) =>
      callApi(hub, 'POST', '/v1/webhooks/T001/telephony', { rawBody, headers: { 'content-type': 'application/json', 'x-commhub-signature': signature } });
    const signed = signCommHub(TELEPHONY_SECRET, cdr, now());

    // Act
    const malformed = await callApi(hub, 'POST', '/v1/communications', { token: tokenFor(hub, 'T001'), rawBody: '{"type": "form",', headers: { 'content-type': 'application/json' } });
    const forged = await telephony(signCommHub('not-the-secret', cdr, now()));
    const accepted = await telephony(signed);
    const replayed = await telephony(signed);
    const notJson = Buffer.from('not json at all');
    const badPayload = await telephony(signCommHub(TELEPHONY_SECRET, notJson, now()), notJson);

    // Assess
    expect([malformed.status, forged.status, accepted.status, replayed.status, badPayload.status]).toEqual([400, 401, 200, 401, 400]);
    expect(hub.metrics.total(payloadsRejected, { channel: 'api' })).toBe(1);
    expect(hub.metrics.total(signaturesRejected, { channel: 'telephony' })).toBe(2);
    expect(hub.metrics.total(payloadsRejected, { channel: 'telephony' })).toBe(1);
    expect(hub.metrics.total(recordsIngested) - before).toBe(1);
    expect(hub.metrics.total(recordsIngested, { channel: 'telephony' })).toBe(1);
  });

  it('counts an A10 fallback to the local rules with the tokens the model spent, and a failed analysis', async () => {
    // Prepare: the model answers invalidly twice (usage 10/20 per call), so the local rules answer
    bedrock.reset();
    bedrock.on(ConverseCommand).resolves(toolAnswer(INVALID_ANSWER));

    // Act
    const fellBack = await settledRecord(hub, await postCommunication(hub, { content: '你们上批货的颜色和样品差别很大，我们客户已经退货了！' }));
    const failed = await settledRecord(hub, await postCommunication(hub, { content: 'FAIL-THE-MODEL 请确认一下这批订单的交期和数量' }));

    // Assess
    expect(fellBack.analysis).toMatchObject({ status: 'completed', model: 'local-fallback', modelCalls: 2 });
    expect(failed.analysis.status).toBe('failed');
    expect(hub.metrics.total(modelFallbacks, { agent: 'A10' })).toBe(1);
    expect(hub.metrics.total(modelInputTokens, { agent: 'A10' })).toBe(20);
    expect(hub.metrics.total(modelOutputTokens, { agent: 'A10' })).toBe(40);
    expect(hub.metrics.total(analysisFailed)).toBe(1);
  });

  it('writes the counts to metrics.json in the data dir on shutdown', async () => {
    // Act
    closed = true;
    await hub.close();
    const content = JSON.parse(await readFile(join(dataDir, 'metrics.json'), 'utf8')) as MetricsFileContent;

    // Assess
    expect(content).toMatchObject({ namespace: 'CommHub', service: 'commhub' });
    expect(content.counts).toEqual(expect.arrayContaining([
      { name: 'RecordsIngested', dimensions: { channel: 'api' }, value: 3 },
      { name: 'SignaturesRejected', dimensions: { channel: 'telephony' }, value: 2 },
      { name: 'ModelFallbacks', dimensions: { agent: 'A10' }, value: 1 },
      { name: 'AnalysisFailed', dimensions: {}, value: 1 },
    ]));
  });
});
