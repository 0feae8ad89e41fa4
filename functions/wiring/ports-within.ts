import type { HubDependencies } from '../core/dependencies.js';
import { HUB_PORT_GROUPS, MissingAdapterError, type AdapterGroup, type AdapterGroups } from './adapter-groups.js';
import type { WorkflowPortGroup } from './workflow-port-groups.js';

/**
 * `deps` as a function bundled with `groups` sees them on AWS: every port of a group it lacks throws
 * {@link MissingAdapterError}, the rest (workflow ports included) is `deps` itself. The embedded
 * runtime builds each route's handler on this view, so a route that uses a port its access does not
 * declare fails in embedded mode and in the tests, as it would in its Lambda function. (The cursor key
 * is not a port of its own: a route that pages without `cursors` fails on AWS only.)
 *
 * @example
 * ```ts
 * const handler = build(portsWithin(deps, routeAdapterGroups(route), route.id));
 * ```
 */
export function portsWithin<D extends HubDependencies>(deps: D, groups: AdapterGroups, functionName: string): D {
  const missing = Object.entries(HUB_PORT_GROUPS).filter((entry): entry is [string, AdapterGroup] => entry[1] !== null && !groups[entry[1]]);
  return refusing(deps, missing, functionName);
}

/** `deps` with each of `missing`'s ports throwing {@link MissingAdapterError} (`deps` itself when there are none). */
export function refusing<D extends object>(deps: D, missing: readonly (readonly [port: string, group: AdapterGroup | WorkflowPortGroup])[], functionName: string): D {
  const refusals = missing.map(([port, group]) => [
    port,
    {
      get: () => {
        throw new MissingAdapterError(functionName, port, group);
      },
    },
  ]);
  return missing.length === 0 ? deps : (Object.create(deps, Object.fromEntries(refusals) as PropertyDescriptorMap) as D);
}
