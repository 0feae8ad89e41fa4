import type { HubDependencies } from '../core/dependencies.js';
import { getCustomerOverview } from '../core/use-cases/manage-customers.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/customers/{customerId}` — profile plus figures computed from the timeline. */
export const build = (deps: HubDependencies) =>
  httpRoute('get-customer', async (request) => {
    const customerId = PathId.parse(request.pathParameters.customerId);
    const { customer, overview } = await getCustomerOverview(deps, request.caller.tenantId, customerId);
    return { statusCode: 200, body: { ...customer, overview } };
  });

export const handler = onAws(build);
