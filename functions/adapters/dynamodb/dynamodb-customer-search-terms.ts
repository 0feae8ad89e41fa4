import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Customer } from '../../core/model/customer.js';
import { customerSearchTerms, nameOrderOf } from '../../core/model/customer-search.js';
import { keys, SEARCH_TERM_PREFIX } from './keys.js';
import { queryEveryPage } from './query-every-page.js';
import { TABLE_DESIGN } from './table-design.js';

const { byOwner } = TABLE_DESIGN.indexes;

/** Term writes or deletes in flight at once for one customer (at most `SEARCH_TERMS_MAX` in all). */
const WRITE_CONCURRENCY = 25;

/** `work` over `items`, `size` at a time. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** The profile item's GSI1 keys: the tenant's customers by name. */
export function nameListingKeys(customer: Pick<Customer, 'tenantId' | 'customerId' | 'name'>): Record<string, string> {
  return { [byOwner.partitionKey]: keys.customersByName(customer.tenantId), [byOwner.sortKey]: nameOrderOf(customer) };
}

/**
 * The search-term items of the customer directory (layout and write amplification in
 * table-design.ts; what a term is in customer-search.ts). Each customer's terms live in its own
 * partition (`TERM#<term>` beside `PROFILE`), so the set it has is one consistent `Query` away and
 * is brought to the wanted set with plain puts and deletes — idempotent, retry-safe, no transaction.
 * GSI1 files each term under its first character for search. Two writes of one customer racing each
 * other may leave terms of the losing version until its next write (search quality only: erasure
 * deletes whatever the partition holds).
 */
export class DynamoDbCustomerSearchTerms {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Makes the customer's term items exactly those of its profile plus `learnedEmails` (addresses
   * its identities hold beyond the profile, learned from assignments), each carrying the current
   * name order: writes missing or stale ones, deletes the rest. When the profile is gone once the
   * writes are done (the customer was deleted meanwhile), the terms are erased again, so a deletion
   * racing an assignment leaves none behind. Safe to repeat.
   */
  async sync(customer: Customer, learnedEmails: readonly string[] = []): Promise<void> {
    const { tenantId, customerId } = customer;
    const nameOrder = nameOrderOf(customer);
    const wanted = customerSearchTerms({ name: customer.name, domains: customer.domains, emails: [...customer.emails, ...learnedEmails] });
    const stored = await this.storedTerms(tenantId, customerId);
    const wantedSet = new Set(wanted);
    await inBatches(
      wanted.filter((term) => stored.get(term) !== nameOrder),
      WRITE_CONCURRENCY,
      (term) => this.client.send(new PutCommand({ TableName: this.tableName, Item: this.termItem(tenantId, customerId, term, nameOrder) })),
    );
    await inBatches(
      [...stored.keys()].filter((term) => !wantedSet.has(term)),
      WRITE_CONCURRENCY,
      (term) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.customerSearchTerm(tenantId, customerId, term) })),
    );
    const profile = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(tenantId, customerId), ConsistentRead: true, ProjectionExpression: 'PK' }));
    if (!profile.Item) await this.erase(tenantId, customerId);
  }

  /** Deletes every term item of the customer; returns how many there were. Safe to repeat. */
  async erase(tenantId: string, customerId: string): Promise<number> {
    const stored = [...(await this.storedTerms(tenantId, customerId)).keys()];
    await inBatches(stored, WRITE_CONCURRENCY, (term) =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.customerSearchTerm(tenantId, customerId, term) })),
    );
    return stored.length;
  }

  /** The customer's stored terms with the name order each carries (consistent read of its partition). */
  private async storedTerms(tenantId: string, customerId: string): Promise<Map<string, string>> {
    const stored = new Map<string, string>();
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': TABLE_DESIGN.partitionKey, '#sk': TABLE_DESIGN.sortKey, '#order': 'nameOrder' },
      ExpressionAttributeValues: { ':pk': keys.customer(tenantId, customerId).PK, ':prefix': SEARCH_TERM_PREFIX },
      ProjectionExpression: '#sk, #order',
      ConsistentRead: true,
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) stored.set((item.SK as string).slice(SEARCH_TERM_PREFIX.length), item.nameOrder as string);
    }
    return stored;
  }

  private termItem(tenantId: string, customerId: string, term: string, nameOrder: string): Record<string, string> {
    const firstChar = Array.from(term)[0] as string;
    return {
      ...keys.customerSearchTerm(tenantId, customerId, term),
      [byOwner.partitionKey]: keys.searchTerms(tenantId, firstChar),
      [byOwner.sortKey]: term,
      customerId,
      nameOrder,
    };
  }
}
