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
  /**
   * A tenant-wide report's period start: a customer with no record since then gets A14 alone (its
   * insight, opportunities and marketing stand as last computed; its churn is still watched). `null`
   * for a customer report (analysed in full, as asked) and the risk check (A14 alone anyway).
   */
  readonly activeSince: string | null;
  readonly asOf: string;
}

/**
 * How far back the five-minute risk check looks for new records: three intervals, so a record whose
 * analysis or delivery lagged a run is still seen by the next one.
 */
export const RISK_CHECK_LOOKBACK_MS = 15 * 60_000;

/**
 * Who the five-minute risk check at `asOf` looks at: the tenant's high-priority customers with a
 * record in the {@link RISK_CHECK_LOOKBACK_MS} up to `asOf` (inclusive), sorted. Read by the plan
 * step and by the dispatcher, which starts no run at all when there is nobody.
 *
 * @example
 * const customerIds = await riskCheckCustomers(deps, 'T001', '2026-11-23T01:00:00.000Z');
 */
export async function riskCheckCustomers(deps: Pick<PeriodicRunDependencies, 'customers' | 'records'>, tenantId: string, asOf: string): Promise<string[]> {
  const end = Date.parse(asOf) + 1;
  const window = { start: new Date(end - 1 - RISK_CHECK_LOOKBACK_MS).toISOString(), end: new Date(end).toISOString(), timeZone: 'UTC' };
  const [highPriority, records] = await Promise.all([deps.customers.listCustomerIds(tenantId, { priority: 'high' }), recordsInPeriod(deps.records, tenantId, window)]);
  const withNews = new Set(records.flatMap((record) => (record.customerId ? [record.customerId] : [])));
  return highPriority.filter((customerId) => withNews.has(customerId)).sort();
}

/**
 * Step "Plan the run": who to analyse. A report narrowed to one customer: that customer. The risk check: the
 * tenant's high-priority customers with a record in the last {@link RISK_CHECK_LOOKBACK_MS} — a quiet
 * customer's standing changes only with time, which the daily run reassesses (churn included), so
 * re-running A14 every five minutes on unchanged records would only cost model calls. Other reports: every customer of the tenant plus any customer
 * seen in the period without a profile (records ingested with an explicit customer id) — inactive
 * ones (nothing in 120 days) are skipped cheaply by the next step, and one with nothing in the period
 * gets A14 alone ({@link PeriodicRunPlan.activeSince}), which is how a customer that went quiet is
 * still checked for churn without re-running A11–A13 on what they already read.
 */
export async function planPeriodicRun(deps: PeriodicRunDependencies, rawInput: unknown): Promise<PeriodicRunPlan> {
  const run = PeriodicRunInput.parse(rawInput);
  if (run.type === 'risk-check') return { customerIds: await riskCheckCustomers(deps, run.tenantId, run.asOf), period: null, activeSince: null, asOf: run.asOf };
  const report = run.reportId ? await deps.reports.getReport(run.tenantId, run.reportId) : null;
  if (!report) throw new NotFoundError(`report ${run.reportId} of tenant ${run.tenantId} not found`);
  const only = run.customerId ?? report.customerId;
  if (only) return { customerIds: [only], period: report.period, activeSince: null, asOf: run.asOf };
  const [profiles, records] = await Promise.all([deps.customers.listCustomerIds(run.tenantId), recordsInPeriod(deps.records, run.tenantId, report.period)]);
  const seen = records.flatMap((record) => (record.customerId ? [record.customerId] : []));
  return { customerIds: [...new Set([...profiles, ...seen])].sort(), period: report.period, activeSince: report.period.start, asOf: run.asOf };
}
