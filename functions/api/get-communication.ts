import type { HubDependencies } from '../core/dependencies.js';
import { getCommunication } from '../core/use-cases/read-communications.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/communications/{recordId}` — another tenant's record is a 404 like an absent one. */
export const build = (deps: HubDependencies) =>
  httpRoute('get-communication', async (request) => {
    const recordId = PathId.parse(request.pathParameters.recordId);
    return { statusCode: 200, body: await getCommunication(deps, request.caller.tenantId, recordId) };
  });

export const handler = onAws(build);
