import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import type { HubDependencies } from '../core/dependencies.js';
import { createHubDependencies } from './hub-dependencies.js';
import { observedInvocation, type LambdaHandler } from './lambda-invocation.js';

/**
 * The Lambda entry of a function: builds its handler once per container, with the AWS adapters
 * configured from the environment, then serves every invocation with it (observed: log context,
 * correlation ids, tracing, metrics flushed).
 */
export function onAws<E, R>(build: (deps: HubDependencies) => (event: E) => Promise<R>): LambdaHandler<E, R> {
  let handler: ((event: E) => Promise<R>) | undefined;
  return observedInvocation((event: E) => {
    handler ??= build(createHubDependencies(runtimeConfigFromEnv()));
    return handler(event);
  });
}
