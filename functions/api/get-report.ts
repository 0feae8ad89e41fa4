import type { HubDependencies } from '../core/dependencies.js';
import { getReport } from '../core/use-cases/read-reports.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/reports/{reportId}` — status, period, counts, and the Markdown and HTML once ready. */
export const build = (deps: HubDependencies) =>
  httpRoute('get-report', async (request) => {
    const reportId = PathId.parse(request.pathParameters.reportId);
    return { statusCode: 200, body: await getReport(deps, request.caller.tenantId, reportId) };
  });

export const handler = onAws(build);
