import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import type { Customer, CustomerInput } from '../model/customer.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import { computeCustomerMetrics } from '../insight/compute-customer-metrics.js';
import type { CustomerHealth, CustomerMetrics } from '../insight/customer-metrics.js';
import { loadCustomerWindow } from '../insight/load-customer-window.js';
import { scoreCustomerHealth } from '../insight/score-customer-health.js';
import { DEFAULT_TENANT_ZONE } from '../model/follow-up-due.js';
import type { Insight } from '../model/insight.js';
import { externalIdentities } from './identify-customer.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Creates or replaces a customer profile; its emails, domains, phones and WeCom ids then route
 * incoming records to it. `ConflictError` when an identity belongs to another customer.
 */
export async function putCustomer(
  deps: HubDependencies,
  command: { tenantId: string; customerId: string; input: CustomerInput },
): Promise<{ customer: Customer; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const customer = await deps.customers.putCustomer({
    ...command.input,
    customerId: command.customerId,
    tenantId: command.tenantId,
    createdAt: now,
    updatedAt: now,
    version: 0,
  });
  return { customer, created: customer.version === 1 };
}

/** An open customer-risk alert, as the overview lists it. */
export interface OpenRisk {
  readonly insightId: string;
  readonly title: string;
  readonly importance: Insight['importance'];
  readonly riskType?: string;
  readonly createdAt: string;
}

export interface CustomerOverview {
  readonly customer: Customer;
  /** Computed from the timeline, tasks and alerts, never stored separately. */
  readonly overview: {
    readonly lastContactAt: string | null;
    readonly daysSinceLastContact: number | null;
    readonly communicationsLast30Days: number;
    /** 0–100 (`functions/core/insight/health-score-components.ts`). */
    readonly healthScore: number;
    readonly lifecycleStage: CustomerHealth['stage'];
    /** Last 30 days against the prior 90-day monthly baseline. */
    readonly trend: CustomerMetrics['communications']['trend'];
    readonly sentimentTrend: CustomerMetrics['sentiment']['trend'];
    /** Risk alerts nobody has acted on or dismissed yet, newest first. */
    readonly openRisks: OpenRisk[];
  };
}

/** Open alerts listed in the overview at most. */
const OPEN_RISKS_SHOWN = 20;

/**
 * A customer profile with its overview: last contact, the health score and stage, the
 * communication and sentiment trends (the same computed metrics the periodic agents read) and the
 * open risk alerts.
 */
export async function getCustomerOverview(deps: HubDependencies, tenantId: string, customerId: string): Promise<CustomerOverview> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const [customer, summary, window, settings, risks] = await Promise.all([
    deps.customers.getCustomer(tenantId, customerId),
    deps.records.summarizeTimeline(tenantId, customerId, since),
    loadCustomerWindow(deps, tenantId, customerId, now),
    deps.tenants.getTenant(tenantId),
    deps.workItems.listInsights(tenantId, customerId, { limit: OPEN_RISKS_SHOWN }, { types: ['risk'], statuses: ['new', 'read'] }),
  ]);
  if (!customer) throw new NotFoundError(`customer ${customerId} not found`);
  const metrics = computeCustomerMetrics({ customerId, records: window.records, tasks: window.tasks, asOf: now, timeZone: settings?.timezone ?? DEFAULT_TENANT_ZONE });
  const health = scoreCustomerHealth(metrics);
  const daysSince =
    summary.lastContactAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(summary.lastContactAt)) / DAY_MS));
  return {
    customer,
    overview: {
      lastContactAt: summary.lastContactAt,
      daysSinceLastContact: daysSince,
      communicationsLast30Days: summary.recordsSince,
      healthScore: health.score,
      lifecycleStage: health.stage,
      trend: metrics.communications.trend,
      sentimentTrend: metrics.sentiment.trend,
      openRisks: risks.items.map((risk) => ({
        insightId: risk.insightId,
        title: risk.title,
        importance: risk.importance,
        ...(typeof risk.data.riskType === 'string' ? { riskType: risk.data.riskType } : {}),
        createdAt: risk.createdAt,
      })),
    },
  };
}

/**
 * Moves a record (typically from the unmatched inbox) onto a customer's timeline and learns the
 * sender's identities so the next record from them is matched. Repeating it changes nothing.
 * Returns the record and the customer it was on before (`null`: unmatched), for the audit log.
 *
 * @example
 * const { record, previousCustomerId } = await assignCommunication(deps, { tenantId: 'T001', recordId, customerId: 'C-1', principal: 'u1' });
 */
export async function assignCommunication(
  deps: HubDependencies,
  command: { tenantId: string; recordId: string; customerId: string; principal: string },
): Promise<{ record: CommunicationRecord; previousCustomerId: string | null }> {
  const customer = await deps.customers.getCustomer(command.tenantId, command.customerId);
  if (!customer) throw new NotFoundError(`customer ${command.customerId} not found`);
  const previous = await deps.records.getRecord(command.tenantId, command.recordId);
  const record = await deps.records.assignRecord(
    command.tenantId,
    command.recordId,
    command.customerId,
    command.principal,
    deps.clock.now().toISOString(),
  );
  if (!record) throw new NotFoundError(`communication ${command.recordId} not found`);
  // Domains are not learned from one record: a company domain is a profile decision.
  const learnable = externalIdentities(undefined, record.participants).filter((identity) => identity.kind !== 'domain');
  await deps.customers.learnIdentities(command.tenantId, command.customerId, learnable);
  return { record, previousCustomerId: previous?.customerId ?? null };
}
