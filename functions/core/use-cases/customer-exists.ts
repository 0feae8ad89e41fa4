import type { HubDependencies } from '../dependencies.js';

/**
 * Whether a customer exists in a tenant: it has a profile or at least one record on its timeline
 * (records may name a customer id that no profile was created for). Another tenant's customer
 * does not exist here.
 */
export async function customerExists(deps: HubDependencies, tenantId: string, customerId: string): Promise<boolean> {
  const [profile, anyRecord] = await Promise.all([
    deps.customers.getCustomer(tenantId, customerId),
    deps.records.queryTimeline({ tenantId, customerId, limit: 1 }),
  ]);
  return profile !== null || anyRecord.items.length > 0;
}
