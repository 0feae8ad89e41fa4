import { z } from 'zod';
import type { HubDependencies } from '../core/dependencies.js';
import { assignCommunication } from '../core/use-cases/manage-customers.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/timeline-params.js';
import { onAws } from '../wiring/lambda-entry.js';

const AssignBody = z.object({ customerId: PathId }).strict();

/** `POST /v1/communications/{recordId}/assign` — moves the record and learns the sender's identities. */
export const build = (deps: HubDependencies) =>
  httpRoute('assign-communication', async (request) => {
    const recordId = PathId.parse(request.pathParameters.recordId);
    const { customerId } = request.json(AssignBody);
    const record = await assignCommunication(deps, { tenantId: request.caller.tenantId, recordId, customerId, principal: request.caller.principal });
    return { statusCode: 200, body: record };
  });

export const handler = onAws(build);
