import { randomUUID } from 'node:crypto';
import { withCorrelation, type CorrelationKeys } from './correlation.js';

/** The ids a workflow step's input names at its top level (the state machines pass them so). */
const STEP_KEYS = ['tenantId', 'recordId', 'customerId', 'reportId', 'runId'] as const;

/**
 * The correlation ids of an event — a step input's tenant, record, customer, report and run, and the
 * `executionId` the state machines add (`$$.Execution.Id`) — and the event without `executionId`,
 * which is for the logs, not for the step's own schema.
 *
 * @example
 * ```ts
 * stepCorrelation({ tenantId: 'T001', recordId: 'R1', executionId: 'arn:…:exec' });
 * // { keys: { tenantId: 'T001', recordId: 'R1', executionId: 'arn:…:exec' }, input: { tenantId: 'T001', recordId: 'R1' } }
 * ```
 */
export function stepCorrelation<E>(event: E): { keys: CorrelationKeys; input: E } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { keys: {}, input: event };
  const fields = event as Record<string, unknown>;
  const keys: Record<string, string> = {};
  for (const name of STEP_KEYS) if (typeof fields[name] === 'string') keys[name] = fields[name];
  if (!('executionId' in fields)) return { keys, input: event };
  const { executionId, ...input } = fields;
  if (typeof executionId === 'string') keys.executionId = executionId;
  return { keys, input: input as E };
}

/**
 * A workflow step run the way its Lambda entry runs it: in a correlation scope with the step's ids
 * and an invocation id of its own. The embedded engine calls every step through this.
 *
 * @example
 * ```ts
 * const step = correlatedStep(WORKFLOW_STEPS.AnalyzeRecord(deps));
 * ```
 */
export function correlatedStep<I, R>(step: (input: I) => Promise<R>): (input: I) => Promise<R> {
  return (event) => {
    const { keys, input } = stepCorrelation(event);
    return withCorrelation({ requestId: randomUUID(), ...keys }, () => step(input));
  };
}
