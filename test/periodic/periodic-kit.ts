import type { RunningHub } from '../../embedded/hub.js';
import type { Customer } from '../../functions/core/model/customer.js';
import type { Insight } from '../../functions/core/model/insight.js';
import { syntheticHistory, type SyntheticHistoryOptions } from '../support/synthetic-history.js';

export const TENANT = 'T001';

/** Stores a customer profile and a generated history straight into the store (no record workflow: the analyses are the history's). */
export async function seedCustomer(
  hub: RunningHub,
  customer: Pick<Customer, 'customerId' | 'name'> & Partial<Pick<Customer, 'priority' | 'owner'>>,
  history: Omit<SyntheticHistoryOptions, 'tenantId' | 'customerId'>,
  options: { readonly latestAt?: Date } = {},
): Promise<number> {
  const now = new Date().toISOString();
  await hub.deps.customers.putCustomer({
    tenantId: TENANT,
    customerId: customer.customerId,
    name: customer.name,
    domains: [],
    emails: [],
    phones: [],
    wecomUserIds: [],
    priority: customer.priority ?? 'normal',
    ...(customer.owner ? { owner: customer.owner } : {}),
    tags: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  });
  const records = syntheticHistory({ tenantId: TENANT, customerId: customer.customerId, ...history });
  // The newest record moved to `latestAt`: news for the five-minute risk check, which looks only at customers with some.
  const latest = records.at(-1);
  if (latest && options.latestAt) records[records.length - 1] = { ...latest, occurredAt: options.latestAt.toISOString() };
  for (const record of records) await hub.deps.records.insertRecord(record);
  return records.length;
}

/** Every insight of a customer (all pages). */
export async function insightsOf(hub: RunningHub, customerId: string, types?: Insight['type'][]): Promise<Insight[]> {
  const found: Insight[] = [];
  let cursor: string | undefined;
  do {
    const page = await hub.deps.workItems.listInsights(TENANT, customerId, { limit: 100, cursor }, types ? { types } : undefined);
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** Runs the A16 coordinator to its end through the embedded interpreter. */
export async function runPeriodic(hub: RunningHub, input: { runId: string; type: string; reportId?: string | null; customerId?: string | null; asOf: Date }) {
  return hub.workflows.engine.execute('periodicRun', {
    tenantId: TENANT,
    runId: input.runId,
    type: input.type,
    reportId: input.reportId ?? null,
    customerId: input.customerId ?? null,
    asOf: input.asOf.toISOString(),
  });
}
