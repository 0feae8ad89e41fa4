import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import type { WorkflowDependencies } from '../workflow/workflow-steps.js';
import { createHubDependencies } from './hub-dependencies.js';
import { createWorkflowDependencies } from './workflow-dependencies.js';

/** The Lambda entry of a workflow step or workflow event handler: built once per container. */
export function onAwsWorkflow<E, R>(build: (deps: WorkflowDependencies) => (event: E) => Promise<R>): (event: E) => Promise<R> {
  let handler: ((event: E) => Promise<R>) | undefined;
  return (event) => {
    if (!handler) {
      const config = runtimeConfigFromEnv();
      handler = build(createWorkflowDependencies(config, createHubDependencies(config)));
    }
    return handler(event);
  };
}
