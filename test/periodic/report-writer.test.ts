import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createBedrockReportWriter } from '../../functions/adapters/bedrock/bedrock-report-writer.js';
import { createBedrockRuntimeClient } from '../../functions/adapters/bedrock/bedrock-client.js';
import type { A15Input, A15Narrative, A15Report } from '../../functions/core/agents/a15-report.js';
import { requestReport } from '../../functions/core/periodic/start-periodic-run.js';
import { startTestHub } from '../support/test-hub.js';
import { MODEL_ID, bedrock, sentRequest, toolAnswer } from '../agents/bedrock-agents-kit.js';
import { seedCustomer, TENANT } from './periodic-kit.js';

/** A model's narrative without figures: whatever the period held, the guard keeps it as written. */
const NARRATIVE: A15Narrative = {
  summary: '本月沟通以常规咨询为主，整体情绪平稳。',
  highlights: ['杭州华诚的沟通保持稳定。'],
  action_plan: { immediate: ['本周回复杭州华诚的询价。'], short_term: ['梳理本月的投诉。'], long_term: ['规划下季度的客户拜访。'] },
};

describe('periodic run: the report step writes through its ReportWriter', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    bedrock.reset();
    bedrock.on(ConverseCommand).resolves(toolAnswer('record_report_narrative', NARRATIVE));
    const reportWriter = createBedrockReportWriter({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID });
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 }, { workflowOverrides: { reportWriter } });
    await seedCustomer(hub, { customerId: 'C401', name: '杭州华诚' }, { asOf: new Date(), monthlyCounts: [8, 8, 8, 8], seed: 41 });
  }, 60_000);
  afterAll(() => hub.close());

  it('sends the computed facts to the model and stores its words with the model id as generated_by', async () => {
    // Act
    const report = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'monthly', trigger: 'api' });
    await hub.workflows.engine.idle();

    // Assess
    expect((await hub.deps.reports.getReport(TENANT, report.reportId))?.status).toBe('ready');
    const document = JSON.parse((await hub.deps.blobs.getText(`reports/${TENANT}/${report.reportId}/report.json`))!) as A15Report;
    expect(document).toMatchObject({ generated_by: MODEL_ID, summary: NARRATIVE.summary, highlights: NARRATIVE.highlights, action_plan: NARRATIVE.action_plan });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
    const user = sentRequest(0).messages?.[0]?.content?.[0]?.text ?? '';
    const facts = JSON.parse(user.slice(user.indexOf('<facts>') + '<facts>'.length, user.indexOf('</facts>'))) as A15Input;
    expect(facts.keyMetrics).toEqual(document.key_metrics);
  }, 120_000);
});
