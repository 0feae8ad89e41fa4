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

/**
 * Indexes the tenant's customers that have no directory entries yet — profiles stored by a version
 * before the customer directory — and leaves the others alone: one read of the tenant's profile
 * listing when there is nothing to do. The daily maintenance run (the retention sweep, in both
 * runtimes) calls it, so an upgraded deployment's old customers become searchable within a day.
 * Returns how many were indexed.
 *
 * @example
 * const indexed = await indexUnlistedCustomers(deps, 'T001'); // 0 once every profile is listed
 */
export async function indexUnlistedCustomers(deps: HubDependencies, tenantId: string): Promise<number> {
  let indexed = 0;
  for (const customerId of await deps.customers.listUnlistedCustomerIds(tenantId)) {
    if (await deps.customers.reindexCustomer(tenantId, customerId)) indexed += 1;
  }
  return indexed;
}
