import { SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { RecordWorkflowKind, RecordWorkflowStart, WorkflowCallbacks, WorkflowStarter } from '../../core/ports/workflow.js';
import { logger } from '../../http/logger.js';
import { executionName } from './execution-name.js';

export interface StepFunctionsWorkflowStarterOptions {
  readonly client: SFNClient;
  /** The record workflows: Express for text, Standard for media (it waits on a transcription callback). */
  readonly stateMachineArns: Readonly<Record<RecordWorkflowKind, string>>;
}

export interface StepFunctionsCallbacksOptions {
  readonly client: SFNClient;
}

/** SendTaskFailure limits, in characters (SendTaskFailure API reference). */
const TASK_ERROR_MAX_LENGTH = 256;
const TASK_CAUSE_MAX_LENGTH = 32_768;

/** The execution has ended (timed out, stopped, or already resumed): nothing is waiting for this token. */
const ENDED_TASK_ERRORS: ReadonlySet<string> = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * The execution name of one run of a record's workflow (see {@link executionName}).
 * @example recordExecutionName('EMAIL-20240615-8Z…', 'first') // 'EMAIL-20240615-8Z….first-9c1e…'
 */
export const recordExecutionName = (recordId: string, attempt: string) => executionName(`${recordId}.${attempt}`, `${recordId}\u0000${attempt}`);

/**
 * Starts record workflows on Step Functions with input `{ tenantId, recordId }`. The name is
 * deterministic per (record, attempt), so a redelivered start meets `ExecutionAlreadyExists` on the
 * Standard (media) machine and is a no-op. Express machines do not dedupe names ("Standard vs.
 * Express workflows", Step Functions Developer Guide): a redelivered text start runs twice, which is
 * why every workflow task is idempotent.
 *
 * @example
 * const workflows = createStepFunctionsWorkflowStarter({ client: new SFNClient({}), stateMachineArns: { text, media } });
 * await workflows.start({ kind: 'text', tenantId: 'T001', recordId, attempt: 'first' });
 */
export function createStepFunctionsWorkflowStarter(options: StepFunctionsWorkflowStarterOptions): WorkflowStarter {
  const { client, stateMachineArns } = options;
  return {
    async start(execution: RecordWorkflowStart): Promise<void> {
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: stateMachineArns[execution.kind],
            name: recordExecutionName(execution.recordId, execution.attempt),
            input: JSON.stringify({ tenantId: execution.tenantId, recordId: execution.recordId }),
          }),
        );
      } catch (error) {
        if (errorName(error) === 'ExecutionAlreadyExists') return;
        throw error;
      }
    },
  };
}

/**
 * Resumes tasks paused on `.waitForTaskToken`. A token whose execution has ended — timed out,
 * stopped, or already resumed by an earlier delivery of the same callback — is logged and ignored:
 * retrying could never succeed, and the workflow's own timeout path has already run.
 *
 * @example await createStepFunctionsCallbacks({ client }).succeed(token, { jobName, status: 'COMPLETED' });
 */
export function createStepFunctionsCallbacks(options: StepFunctionsCallbacksOptions): WorkflowCallbacks {
  const { client } = options;
  return {
    succeed: (taskToken, output) =>
      ignoringEndedTask('SendTaskSuccess', () => client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))),
    fail: (taskToken, error, cause) =>
      ignoringEndedTask('SendTaskFailure', () =>
        client.send(
          new SendTaskFailureCommand({
            taskToken,
            error: truncate(error, TASK_ERROR_MAX_LENGTH),
            cause: truncate(cause, TASK_CAUSE_MAX_LENGTH),
          }),
        ),
      ),
  };
}

async function ignoringEndedTask(operation: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    const name = errorName(error);
    if (name === undefined || !ENDED_TASK_ERRORS.has(name)) throw error;
    logger.warn(`${operation} ignored: the waiting execution has already ended`, { error: name });
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
