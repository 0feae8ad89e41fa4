import type { HubDependencies } from '../core/dependencies.js';
import { listAuditEntries } from '../core/use-cases/read-audit-log.js';
import { AuditListParams } from '../http/audit-params.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/audit` — the tenant's audit log for admins, newest first, filtered and cursor-paginated. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-audit', async (request) => {
    const { from, to, principal, action, limit, cursor } = AuditListParams.parse(request.query);
    const page = await listAuditEntries(deps, request.caller.tenantId, { from, to, principal, action }, { limit, cursor });
    return { statusCode: 200, body: page };
  });

export const handler = onAws(build);
