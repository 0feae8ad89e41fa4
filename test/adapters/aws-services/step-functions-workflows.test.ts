import {
  ExecutionAlreadyExists,
  InvalidOutput,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createStepFunctionsCallbacks,
  createStepFunctionsWorkflowStarter,
  recordExecutionName,
} from '../../../functions/adapters/stepfunctions/step-functions-workflows.js';

const sfn = mockClient(SFNClient);
const client = new SFNClient({ region: 'cn-north-1' });
const stateMachineArns = {
  text: 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:commhub-record-text',
  media: 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:commhub-record-media',
};
const recordId = 'EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1';
const token = 'AQCEAAAAKgAAAAMAAAAAAAAAAbq3Ea3W0VQ2B0Zr…';
const metadata = { $metadata: {} };

beforeEach(() => {
  sfn.reset();
});

describe('Step Functions workflow starter', () => {
  it.each([
    ['text', stateMachineArns.text],
    ['media', stateMachineArns.media],
  ] as const)('starts the %s workflow with a deterministic name and { tenantId, recordId } input', async (kind, arn) => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${arn}:x`, startDate: new Date() });
    const workflows = createStepFunctionsWorkflowStarter({ client, stateMachineArns });

    // Act
    await workflows.start({ kind, tenantId: 'T001', recordId, attempt: 'first' });

    // Assess
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: arn,
      name: recordExecutionName(recordId, 'first'),
      input: '{"tenantId":"T001","recordId":"EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1"}',
    });
    expect(recordExecutionName(recordId, 'first')).toMatch(/^EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1\.first-[0-9a-f]{16}$/);
  });

  it('treats ExecutionAlreadyExists (a redelivered start) as done', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', ...metadata }));
    const workflows = createStepFunctionsWorkflowStarter({ client, stateMachineArns });

    // Act
    const started = workflows.start({ kind: 'media', tenantId: 'T001', recordId, attempt: 'first' });

    // Assess
    await expect(started).resolves.toBeUndefined();
  });

  it('passes other errors on', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(new StateMachineDoesNotExist({ message: 'State Machine Does Not Exist', ...metadata }));
    const workflows = createStepFunctionsWorkflowStarter({ client, stateMachineArns });

    // Act
    const started = workflows.start({ kind: 'text', tenantId: 'T001', recordId, attempt: 'first' });

    // Assess
    await expect(started).rejects.toThrow(StateMachineDoesNotExist);
  });
});

describe('recordExecutionName', () => {
  // Step Functions name rules (StartExecution API reference), plus ASCII only (CloudWatch logging).
  const validExecutionName = /^[0-9A-Za-z._-]{1,80}$/;
  const lookalike = fc.string({ unit: fc.constantFrom('a', 'Z', '/', '_', ' ', '中', '-', '.', '[', '~'), maxLength: 12 });
  /** Any code points (lone surrogates included), or long enough to be cut. */
  const anyId = fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 90, maxLength: 300 }));

  it('is a valid execution name for any record and attempt, and the same each time', () => {
    fc.assert(
      fc.property(anyId, anyId, (record, attempt) => {
        // Act
        const name = recordExecutionName(record, attempt);

        // Assess
        expect(name).toMatch(validExecutionName);
        expect(recordExecutionName(record, attempt)).toBe(name);
      }),
      { numRuns: 200 },
    );
  });

  it('gives different (record, attempt) pairs different names, even when they sanitise alike', () => {
    fc.assert(
      fc.property(fc.tuple(lookalike, lookalike), fc.tuple(lookalike, lookalike), ([recordA, attemptA], [recordB, attemptB]) => {
        // Prepare
        fc.pre(recordA !== recordB || attemptA !== attemptB);

        // Act / Assess
        expect(recordExecutionName(recordA, attemptA)).not.toBe(recordExecutionName(recordB, attemptB));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Step Functions callbacks', () => {
  it('sends task success with the output as a JSON string', async () => {
    // Prepare
    sfn.on(SendTaskSuccessCommand).resolves({});
    const callbacks = createStepFunctionsCallbacks({ client });

    // Act
    await callbacks.succeed(token, { jobName: 'commhub-T001-x', status: 'COMPLETED', languageCode: 'zh-CN' });

    // Assess
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: token,
      output: '{"jobName":"commhub-T001-x","status":"COMPLETED","languageCode":"zh-CN"}',
    });
  });

  it('sends task failure with error and cause cut to 256 and 32,768 characters', async () => {
    // Prepare
    sfn.on(SendTaskFailureCommand).resolves({});
    const callbacks = createStepFunctionsCallbacks({ client });
    const longError = `TranscriptionFailed${'E'.repeat(400)}`;
    // A surrogate pair straddling the limit is dropped whole, never split.
    const longCause = `${'c'.repeat(32_767)}😀 and more`;

    // Act
    await callbacks.fail(token, longError, longCause);
    await callbacks.fail(token, 'TranscriptionFailed', 'The media format did not match.');

    // Assess
    const [first, second] = sfn.commandCalls(SendTaskFailureCommand).map((call) => call.args[0].input);
    expect(first).toEqual({ taskToken: token, error: longError.slice(0, 256), cause: 'c'.repeat(32_767) });
    expect(second).toEqual({ taskToken: token, error: 'TranscriptionFailed', cause: 'The media format did not match.' });
  });

  it.each([
    ['TaskTimedOut', new TaskTimedOut({ message: 'Task Timed Out', ...metadata })],
    ['TaskDoesNotExist', new TaskDoesNotExist({ message: 'Task Does Not Exist', ...metadata })],
    ['InvalidToken', new InvalidToken({ message: 'Invalid Token', ...metadata })],
  ])('ignores %s: the waiting execution has already ended', async (_name, error) => {
    // Prepare
    sfn.on(SendTaskSuccessCommand).rejects(error).on(SendTaskFailureCommand).rejects(error);
    const callbacks = createStepFunctionsCallbacks({ client });

    // Act
    const succeeded = callbacks.succeed(token, {});
    const failed = callbacks.fail(token, 'TranscriptionFailed', 'cause');

    // Assess
    await expect(succeeded).resolves.toBeUndefined();
    await expect(failed).resolves.toBeUndefined();
  });

  it('passes other errors on', async () => {
    // Prepare
    sfn.on(SendTaskSuccessCommand).rejects(new InvalidOutput({ message: 'Invalid Output', ...metadata }));
    const callbacks = createStepFunctionsCallbacks({ client });

    // Act
    const succeeded = callbacks.succeed(token, { huge: 'x' });

    // Assess
    await expect(succeeded).rejects.toThrow(InvalidOutput);
  });
});
