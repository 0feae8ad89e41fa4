import * as z from '../core/zod.js';
import type { HubDependencies } from '../core/dependencies.js';
import { assignCommunication } from '../core/use-cases/manage-customers.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

const AssignBody = z.strictObject({ customerId: PathId });

/** `POST /v1/communications/{recordId}/assign` — moves the record and learns the sender's identities. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'assign-communication',
    async (request) => {
      const recordId = PathId.parse(request.pathParameters.recordId);
      const { customerId } = request.json(AssignBody);
      const { tenantId, principal } = request.caller;
      const { record, previousCustomerId } = await assignCommunication(deps, { tenantId, recordId, customerId, principal });
      const targets = [
        { type: 'communication', id: recordId },
        { type: 'customer', id: customerId },
      ];
      return { statusCode: 200, body: record, audit: { targets, before: { customerId: previousCustomerId }, after: { customerId: record.customerId } } };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
