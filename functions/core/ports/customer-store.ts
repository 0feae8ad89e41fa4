import type { Customer, Identity } from '../model/customer.js';

/**
 * Customer profiles and the identity index (email, domain, phone, WeCom id → customer).
 * An identity belongs to at most one customer of a tenant.
 */
export interface CustomerStore {
  getCustomer(tenantId: string, customerId: string): Promise<Customer | null>;
  /**
   * Writes the profile and makes its identities point at it; identities it no longer lists are
   * released. Throws `ConflictError` naming an identity another customer owns. Safe to retry.
   */
  putCustomer(customer: Customer): Promise<Customer>;
  /** Ids of the tenant's customers (every page), optionally of one priority only. */
  listCustomerIds(tenantId: string, options?: { priority?: Customer['priority'] }): Promise<string[]>;
  /** The owner of each identity found (one round trip). */
  findCustomersByIdentities(tenantId: string, identities: readonly Identity[]): Promise<Map<string, string>>;
  /** Points unowned identities at a customer (learning from an assignment); owned ones are left alone. */
  learnIdentities(tenantId: string, customerId: string, identities: readonly Identity[]): Promise<Identity[]>;
  /**
   * Deletes a customer's profile and every identity pointing at it — listed in the profile or learned
   * from assignments — identities first, so a retry after a failure still finds the profile. Safe to
   * repeat; `profile: false` when there was none.
   */
  deleteCustomer(tenantId: string, customerId: string): Promise<{ profile: boolean; identities: Identity[] }>;
}

/** The key `findCustomersByIdentities` uses in its result map. */
export const identityKey = (identity: Identity): string => `${identity.kind}:${identity.value}`;
