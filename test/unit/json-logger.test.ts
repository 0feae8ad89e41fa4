import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { JsonLogger, logLevelFromEnvironment } from '../../functions/observability/json-logger.js';

/** A logger writing into an array: [stream, parsed line]. */
function recordingLogger(level?: ConstructorParameters<typeof JsonLogger>[0]['level']) {
  const lines: ['stdout' | 'stderr', Record<string, unknown>][] = [];
  const logger = new JsonLogger({ serviceName: 'commhub-test', level, write: (stream, line) => lines.push([stream, JSON.parse(line) as Record<string, unknown>]) });
  return { logger, lines };
}

const context = (awsRequestId: string) =>
  ({ awsRequestId, functionName: 'CommHub-Fn', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:CommHub-Fn', memoryLimitInMB: '512' }) as unknown as Context;

describe('JsonLogger', () => {
  it('writes one JSON line per call at or above its level: DEBUG and INFO to stdout, WARN and above to stderr', () => {
    // Prepare
    const { logger, lines } = recordingLogger('INFO');

    // Act
    logger.debug('not shown');
    logger.info('stored', { recordId: 'R1' });
    logger.warn('slow');
    logger.error('failed');
    logger.setLogLevel('SILENT');
    logger.critical('not shown either');

    // Assess
    expect(lines.map(([stream, line]) => [stream, line.level, line.message])).toEqual([
      ['stdout', 'INFO', 'stored'],
      ['stderr', 'WARN', 'slow'],
      ['stderr', 'ERROR', 'failed'],
    ]);
    expect(lines[0]![1]).toEqual({ level: 'INFO', message: 'stored', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), service: 'commhub-test', recordId: 'R1' });
  });

  it("carries the Lambda context's fields, cold_start only on the process's first invocation, and the X-Ray trace id", () => {
    // Prepare
    const { logger, lines } = recordingLogger('INFO');
    const saved = process.env._X_AMZN_TRACE_ID;
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

    // Act
    try {
      logger.addContext(context('req-1'));
      logger.info('first');
      logger.addContext(context('req-2'));
      logger.info('second');
    } finally {
      if (saved === undefined) delete process.env._X_AMZN_TRACE_ID;
      else process.env._X_AMZN_TRACE_ID = saved;
    }

    // Assess
    expect(lines.map(([, line]) => line)).toEqual([
      expect.objectContaining({ cold_start: true, function_request_id: 'req-1', function_name: 'CommHub-Fn', function_memory_size: 512, xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' }),
      expect.objectContaining({ cold_start: false, function_request_id: 'req-2', function_arn: 'arn:aws:lambda:us-east-1:1:function:CommHub-Fn' }),
    ]);
  });

  it('logs errors as summaries wherever they sit, and a cyclic or bigint attribute without failing the call', () => {
    // Prepare
    const { logger, lines } = recordingLogger('INFO');
    const cyclic: Record<string, unknown> = { name: 'node' };
    cyclic.self = cyclic;
    const shared = { id: 'X' };

    // Act
    logger.error('failed', new TypeError('secret SENTINEL-1'));
    logger.warn('odd attributes', { cyclic, tokens: 12n, pair: [shared, shared] });

    // Assess
    expect(JSON.stringify(lines)).not.toContain('SENTINEL');
    expect(lines[0]![1].error).toMatchObject({ name: 'TypeError', frames: expect.any(Array), location: expect.stringMatching(/json-logger\.test\.ts:\d+$/) });
    expect(lines[1]![1]).toMatchObject({ cyclic: { name: 'node' }, tokens: '12', pair: [{ id: 'X' }, { id: 'X' }] });
  });

  it('takes its level from POWERTOOLS_LOG_LEVEL or LOG_LEVEL, raised to a stricter AWS_LAMBDA_LOG_LEVEL', () => {
    expect(logLevelFromEnvironment({})).toBe('INFO');
    expect(logLevelFromEnvironment({ POWERTOOLS_LOG_LEVEL: 'debug' })).toBe('DEBUG');
    expect(logLevelFromEnvironment({ LOG_LEVEL: 'WARN' })).toBe('WARN');
    expect(logLevelFromEnvironment({ POWERTOOLS_LOG_LEVEL: 'DEBUG', AWS_LAMBDA_LOG_LEVEL: 'WARN' })).toBe('WARN');
    expect(logLevelFromEnvironment({ POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_LAMBDA_LOG_LEVEL: 'INFO' })).toBe('ERROR');
    expect(logLevelFromEnvironment({ POWERTOOLS_LOG_LEVEL: 'LOUD' })).toBe('INFO');
  });
});
