import type { HubDependencies } from '../core/dependencies.js';
import { findCustomers } from '../core/use-cases/find-customers.js';
import { CustomerListParams } from '../http/customer-list-params.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/customers?q=&limit=&cursor=` — the tenant's customers by name, or those `q` finds. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-customers', async (request) => {
    const { q, limit, cursor } = CustomerListParams.parse(request.query);
    const page = await findCustomers(deps, { tenantId: request.caller.tenantId, q, limit, cursor });
    return { statusCode: 200, body: page };
  });

export const handler = onAws(build);
