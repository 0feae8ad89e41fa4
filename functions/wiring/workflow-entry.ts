import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import { namingDependencyFailures } from '../workflow/dependency-unavailable.js';
import type { WorkflowDependencies } from '../workflow/workflow-steps.js';
import { createHubDependencies } from './hub-dependencies.js';
import { observedInvocation, type LambdaHandler } from './lambda-invocation.js';
import { createWorkflowDependencies } from './workflow-dependencies.js';

/**
 * The Lambda entry of a workflow step or workflow event handler: built once per container, observed
 * like every entry (a step's `executionId` goes to the log lines and is taken off its input). A
 * transient dependency failure leaves it as `DependencyUnavailable`, which the state machines retry.
 */
export function onAwsWorkflow<E, R>(build: (deps: WorkflowDependencies) => (event: E) => Promise<R>): LambdaHandler<E, R> {
  let handler: ((event: E) => Promise<R>) | undefined;
  return observedInvocation((event: E) => {
    if (!handler) {
      const config = runtimeConfigFromEnv();
      handler = namingDependencyFailures(build(createWorkflowDependencies(config, createHubDependencies(config))));
    }
    return handler(event);
  });
}
