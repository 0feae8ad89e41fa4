import type { HubDependencies } from '../core/dependencies.js';
import { listCustomerInsights } from '../core/use-cases/customer-insights.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { InsightListParams } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/customers/{customerId}/insights` — newest first, filtered by type and status, cursor-paginated. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-customer-insights', async (request) => {
    const customerId = PathId.parse(request.pathParameters.customerId);
    const params = InsightListParams.parse(request.query);
    const page = await listCustomerInsights(deps, {
      tenantId: request.caller.tenantId,
      customerId,
      types: params.type,
      statuses: params.status,
      limit: params.limit,
      cursor: params.cursor,
    });
    return { statusCode: 200, body: page };
  });

export const handler = onAws(build);
