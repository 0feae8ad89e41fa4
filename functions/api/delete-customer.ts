import type { HubDependencies } from '../core/dependencies.js';
import { deleteCustomer } from '../core/use-cases/delete-customer.js';
import { customerErasureView } from '../http/erasure-views.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/**
 * Work one call may do: the route's function times out after 10 s (and API Gateway after 30 s);
 * what is left over is done by the next DELETE.
 */
const CALL_BUDGET_MS = 7_000;

/** `DELETE /v1/customers/{customerId}` — admin only; 200 when deleted, 202 (repeat it) when one call was not enough, 404 when absent. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'delete-customer',
    async (request) => {
      const customerId = PathId.parse(request.pathParameters.customerId);
      const erased = await deleteCustomer(deps, { tenantId: request.caller.tenantId, customerId }, { deadline: Date.now() + CALL_BUDGET_MS });
      const { body, audit } = customerErasureView(erased);
      return erased.complete ? { statusCode: 200, body, audit } : { statusCode: 202, body, audit, headers: { 'retry-after': '1' } };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
