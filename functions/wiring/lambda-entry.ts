import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import type { HubDependencies } from '../core/dependencies.js';
import { createHubDependencies } from './hub-dependencies.js';

/**
 * The Lambda entry of a function: builds its handler once per container, with the AWS adapters
 * configured from the environment, then serves every invocation with it.
 */
export function onAws<E, R>(build: (deps: HubDependencies) => (event: E) => Promise<R>): (event: E) => Promise<R> {
  let handler: ((event: E) => Promise<R>) | undefined;
  return (event) => {
    handler ??= build(createHubDependencies(runtimeConfigFromEnv()));
    return handler(event);
  };
}
