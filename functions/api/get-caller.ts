import type { HubDependencies } from '../core/dependencies.js';
import { describeCaller } from '../core/use-cases/describe-caller.js';
import { httpRoute } from '../http/http-route.js';
import { SCOPES } from '../http/routes.js';
import { onAws } from '../wiring/lambda-entry.js';

const COMMHUB_SCOPES: readonly string[] = Object.values(SCOPES);

/** `GET /v1/me` — the caller's tenant, principal and CommHub scopes, with the tenant's time zone and language. */
export const build = (deps: HubDependencies) =>
  httpRoute('get-caller', async (request) => {
    const { tenantId, principal, scopes } = request.caller;
    return { statusCode: 200, body: await describeCaller(deps, { tenantId, principal, scopes: scopes.filter((scope) => COMMHUB_SCOPES.includes(scope)) }) };
  });

export const handler = onAws(build);
