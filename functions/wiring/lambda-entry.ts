import { runtimeConfigFromEnv } from '../config/runtime-config.js';
import type { HubDependencies } from '../core/dependencies.js';
import type { HttpHandler } from '../http/http-route.js';
import { createHubDependencies } from './hub-dependencies.js';

/**
 * The Lambda entry of an HTTP route: builds the route's handler once per container, with the AWS
 * adapters configured from the environment, then serves every invocation with it.
 */
export function onAws(build: (deps: HubDependencies) => HttpHandler): HttpHandler {
  let handler: HttpHandler | undefined;
  return (event) => {
    handler ??= build(createHubDependencies(runtimeConfigFromEnv()));
    return handler(event);
  };
}
