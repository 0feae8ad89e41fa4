import type { HubDependencies } from '../core/dependencies.js';
import { CustomerInput } from '../core/model/customer.js';
import { putCustomer } from '../core/use-cases/manage-customers.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `PUT /v1/customers/{customerId}` — 201 created, 200 replaced; 409 if an identity is taken. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'put-customer',
    async (request) => {
      const customerId = PathId.parse(request.pathParameters.customerId);
      const input = request.json(CustomerInput);
      const { customer, created } = await putCustomer(deps, { tenantId: request.caller.tenantId, customerId, input });
      // Versions only: a profile holds names, emails and phones, which the audit log never keeps.
      const audit = { targets: [{ type: 'customer', id: customerId }], ...(created ? {} : { before: { version: customer.version - 1 } }), after: { version: customer.version } };
      return { statusCode: created ? 201 : 200, body: customer, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
