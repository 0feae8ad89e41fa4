import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { PeriodicRunInput } from '../../core/periodic/periodic-run-input.js';
import type { PeriodicRunStarter } from '../../core/ports/periodic-run-starter.js';
import { periodicRunExecutionName } from './execution-name.js';

export interface StepFunctionsPeriodicRunStarterOptions {
  readonly client: SFNClient;
  /** The A16 coordinator (a Standard state machine: it dedupes execution names for 90 days). */
  readonly stateMachineArn: string;
}

/**
 * Starts the A16 coordinator on Step Functions, named by tenant and run id, so a schedule firing
 * twice or a retried request meets `ExecutionAlreadyExists` and starts nothing new.
 *
 * @example
 * const runs = createStepFunctionsPeriodicRunStarter({ client: new SFNClient({}), stateMachineArn });
 * await runs.startRun({ tenantId: 'T001', runId: 'RPT-weekly-20261116', type: 'weekly', reportId: 'RPT-weekly-20261116', customerId: null, asOf });
 */
export function createStepFunctionsPeriodicRunStarter(options: StepFunctionsPeriodicRunStarterOptions): PeriodicRunStarter {
  return {
    async startRun(run: PeriodicRunInput): Promise<boolean> {
      try {
        await options.client.send(
          new StartExecutionCommand({ stateMachineArn: options.stateMachineArn, name: periodicRunExecutionName(run.tenantId, run.runId), input: JSON.stringify(run) }),
        );
        return true;
      } catch (error) {
        // Same name and same input: Step Functions answers 200 instead; a different input is this error.
        if (error instanceof ExecutionAlreadyExists) return false;
        throw error;
      }
    },
  };
}
