import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { createHubDependencies } from './hub-dependencies.js';
import { createRecordWorkflowDependencies } from './workflow-dependencies.js';

/** The Lambda entry of a workflow step or workflow event handler: built once per container. */
export function onAwsWorkflow<E, R>(build: (deps: RecordWorkflowDependencies) => (event: E) => Promise<R>): (event: E) => Promise<R> {
  let handler: ((event: E) => Promise<R>) | undefined;
  return (event) => {
    if (!handler) {
      const config = runtimeConfigFromEnv();
      handler = build(createRecordWorkflowDependencies(config, createHubDependencies(config)));
    }
    return handler(event);
  };
}
