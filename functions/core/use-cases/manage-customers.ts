import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import type { Customer, CustomerInput } from '../model/customer.js';
import type { CommunicationRecord } from '../model/communication-record.js';
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

export interface CustomerOverview {
  readonly customer: Customer;
  /** Computed from the timeline, never stored separately. */
  readonly overview: { readonly lastContactAt: string | null; readonly daysSinceLastContact: number | null; readonly communicationsLast30Days: number };
}

/** A customer profile with figures computed from its timeline. */
export async function getCustomerOverview(deps: HubDependencies, tenantId: string, customerId: string): Promise<CustomerOverview> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const [customer, summary] = await Promise.all([
    deps.customers.getCustomer(tenantId, customerId),
    deps.records.summarizeTimeline(tenantId, customerId, since),
  ]);
  if (!customer) throw new NotFoundError(`customer ${customerId} not found`);
  const daysSince =
    summary.lastContactAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(summary.lastContactAt)) / DAY_MS));
  return {
    customer,
    overview: { lastContactAt: summary.lastContactAt, daysSinceLastContact: daysSince, communicationsLast30Days: summary.recordsSince },
  };
}

/**
 * Moves a record (typically from the unmatched inbox) onto a customer's timeline and learns the
 * sender's identities so the next record from them is matched. Repeating it changes nothing.
 */
export async function assignCommunication(
  deps: HubDependencies,
  command: { tenantId: string; recordId: string; customerId: string; principal: string },
): Promise<CommunicationRecord> {
  const customer = await deps.customers.getCustomer(command.tenantId, command.customerId);
  if (!customer) throw new NotFoundError(`customer ${command.customerId} not found`);
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
  return record;
}
