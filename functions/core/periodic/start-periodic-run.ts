import { randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../errors.js';
import type { PeriodicRunType, Report, ReportType } from '../model/report.js';
import { REPORT_TRIGGERS } from '../model/report.js';
import { resolveReportPeriod } from '../reports/report-period.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import { riskCheckCustomers } from './plan-periodic-run.js';

export interface ReportRequest {
  readonly tenantId: string;
  readonly type: ReportType;
  /** Narrows the report to one customer (required for type `customer`). */
  readonly customerId?: string;
  /** A local day or instant inside the wanted period (see `resolveReportPeriod`). */
  readonly periodStart?: string;
  readonly trigger: (typeof REPORT_TRIGGERS)[number];
  readonly requestedBy?: string;
  /** When the run is anchored (a schedule's firing time). @default the clock's now */
  readonly asOf?: Date;
}

const compactDay = (day: string) => day.replaceAll('-', '');

/**
 * Creates a report (status `running`) and starts the periodic run that writes it. A scheduled
 * report's id is its type and period (`RPT-weekly-20261116`), so a schedule that fires twice yields
 * one report and one email; a requested one gets a fresh id each time.
 *
 * @throws NotFoundError for a customer report of a customer the tenant does not have.
 * @example await requestReport(deps, { tenantId: 'T001', type: 'weekly', trigger: 'api', requestedBy: 'u1' })
 */
export async function requestReport(deps: PeriodicRunDependencies, request: ReportRequest): Promise<Report> {
  const settings = await deps.tenants.getTenant(request.tenantId);
  if (!settings) throw new NotFoundError(`tenant ${request.tenantId} not found`);
  // A customer report needs its customer; any other type may be narrowed to one (a customer's weekly report).
  if (request.type === 'customer' && !request.customerId) {
    throw new ValidationError('a customer report needs customerId', [{ path: 'customerId', message: 'required when type is customer' }]);
  }
  if (request.customerId && !(await deps.customers.getCustomer(request.tenantId, request.customerId))) throw new NotFoundError(`customer ${request.customerId} not found`);
  const now = request.asOf ?? deps.clock.now();
  const period = resolveReportPeriod({ type: request.type, asOf: now, timeZone: settings.timezone, periodStart: request.periodStart });
  const scope = `${request.type}-${compactDay(period.days[0]!)}${request.customerId ? `-${request.customerId}` : ''}`;
  const reportId = request.trigger === 'schedule' ? `RPT-${scope}` : `RPT-${scope}-${randomBytes(4).toString('hex')}`;
  const at = now.toISOString();
  const report = await deps.reports.createReport({
    reportId,
    tenantId: request.tenantId,
    type: request.type,
    ...(request.customerId ? { customerId: request.customerId } : {}),
    status: 'running',
    period: { start: period.start, end: period.end, timeZone: period.timeZone },
    trigger: request.trigger,
    ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
    createdAt: at,
    updatedAt: at,
  });
  await deps.periodicRuns.startRun({
    tenantId: request.tenantId,
    runId: reportId,
    type: request.type,
    reportId,
    customerId: request.customerId ?? null,
    asOf: at,
  });
  return report;
}

export interface ScheduledFire {
  readonly run: PeriodicRunType;
  /** The zone the schedule fired in: the run covers the tenants whose zone it is. */
  readonly timeZone: string;
  readonly firedAt: Date;
}

/**
 * What a schedule firing starts: for each tenant in the schedule's zone, its report (or, for the
 * risk check, a run named by the firing minute — so a double fire starts it once — and only when a
 * high-priority customer has news: see `riskCheckCustomers`).
 */
export async function dispatchScheduledRuns(deps: PeriodicRunDependencies, fire: ScheduledFire): Promise<{ tenantId: string; runId: string }[]> {
  const tenants = (await deps.tenants.listTenants()).filter(({ settings }) => settings.timezone === fire.timeZone);
  const started: { tenantId: string; runId: string }[] = [];
  for (const { tenantId } of tenants) {
    if (fire.run === 'risk-check') {
      // Nobody with news: no execution (a Standard one costs its transitions even with an empty map).
      if ((await riskCheckCustomers(deps, tenantId, fire.firedAt.toISOString())).length === 0) continue;
      const runId = `RISK-${fire.firedAt.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
      await deps.periodicRuns.startRun({ tenantId, runId, type: 'risk-check', reportId: null, customerId: null, asOf: fire.firedAt.toISOString() });
      started.push({ tenantId, runId });
    } else {
      const report = await requestReport(deps, { tenantId, type: fire.run, trigger: 'schedule', asOf: fire.firedAt });
      started.push({ tenantId, runId: report.reportId });
    }
  }
  return started;
}
