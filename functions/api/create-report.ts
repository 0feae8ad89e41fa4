import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import { requestReport } from '../core/periodic/start-periodic-run.js';
import { httpRoute } from '../http/http-route.js';
import { ReportRequestBody } from '../http/report-params.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** `POST /v1/reports` — runs the periodic workflow for that scope now; 202 with the report id to poll. */
export const build = (deps: PeriodicRunDependencies) =>
  httpRoute(
    'create-report',
    async (request) => {
      const body = request.json(ReportRequestBody);
      const report = await requestReport(deps, {
        tenantId: request.caller.tenantId,
        type: body.type,
        ...(body.customerId ? { customerId: body.customerId } : {}),
        ...(body.periodStart ? { periodStart: body.periodStart } : {}),
        trigger: 'api',
        requestedBy: request.caller.principal,
      });
      const targets = [{ type: 'report', id: report.reportId }, ...(body.customerId ? [{ type: 'customer', id: body.customerId }] : [])];
      const audit = { targets, after: { type: body.type, status: report.status, periodStart: report.period.start, periodEnd: report.period.end } };
      return { statusCode: 202, body: { reportId: report.reportId, status: report.status, period: report.period }, audit };
    },
    { auditTo: deps },
  );

export const handler = onAwsWorkflow(build);
