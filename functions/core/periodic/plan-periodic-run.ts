import { NotFoundError } from '../errors.js';
import type { ReportPeriod } from '../model/report.js';
import { PeriodicRunInput } from './periodic-run-input.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import { recordsInPeriod } from './period-records.js';

export interface PeriodicRunPlan {
  /** The customers the run analyses, sorted (one child execution each). */
  readonly customerIds: string[];
  /** The report's period; `null` for the risk check. */
  readonly period: ReportPeriod | null;
  readonly asOf: string;
}

/**
 * Step "Plan the run": who to analyse. A report narrowed to one customer: that customer. The risk check: the
 * tenant's high-priority customers. Other reports: every customer of the tenant plus any customer
 * seen in the period without a profile (records ingested with an explicit customer id) — inactive
 * ones are skipped cheaply by the next step, which is how a customer that went quiet is still
 * checked for churn.
 */
export async function planPeriodicRun(deps: PeriodicRunDependencies, rawInput: unknown): Promise<PeriodicRunPlan> {
  const run = PeriodicRunInput.parse(rawInput);
  if (run.type === 'risk-check') {
    const customerIds = await deps.customers.listCustomerIds(run.tenantId, { priority: 'high' });
    return { customerIds: [...customerIds].sort(), period: null, asOf: run.asOf };
  }
  const report = run.reportId ? await deps.reports.getReport(run.tenantId, run.reportId) : null;
  if (!report) throw new NotFoundError(`report ${run.reportId} of tenant ${run.tenantId} not found`);
  const only = run.customerId ?? report.customerId;
  if (only) return { customerIds: [only], period: report.period, asOf: run.asOf };
  const [profiles, records] = await Promise.all([deps.customers.listCustomerIds(run.tenantId), recordsInPeriod(deps.records, run.tenantId, report.period)]);
  const seen = records.flatMap((record) => (record.customerId ? [record.customerId] : []));
  return { customerIds: [...new Set([...profiles, ...seen])].sort(), period: report.period, asOf: run.asOf };
}
