import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { requestReport } from '../core/periodic/start-periodic-run.js';
import { httpRoute } from '../http/http-route.js';
import { ReportRequestBody } from '../http/report-params.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** `POST /v1/reports` — runs the periodic workflow for that scope now; 202 with the report id to poll. */
export const build = (deps: PeriodicRunDependencies) =>
  httpRoute('create-report', async (request) => {
    const body = request.json(ReportRequestBody);
    const report = await requestReport(deps, {
      tenantId: request.caller.tenantId,
      type: body.type,
      ...(body.customerId ? { customerId: body.customerId } : {}),
      ...(body.periodStart ? { periodStart: body.periodStart } : {}),
      trigger: 'api',
      requestedBy: request.caller.principal,
    });
    return { statusCode: 202, body: { reportId: report.reportId, status: report.status, period: report.period } };
  });

export const handler = onAwsWorkflow(build);
