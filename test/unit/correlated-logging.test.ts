import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from '../../functions/core/zod.js';
import { lambdaMetrics } from '../../functions/adapters/cloudwatch/emf-metrics.js';
import { HUB_METRICS } from '../../functions/config/hub-metrics.js';
import { logger } from '../../functions/http/logger.js';
import { correlate, withCorrelation } from '../../functions/observability/correlation.js';
import { correlatedStep, stepCorrelation } from '../../functions/observability/step-correlation.js';
import { observedInvocation } from '../../functions/wiring/lambda-invocation.js';

/** Every JSON line written to stdout and stderr (Powertools writes logs and EMF there; warnings and errors to stderr). */
function captureOutput() {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  }
  return { text: () => lines.join('\n'), json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lambdaContext = (awsRequestId: string) =>
  ({
    awsRequestId,
    functionName: 'commhub-AnalyzeRecord',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:f',
    memoryLimitInMB: '512',
    functionVersion: '$LATEST',
  }) as unknown as Context;

describe('correlated log lines', () => {
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => {
    vi.restoreAllMocks();
    logger.setLogLevel('SILENT');
  });

  it('tags each line with the ids of its own call, however many calls interleave in one process', async () => {
    // Prepare
    const stdout = captureOutput();
    const call = (tenantId: string, delay: number) =>
      withCorrelation({ requestId: `req-${tenantId}` }, async () => {
        correlate({ tenantId });
        await pause(delay);
        await withCorrelation({ recordId: `REC-${tenantId}` }, async () => {
          await pause(delay);
          logger.info('stored');
        });
        logger.info('answered');
      });

    // Act
    await Promise.all([call('T001', 15), call('T002', 1), call('T003', 8)]);
    logger.info('outside any call');

    // Assess
    const lines = stdout.json();
    for (const tenantId of ['T001', 'T002', 'T003']) {
      expect(lines).toContainEqual(expect.objectContaining({ message: 'stored', tenantId, requestId: `req-${tenantId}`, recordId: `REC-${tenantId}` }));
      const answered = lines.find((line) => line.message === 'answered' && line.tenantId === tenantId);
      expect(answered).toMatchObject({ requestId: `req-${tenantId}`, service: 'commhub', level: 'INFO' });
      expect(answered).not.toHaveProperty('recordId');
    }
    expect(lines.at(-1)).not.toHaveProperty('tenantId');
  });

  it('logs an error by name, code, field paths and frames — never its message, wherever it sits in the line', () => {
    // Prepare
    const stdout = captureOutput();
    let parseError: unknown;
    try {
      JSON.parse('{"content": "机密报价 SENTINEL-BODY-1');
    } catch (error) {
      parseError = error;
    }
    const zodError = z.object({ customer: z.object({ email: z.email() }) }).safeParse({ customer: { email: 'SENTINEL-EMAIL-2' } }).error;
    const sdkError = Object.assign(new Error('The conditional request failed for SENTINEL-ITEM-3'), {
      name: 'ConditionalCheckFailedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      Item: { content: { S: 'SENTINEL-ITEM-4' } },
    });
    const wrapped = new Error('could not store SENTINEL-WRAP-5', { cause: sdkError });

    // Act
    logger.error('parse failed', { error: parseError as Error });
    logger.error('validation failed', zodError as Error);
    logger.error('store failed', { nested: { error: wrapped } });

    // Assess
    expect(stdout.text()).not.toMatch(/SENTINEL|机密/);
    const [parse, validation, store] = stdout.json();
    expect(parse?.error).toMatchObject({ name: 'SyntaxError', frames: expect.arrayContaining([expect.stringMatching(/^at /)]) });
    expect(validation?.error).toMatchObject({ name: '$ZodError', fields: ['customer.email'] });
    expect(store?.nested).toMatchObject({ error: { name: 'Error', cause: { name: 'ConditionalCheckFailedException', fault: 'client', httpStatus: 400 } } });
  });
});

describe('workflow step and Lambda invocations', () => {
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => {
    vi.restoreAllMocks();
    logger.setLogLevel('SILENT');
  });

  it('takes the execution id off a step input for the log lines, leaving the step its own fields', async () => {
    // Prepare
    const stdout = captureOutput();
    const seen: unknown[] = [];
    const step = correlatedStep(async (input: unknown) => {
      seen.push(input);
      logger.info('step ran');
      return 'done';
    });

    // Act
    const result = await step({ tenantId: 'T001', recordId: 'WECHAT-1', run: 'first', executionId: 'arn:aws:states:us-east-1:1:express:recordAnalysis:x' });

    // Assess
    expect(result).toBe('done');
    expect(seen).toEqual([{ tenantId: 'T001', recordId: 'WECHAT-1', run: 'first' }]);
    expect(stdout.json()[0]).toMatchObject({
      tenantId: 'T001',
      recordId: 'WECHAT-1',
      executionId: 'arn:aws:states:us-east-1:1:express:recordAnalysis:x',
      requestId: expect.any(String),
    });
    expect(stepCorrelation(['not', 'an', 'object'])).toEqual({ keys: {}, input: ['not', 'an', 'object'] });
  });

  it('gives every Lambda invocation its request id and step ids, and flushes the metrics it counted even when it fails', async () => {
    // Prepare
    const stdout = captureOutput();
    const handler = observedInvocation(async (event: { tenantId: string; recordId: string; fail?: boolean }) => {
      lambdaMetrics().count(HUB_METRICS.analysisFailed);
      logger.warn('analysing');
      if (event.fail) throw new Error('model endpoint returned SENTINEL-6');
      return event.recordId;
    });

    // Act
    const ok = await handler({ tenantId: 'T001', recordId: 'R1', executionId: 'exec-1' } as never, lambdaContext('aws-req-1'));
    const failed = await handler({ tenantId: 'T001', recordId: 'R2', fail: true } as never, lambdaContext('aws-req-2')).catch((error: Error) => error.name);

    // Assess
    expect([ok, failed]).toEqual(['R1', 'Error']);
    const lines = stdout.json();
    expect(lines.filter((line) => line.message === 'analysing')).toEqual([
      expect.objectContaining({ requestId: 'aws-req-1', function_request_id: 'aws-req-1', tenantId: 'T001', recordId: 'R1', executionId: 'exec-1' }),
      expect.objectContaining({ requestId: 'aws-req-2', recordId: 'R2' }),
    ]);
    expect(lines.filter((line) => '_aws' in line)).toEqual([expect.objectContaining({ AnalysisFailed: 1 }), expect.objectContaining({ AnalysisFailed: 1 })]);
  });
});
