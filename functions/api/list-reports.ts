import type { HubDependencies } from '../core/dependencies.js';
import { listReports } from '../core/use-cases/read-reports.js';
import { httpRoute } from '../http/http-route.js';
import { ReportListParams } from '../http/report-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/reports` — the tenant's reports, newest first, cursor-paginated. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-reports', async (request) => {
    const { limit, cursor } = ReportListParams.parse(request.query);
    return { statusCode: 200, body: await listReports(deps, request.caller.tenantId, { limit, cursor }) };
  });

export const handler = onAws(build);
