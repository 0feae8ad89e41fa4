import type { HubDependencies } from '../core/dependencies.js';
import { deleteCommunication } from '../core/use-cases/delete-communication.js';
import { recordErasureView } from '../http/erasure-views.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `DELETE /v1/communications/{recordId}` — admin only; 200 with what went, 404 when absent (or already deleted). */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'delete-communication',
    async (request) => {
      const recordId = PathId.parse(request.pathParameters.recordId);
      const { body, audit } = recordErasureView(await deleteCommunication(deps, { tenantId: request.caller.tenantId, recordId }));
      return { statusCode: 200, body, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
