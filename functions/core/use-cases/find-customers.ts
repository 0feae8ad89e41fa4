import type { HubDependencies } from '../dependencies.js';
import { ValidationError } from '../errors.js';
import type { CustomerSummary } from '../model/customer.js';
import { searchQueryOf } from '../model/customer-search.js';
import type { Page } from '../ports/page.js';

export interface CustomerSearch {
  readonly tenantId: string;
  /** What staff typed: part of a name (Chinese or Latin), a domain or an email address; absent = all customers. */
  readonly q?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A page of the tenant's customers sorted by name — all of them, or those the search text finds
 * (case-insensitive; any part of a Chinese name, the start of any word of a Latin one, of a domain or
 * an email address: `customer-search.ts`). A text with no letter or digit is a `ValidationError`
 * naming `q`.
 *
 * @example
 * const page = await findCustomers(deps, { tenantId: 'T001', q: '奥克斯', limit: 20 });
 * // { items: [{ customerId: 'C101', name: '宁波奥克斯', domains: ['auxgroup.com'], … }], nextCursor: null }
 */
export function findCustomers(deps: HubDependencies, search: CustomerSearch): Promise<Page<CustomerSummary>> {
  const query = search.q === undefined ? undefined : searchQueryOf(search.q);
  if (query === null) throw new ValidationError('q has no letter or digit to search for', [{ path: 'q', message: 'give part of a name, a domain or an email address' }]);
  return deps.customers.listCustomers(search.tenantId, { ...(query === undefined ? {} : { query }), limit: search.limit, ...(search.cursor === undefined ? {} : { cursor: search.cursor }) });
}
