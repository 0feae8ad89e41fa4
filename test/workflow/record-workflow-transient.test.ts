import { ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import type { A10Input } from '../../functions/core/agents/a10-communication-analysis.js';
import type { CommunicationAnalyzer } from '../../functions/core/ports/analyzer.js';
import { startTestHub } from '../support/test-hub.js';
import { demoTenantsWith, postCommunication, putCustomerWithOwner, settledRecord } from './workflow-kit.js';

/** The failures a step sees while a store is throttled or failing over, as the AWS SDK and Node raise them. */
const TRANSIENT = [
  () => new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata: { httpStatusCode: 400 } }),
  () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  () => new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: { httpStatusCode: 400 } }),
];

/** An analysis step whose dependency fails transiently for the first `failures[text]` attempts of each text. */
function flakyAnalyzer(): CommunicationAnalyzer & { failures: Map<string, number>; attempts: Map<string, number> } {
  const local = createLocalAnalyzer();
  return {
    failures: new Map(),
    attempts: new Map(),
    analyze(input: A10Input) {
      const attempt = (this.attempts.get(input.text) ?? 0) + 1;
      this.attempts.set(input.text, attempt);
      if (attempt <= (this.failures.get(input.text) ?? 0)) return Promise.reject(TRANSIENT[(attempt - 1) % TRANSIENT.length]!());
      return local.analyze(input);
    },
  };
}

describe('record workflow: a dependency briefly unavailable delays the analysis instead of failing it', () => {
  let hub: RunningHub;
  const analyzer = flakyAnalyzer();
  beforeAll(async () => {
    const tenantsFile = await demoTenantsWith({ modelPolicy: 'always' });
    hub = await startTestHub({ workflowRetryIntervalMs: 0, tenantsFile }, { workflowOverrides: { analyzer, analyzerUsesModel: true } });
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub.close());

  it('retries throttling and a dropped connection as DependencyUnavailable and completes the analysis', async () => {
    // Prepare
    const content = '你们上批货的颜色和样品差别很大，客户已经退货了，今天必须给个说法！';
    analyzer.failures.set(content, 3);

    // Act
    const recordId = await postCommunication(hub, { content, occurredAt: '2024-06-19T09:00:00+08:00' });
    const record = await settledRecord(hub, recordId);

    // Assess: completed on the fourth attempt, in one execution that succeeded
    expect(record.analysis).toMatchObject({ status: 'completed', intent: { category: 'complaint' } });
    expect(analyzer.attempts.get(content)).toBe(4);
    const executions = hub.workflows.engine.history.filter((e) => e.input.recordId === recordId);
    expect(executions.map((e) => e.status)).toEqual(['SUCCEEDED']);
  });

  it('marks the analysis failed, naming the dependency, once the retries are spent', async () => {
    // Prepare: unavailable for longer than the retrier's six attempts
    const content = '请问PCR-PC 3000的熔融指数是多少？能不能提供一下UL认证和物性表？';
    analyzer.failures.set(content, 100);

    // Act
    const recordId = await postCommunication(hub, { content, occurredAt: '2024-06-19T10:00:00+08:00' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis.status).toBe('failed');
    expect(record.analysis.failureReason).toMatch(/^DependencyUnavailable: a dependency was unavailable \((ProvisionedThroughputExceededException|Error|ThrottlingException)\)$/);
    expect(analyzer.attempts.get(content)).toBe(7);
    expect(record.content).toBe(content);
  });
});
