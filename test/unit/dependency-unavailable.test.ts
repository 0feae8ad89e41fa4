import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import * as z from '../../functions/core/zod.js';
import { ModelThrottledError } from '../../functions/core/ports/analyzer.js';
import { DependencyUnavailableError, isDependencyUnavailable, namingDependencyFailures } from '../../functions/workflow/dependency-unavailable.js';

const $metadata = { httpStatusCode: 400 };

describe('isDependencyUnavailable: "try again later", not "this cannot work"', () => {
  it.each([
    ['DynamoDB throttling', new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata })],
    ['DynamoDB provisioned throughput', new ProvisionedThroughputExceededException({ message: 'exceeded', $metadata })],
    ['an S3 503', new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', $metadata: { httpStatusCode: 503 } })],
    ['any 5xx answer', Object.assign(new Error('boom'), { name: 'SomethingNew', $metadata: { httpStatusCode: 502 } })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })],
    ['a socket hang-up', new Error('socket hang up')],
    ['an SDK timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['an error the SDK marked retryable', Object.assign(new Error('transient'), { name: 'Whatever', $retryable: {} })],
  ])('%s is transient', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata })],
    [
      'a validation error',
      (() => {
        try {
          z.string().parse(1);
        } catch (error) {
          return error;
        }
      })(),
    ],
    ['a 4xx answer', Object.assign(new Error('bad'), { name: 'ValidationException', $metadata })],
    ['the model throttled (retried under its own name)', new ModelThrottledError('throttled')],
    ['a plain error', new Error('record R1 not found')],
    ['not an error', 'ECONNRESET'],
    ['nothing', undefined],
  ])('%s is not', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});

describe('namingDependencyFailures', () => {
  it('renames a transient failure DependencyUnavailable, keeping the original as its cause', async () => {
    // Prepare
    const original = new ThrottlingException({ message: 'slow down', $metadata });
    const step = namingDependencyFailures(async () => Promise.reject(original));

    // Act
    const error = await step({}).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({ name: 'DependencyUnavailable', cause: original });
    expect((error as Error).message).toContain('ThrottlingException');
  });

  it('passes other failures and results through unchanged', async () => {
    const invalid = new Error('tenant T9 unknown');
    await expect(namingDependencyFailures(async () => Promise.reject(invalid))({})).rejects.toBe(invalid);
    await expect(namingDependencyFailures(async (input: { n: number }) => input.n + 1)({ n: 1 })).resolves.toBe(2);
  });
});
