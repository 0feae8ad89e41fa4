import type { HubDependencies } from '../dependencies.js';

/**
 * Rebuilds the directory entries (name listing, search terms) of every customer of a tenant:
 * profiles stored before the directory existed are neither listed nor found until then (or until
 * their next `PUT`). Idempotent; returns how many profiles were indexed.
 *
 * @example
 * const indexed = await reindexCustomerDirectory(deps, 'T001'); // 42
 */
export async function reindexCustomerDirectory(deps: HubDependencies, tenantId: string): Promise<number> {
  let indexed = 0;
  for (const customerId of await deps.customers.listCustomerIds(tenantId)) {
    if (await deps.customers.reindexCustomer(tenantId, customerId)) indexed += 1;
  }
  return indexed;
}
