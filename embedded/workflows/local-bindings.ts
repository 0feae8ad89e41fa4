import {
  STATE_MACHINES,
  WORKFLOW_STEP_NAMES,
  stateMachinePlaceholder,
  stepPlaceholder,
  type StateMachineName,
  type WorkflowStepName,
} from '../../statemachines/state-machines.js';

/** Stand-in ARNs the embedded runtime substitutes, so definitions stay valid ASL; each maps back to a local handler. */
const LOCAL_ACCOUNT = 'arn:aws:lambda:us-east-1:000000000000:function';
const LOCAL_STATES = 'arn:aws:states:us-east-1:000000000000:stateMachine';

export const localStepArn = (step: WorkflowStepName) => `${LOCAL_ACCOUNT}:commhub-${step}`;
export const localStateMachineArn = (name: StateMachineName) => `${LOCAL_STATES}:commhub-${name}`;

/** Every placeholder the embedded runtime binds, and to what. */
export function localBindings(): Record<string, string> {
  const bindings: Record<string, string> = {};
  for (const step of WORKFLOW_STEP_NAMES) bindings[stepPlaceholder(step)] = localStepArn(step);
  for (const name of Object.keys(STATE_MACHINES) as StateMachineName[]) bindings[stateMachinePlaceholder(name)] = localStateMachineArn(name);
  return bindings;
}

export function stepOfArn(arn: string): WorkflowStepName | undefined {
  return WORKFLOW_STEP_NAMES.find((step) => localStepArn(step) === arn);
}

export function stateMachineOfArn(arn: string): StateMachineName | undefined {
  return (Object.keys(STATE_MACHINES) as StateMachineName[]).find((name) => localStateMachineArn(name) === arn);
}
