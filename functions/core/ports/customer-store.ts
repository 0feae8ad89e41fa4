import type { Customer, CustomerSummary, Identity } from '../model/customer.js';
import type { Page, PageRequest } from './page.js';

/** A page of the customer directory: every customer, or those a (normalised) search query matches. */
export interface CustomerListQuery extends PageRequest {
  /** Already normalised (`searchQueryOf`); absent = every customer. */
  readonly query?: string;
}

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
  /**
   * The tenant's customers with a profile, sorted by name (normalised, by code point), or those
   * whose name, domain or email address — listed in the profile or learned by assignment — holds a
   * search term the query starts (`customer-search.ts`). Never scans: term and name indexes only.
   */
  listCustomers(tenantId: string, query: CustomerListQuery): Promise<Page<CustomerSummary>>;
  /**
   * Rebuilds a customer's directory entries (name listing and search terms) from its stored
   * profile and identities — for profiles stored before the directory existed. `false` when there is
   * no profile. Safe to repeat.
   */
  reindexCustomer(tenantId: string, customerId: string): Promise<boolean>;
  /** Ids of the tenant's customers (every page), optionally of one priority only. */
  listCustomerIds(tenantId: string, options?: { priority?: Customer['priority'] }): Promise<string[]>;
  /** Ids of the tenant's customers whose profile has no directory entries yet (stored before the directory existed). */
  listUnlistedCustomerIds(tenantId: string): Promise<string[]>;
  /** The owner of each identity found (one round trip). */
  findCustomersByIdentities(tenantId: string, identities: readonly Identity[]): Promise<Map<string, string>>;
  /**
   * Points unowned identities at a customer (learning from an assignment); owned ones are left alone.
   * Learned email addresses become search terms of the customer.
   */
  learnIdentities(tenantId: string, customerId: string, identities: readonly Identity[]): Promise<Identity[]>;
  /**
   * Deletes a customer's profile, every identity pointing at it — listed in the profile or learned
   * from assignments — and its directory entries (search terms, name listing); identities and terms
   * first, so a retry after a failure still finds the profile. Safe to repeat; `profile: false` when
   * there was none.
   */
  deleteCustomer(tenantId: string, customerId: string): Promise<{ profile: boolean; identities: Identity[]; searchTerms: number }>;
}

/** The key `findCustomersByIdentities` uses in its result map. */
export const identityKey = (identity: Identity): string => `${identity.kind}:${identity.value}`;
