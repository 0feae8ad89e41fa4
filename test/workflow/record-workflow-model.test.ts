import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createBedrockAnalyzer } from '../../functions/adapters/bedrock/bedrock-analyzer.js';
import { createBedrockRuntimeClient } from '../../functions/adapters/bedrock/bedrock-client.js';
import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import { startTestHub } from '../support/test-hub.js';
import { INVALID_ANSWER, VALID_ANSWER, toolAnswer } from '../adapters/bedrock/bedrock-kit.js';
import { demoTenantsWith, postCommunication, putCustomerWithOwner, settledRecord } from './workflow-kit.js';

const MODEL_ID = 'amazon.nova-micro-v1:0';
const bedrock = mockClient(BedrockRuntimeClient);
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
const sentTexts = () =>
  bedrock.commandCalls(ConverseCommand).map((call) => JSON.stringify(call.args[0].input.messages));

describe('record workflow with the Bedrock analyzer (SDK mocked at the boundary, real ASL and local servers)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub(
      // Every record with text goes to the model here; the tiered default is tested below.
      { workflowRetryIntervalMs: 0, tenantsFile: await demoTenantsWith({ modelPolicy: 'always' }) },
      {
        workflowOverrides: {
          analyzer: createBedrockAnalyzer({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID, fallback: createLocalAnalyzer() }),
          analyzerUsesModel: true,
        },
      },
    );
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub.close());
  beforeEach(() => bedrock.reset());

  it('repairs an invalid answer once, and sends the model only redacted text (what it sent is kept)', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(INVALID_ANSWER)).resolves(toolAnswer(VALID_ANSWER));

    // Act
    const recordId = await postCommunication(hub, { content: '请报PCR-ABS-1000 50吨含税价，联系我 13800138000 或 buyer@aux-ningbo.com，身份证11010519491231002X。' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: MODEL_ID, modelCalls: 2, intent: { category: 'inquiry' } });
    expect(record.analysis.modelInput?.redactions).toEqual({ MOBILE: 1, EMAIL: 1, ID_CARD: 1 });
    const sent = sentTexts().join('\n');
    expect(sent).toContain('[MOBILE_1]');
    expect(sent).not.toMatch(/13800138000|buyer@aux-ningbo\.com|11010519491231002X/);
    const kept = await hub.deps.blobs.getText(record.analysis.modelInput!.blobKey!);
    expect(kept).toContain('[EMAIL_1]');
    expect(kept).not.toContain('13800138000');
    expect(record.content).toContain('13800138000'); // stored content is kept as-is (no tenant opt-in)
  });

  it('falls back to the local analyzer after two invalid answers and says so', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(INVALID_ANSWER));

    // Act
    const recordId = await postCommunication(hub, { content: '你们上批货的颜色和样品差别很大，我们客户已经退货了，这个问题必须今天给个说法！' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: 'local-fallback', modelCalls: 2, intent: { category: 'complaint' } });
    expect(record.analysis.fallbackReason).toMatch(/invalid|intent|quality_score/i);
  });

  it('retries the step with backoff when the model is throttled, then succeeds', async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejectsOnce(throttled()).resolves(toolAnswer(VALID_ANSWER));

    // Act
    const recordId = await postCommunication(hub, { content: '您好，想确认一下PCR-ABS-1000的交期和最小起订量，谢谢。' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: MODEL_ID });
    // Nothing was masked: what was sent is the stored text, kept as a digest rather than a copy.
    expect(record.analysis.modelInput).toMatchObject({ redactions: {}, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(record.analysis.modelInput?.blobKey).toBeUndefined();
    const execution = hub.workflows.engine.history.find((e) => e.input.recordId === recordId)!;
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.stepInvocations).toBeGreaterThanOrEqual(2);
  });

  it('does not pay for a model call on a short acknowledgment', async () => {
    // Act
    const recordId = await postCommunication(hub, { content: '收到，谢谢！' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: 'local' });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });
});

describe('the tiered model policy (the default)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub(
      { workflowRetryIntervalMs: 0 },
      {
        workflowOverrides: {
          analyzer: createBedrockAnalyzer({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID, fallback: createLocalAnalyzer() }),
          analyzerUsesModel: true,
        },
      },
    );
  });
  afterAll(() => hub.close());
  beforeEach(() => bedrock.reset());

  it('settles a short message the rules are sure of without a model call, and says why', async () => {
    // Act
    const recordId = await postCommunication(hub, { content: '发票抬头写错了，请重新开具增值税专用发票。' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: 'local', intent: { category: 'payment' } });
    expect(record.analysis.modelSkipped).toMatch(/tiered policy: local rules confident/);
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });

  it('asks the model about a long message', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(VALID_ANSWER));
    const long = '张经理您好，关于下个月的采购计划想和您详细沟通一下。'.repeat(12);

    // Act
    const recordId = await postCommunication(hub, { content: long });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: MODEL_ID });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });
});
