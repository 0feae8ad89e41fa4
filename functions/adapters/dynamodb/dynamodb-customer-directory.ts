import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../../core/errors.js';
import { customerSummaryOf, type Customer, type CustomerSummary } from '../../core/model/customer.js';
import { compareCodePoints, matchesSearch } from '../../core/model/customer-search.js';
import type { CustomerListQuery } from '../../core/ports/customer-store.js';
import type { Page } from '../../core/ports/page.js';
import type { CursorCodec } from './cursor-codec.js';
import { keys, withoutKeys } from './keys.js';
import { queryEveryPage } from './query-every-page.js';
import { TABLE_DESIGN } from './table-design.js';

const { byOwner } = TABLE_DESIGN.indexes;
type Item = Record<string, unknown>;

/** Limits that keep every directory request bounded. */
export interface CustomerDirectoryLimits {
  /**
   * Term items a search reads at most. A query matching more (one or two letters in a big tenant)
   * is answered by walking the name list instead, where its matches are dense.
   * @default 2000 (about 1 round trip: term items are ~150 bytes)
   */
  readonly searchReadLimit?: number;
  /**
   * Profiles one request of such a walk examines at most; it then answers with the matches found
   * so far and a cursor to go on from (a page may be short, never wrong).
   * @default 2000
   */
  readonly walkReadLimit?: number;
}

/** Profiles examined per round trip of a filtered walk. */
const WALK_PAGE = 200;
/** BatchGetItem takes at most 100 keys per call (and `limit` is at most 100). */
const BATCH_GET_LIMIT = 100;

/** A matching customer and where it sorts. */
interface Match {
  readonly customerId: string;
  readonly nameOrder: string;
}

/**
 * Lists a tenant's customers by name — all of them, or those a search query matches — a page at a
 * time, with a signed cursor that names the last customer shown (its name order), so both ways of
 * answering resume from the same place:
 * - **terms**: one `begins_with` query on the query's term partition, de-duplicated by customer,
 *   sorted by name, the page's profiles read in one BatchGetItem;
 * - **walk**: the name list (GSI1 of the profile items) from the cursor on — the whole listing, or,
 *   for a query too broad for the term read, filtered in memory with the same matching rule on the
 *   profile's fields (addresses learned by assignment only, not in the profile, are matched by the
 *   term read alone).
 */
export class DynamoDbCustomerDirectory {
  private readonly searchReadLimit: number;
  private readonly walkReadLimit: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: CursorCodec,
    limits: CustomerDirectoryLimits = {},
  ) {
    this.searchReadLimit = limits.searchReadLimit ?? 2000;
    this.walkReadLimit = limits.walkReadLimit ?? 2000;
  }

  async list(tenantId: string, request: CustomerListQuery): Promise<Page<CustomerSummary>> {
    const { query, limit } = request;
    const scope = `customers|${tenantId}|${query ?? ''}`;
    const after = request.cursor === undefined ? undefined : await this.positionOf(scope, request.cursor);
    if (query === undefined) return this.walk(tenantId, scope, after, limit);
    const matches = await this.matchingTerms(tenantId, query);
    if (matches === null) return this.walk(tenantId, scope, after, limit, (customer) => matchesSearch(customer, query));
    const ordered = matches.filter((match) => after === undefined || compareCodePoints(match.nameOrder, after) > 0).sort((a, b) => compareCodePoints(a.nameOrder, b.nameOrder));
    const page = ordered.slice(0, limit);
    const profiles = await this.profiles(tenantId, page.map((match) => match.customerId));
    // A customer deleted since its terms were read is left out (its terms are going too).
    const items = page.flatMap((match) => profiles.get(match.customerId) ?? []).map(customerSummaryOf);
    const last = page[page.length - 1];
    return { items, nextCursor: ordered.length > limit && last ? await this.cursors.encode(scope, { after: last.nameOrder }) : null };
  }

  /** The customers with a term starting with `query`, or `null` when more than `searchReadLimit` terms do. */
  private async matchingTerms(tenantId: string, query: string): Promise<Match[] | null> {
    const found = new Map<string, string>();
    let read = 0;
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      IndexName: byOwner.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :query)',
      ExpressionAttributeNames: { '#pk': byOwner.partitionKey, '#sk': byOwner.sortKey, '#id': 'customerId', '#order': 'nameOrder' },
      ExpressionAttributeValues: { ':pk': keys.searchTerms(tenantId, Array.from(query)[0] as string), ':query': query },
      ProjectionExpression: '#id, #order',
      Limit: this.searchReadLimit + 1,
    });
    for await (const page of pages) {
      read += page.Items?.length ?? 0;
      if (read > this.searchReadLimit) return null;
      for (const item of page.Items ?? []) if (!found.has(item.customerId as string)) found.set(item.customerId as string, item.nameOrder as string);
    }
    return [...found].map(([customerId, nameOrder]) => ({ customerId, nameOrder }));
  }

  /** A page of the name list after `after`, keeping the customers `accept` holds for. */
  private async walk(tenantId: string, scope: string, after: string | undefined, limit: number, accept?: (customer: Customer) => boolean): Promise<Page<CustomerSummary>> {
    const taken: { customer: Customer; nameOrder: string }[] = [];
    let position = after;
    let examined = 0;
    for (;;) {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: byOwner.name,
          KeyConditionExpression: position === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
          ExpressionAttributeNames: { '#pk': byOwner.partitionKey, ...(position === undefined ? {} : { '#sk': byOwner.sortKey }) },
          ExpressionAttributeValues: { ':pk': keys.customersByName(tenantId), ...(position === undefined ? {} : { ':after': position }) },
          Limit: accept ? WALK_PAGE : limit + 1 - taken.length,
        }),
      );
      const items = (result.Items ?? []) as Item[];
      for (const item of items) {
        examined += 1;
        position = item[byOwner.sortKey] as string;
        const customer = withoutKeys<Customer>(item);
        if (!accept || accept(customer)) taken.push({ customer, nameOrder: position });
        if (taken.length > limit) break;
      }
      if (taken.length > limit) {
        const page = taken.slice(0, limit);
        return { items: page.map((entry) => customerSummaryOf(entry.customer)), nextCursor: await this.cursors.encode(scope, { after: page[page.length - 1]?.nameOrder }) };
      }
      const exhausted = result.LastEvaluatedKey === undefined;
      if (exhausted || examined >= this.walkReadLimit) {
        const nextCursor = exhausted || position === undefined ? null : await this.cursors.encode(scope, { after: position });
        return { items: taken.map((entry) => customerSummaryOf(entry.customer)), nextCursor };
      }
    }
  }

  /** The profiles of `customerIds` by id (absent ones left out). */
  private async profiles(tenantId: string, customerIds: readonly string[]): Promise<Map<string, Customer>> {
    const found = new Map<string, Customer>();
    for (let i = 0; i < customerIds.length; i += BATCH_GET_LIMIT) {
      let requestKeys: Item[] | undefined = customerIds.slice(i, i + BATCH_GET_LIMIT).map((customerId) => keys.customer(tenantId, customerId));
      while (requestKeys && requestKeys.length > 0) {
        const result: BatchGetCommandOutput = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requestKeys } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) found.set(item.customerId as string, withoutKeys<Customer>(item));
        requestKeys = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  private async positionOf(scope: string, cursor: string): Promise<string> {
    const position = await this.cursors.decode<{ after?: unknown }>(scope, cursor);
    if (typeof position !== 'object' || position === null || typeof position.after !== 'string') throw new InvalidCursorError('cursor does not belong to this query');
    return position.after;
  }
}
