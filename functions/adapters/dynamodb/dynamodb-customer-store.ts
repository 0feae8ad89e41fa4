import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../core/errors.js';
import type { Customer, CustomerSummary, Identity } from '../../core/model/customer.js';
import { identitiesOf, normalizeEmail } from '../../core/model/identity.js';
import { identityKey, type CustomerListQuery, type CustomerStore } from '../../core/ports/customer-store.js';
import type { Page } from '../../core/ports/page.js';
import type { CursorCodec } from './cursor-codec.js';
import { DynamoDbCustomerDirectory, type CustomerDirectoryLimits } from './dynamodb-customer-directory.js';
import { DynamoDbCustomerSearchTerms, nameListingKeys } from './dynamodb-customer-search-terms.js';
import { keys, withoutKeys } from './keys.js';
import { TABLE_DESIGN } from './table-design.js';
import { queryEveryPage } from './query-every-page.js';

const { byOwner, byFeed } = TABLE_DESIGN.indexes;

/** BatchGetItem takes at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;

const identitiesOfCustomer = (customer: Customer) =>
  identitiesOf({ emails: customer.emails, domains: customer.domains, phones: customer.phones, wecomUserIds: customer.wecomUserIds });

/** Every address of a profile, normalised as the identity index keeps them. */
const emailsOf = (...customers: (Customer | null)[]) => new Set(customers.flatMap((customer) => customer?.emails ?? []).map(normalizeEmail));

/**
 * Customer profiles, the identity index and the customer directory (name listing, search terms) on
 * DynamoDB. Without transactions, a profile write is ordered so every step is retry-safe: claim new
 * identities (conditional on being free or already ours), write the profile (with its name-listing
 * keys), release identities no longer listed (conditional on being ours), then bring the search
 * terms to what the profile says — a retry of a write that failed anywhere repeats every step harmlessly.
 */
export class DynamoDbCustomerStore implements CustomerStore {
  private readonly directory: DynamoDbCustomerDirectory;
  private readonly searchTerms: DynamoDbCustomerSearchTerms;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    cursors: CursorCodec,
    directoryLimits: CustomerDirectoryLimits = {},
  ) {
    this.directory = new DynamoDbCustomerDirectory(client, tableName, cursors, directoryLimits);
    this.searchTerms = new DynamoDbCustomerSearchTerms(client, tableName);
  }

  async getCustomer(tenantId: string, customerId: string, consistent = false): Promise<Customer | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(tenantId, customerId), ConsistentRead: consistent }));
    return result.Item ? withoutKeys<Customer>(result.Item) : null;
  }

  listCustomers(tenantId: string, query: CustomerListQuery): Promise<Page<CustomerSummary>> {
    return this.directory.list(tenantId, query);
  }

  async reindexCustomer(tenantId: string, customerId: string): Promise<boolean> {
    const profile = await this.getCustomer(tenantId, customerId, true);
    if (!profile) return false;
    const listing = nameListingKeys(profile);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.customer(tenantId, customerId),
        UpdateExpression: 'SET #pk = :pk, #sk = :sk',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#pk': byOwner.partitionKey, '#sk': byOwner.sortKey },
        ExpressionAttributeValues: { ':pk': listing[byOwner.partitionKey], ':sk': listing[byOwner.sortKey] },
      }),
    ).catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
    await this.searchTerms.sync(profile, await this.learnedEmails(tenantId, customerId, emailsOf(profile)));
    return true;
  }

  async putCustomer(customer: Customer): Promise<Customer> {
    const previous = await this.getCustomer(customer.tenantId, customer.customerId, true);
    const wanted = identitiesOfCustomer(customer);
    const had = new Set((previous ? identitiesOfCustomer(previous) : []).map(identityKey));
    const claimed: Identity[] = [];
    for (const identity of wanted) {
      const owned = await this.claim(customer.tenantId, customer.customerId, identity);
      if (!owned) {
        await Promise.all(claimed.filter((c) => !had.has(identityKey(c))).map((c) => this.release(customer.tenantId, customer.customerId, c)));
        throw new ConflictError(`${identity.kind} ${identity.value} already belongs to another customer`);
      }
      claimed.push(identity);
    }
    const stored: Customer = { ...customer, createdAt: previous?.createdAt ?? customer.createdAt, version: (previous?.version ?? 0) + 1 };
    const listed = { [byFeed.partitionKey]: keys.tenantCustomers(customer.tenantId), [byFeed.sortKey]: `${stored.priority}#${stored.customerId}` };
    const item = { ...keys.customer(customer.tenantId, customer.customerId), ...listed, ...nameListingKeys(stored), ...stored };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    const keep = new Set(wanted.map(identityKey));
    const dropped = (previous ? identitiesOfCustomer(previous) : []).filter((identity) => !keep.has(identityKey(identity)));
    await Promise.all(dropped.map((identity) => this.release(customer.tenantId, customer.customerId, identity)));
    // Addresses of either version are the profile's, not learned: one just dropped may linger in the index a moment.
    await this.searchTerms.sync(stored, await this.learnedEmails(stored.tenantId, stored.customerId, emailsOf(previous, stored)));
    return stored;
  }

  async listCustomerIds(tenantId: string, options: { priority?: Customer['priority'] } = {}): Promise<string[]> {
    const ids: string[] = [];
    for await (const item of this.listedProfiles(tenantId, options.priority, ['customerId'])) ids.push(item.customerId as string);
    return ids;
  }

  async listUnlistedCustomerIds(tenantId: string): Promise<string[]> {
    const ids: string[] = [];
    // A profile on the name listing carries GSI1's keys (nameListingKeys); one stored before the directory does not.
    for await (const item of this.listedProfiles(tenantId, undefined, ['customerId', byOwner.partitionKey])) {
      if (item[byOwner.partitionKey] === undefined) ids.push(item.customerId as string);
    }
    return ids;
  }

  /** The tenant's profiles from its customers-by-priority listing (GSI2), every page, with the attributes named. */
  private async *listedProfiles(tenantId: string, priority: Customer['priority'] | undefined, attributes: readonly string[]): AsyncGenerator<Record<string, unknown>> {
    const projected = Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name]));
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      IndexName: byFeed.name,
      KeyConditionExpression: priority ? '#pk = :pk AND begins_with(#sk, :priority)' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byFeed.partitionKey, ...(priority ? { '#sk': byFeed.sortKey } : {}), ...projected },
      ExpressionAttributeValues: { ':pk': keys.tenantCustomers(tenantId), ...(priority ? { ':priority': `${priority}#` } : {}) },
      ProjectionExpression: Object.keys(projected).join(', '),
    });
    for await (const page of pages) yield* page.Items ?? [];
  }

  async findCustomersByIdentities(tenantId: string, identities: readonly Identity[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < identities.length; i += BATCH_GET_LIMIT) {
      let requestKeys: Record<string, unknown>[] | undefined = identities
        .slice(i, i + BATCH_GET_LIMIT)
        .map((identity) => keys.identity(tenantId, identity));
      while (requestKeys && requestKeys.length > 0) {
        const result: BatchGetCommandOutput = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requestKeys } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          found.set(`${item.kind}:${item.value}`, item.customerId as string);
        }
        requestKeys = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  async learnIdentities(tenantId: string, customerId: string, identities: readonly Identity[]): Promise<Identity[]> {
    const learned: Identity[] = [];
    for (const identity of identities) {
      if (await this.claim(tenantId, customerId, identity)) learned.push(identity);
    }
    const emails = learned.filter((identity) => identity.kind === 'email').map((identity) => identity.value);
    const profile = emails.length > 0 ? await this.getCustomer(tenantId, customerId, true) : null;
    if (profile) {
      const listed = emailsOf(profile);
      // The ones just claimed may not be in the (eventually consistent) owner index yet.
      const known = await this.learnedEmails(tenantId, customerId, listed);
      await this.searchTerms.sync(profile, [...new Set([...known, ...emails])].filter((email) => !listed.has(email)));
    }
    return learned;
  }

  async deleteCustomer(tenantId: string, customerId: string): Promise<{ profile: boolean; identities: Identity[]; searchTerms: number }> {
    const profile = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(tenantId, customerId), ConsistentRead: true }));
    const listed = profile.Item ? identitiesOfCustomer(withoutKeys<Customer>(profile.Item)) : [];
    const indexed = await this.indexedIdentities(tenantId, customerId);
    const identities = [...new Map([...listed, ...indexed].map((identity) => [identityKey(identity), identity])).values()];
    await Promise.all(identities.map((identity) => this.release(tenantId, customerId, identity)));
    const searchTerms = await this.searchTerms.erase(tenantId, customerId);
    if (profile.Item) await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.customer(tenantId, customerId) }));
    // Once more after the profile: an assignment's term write that raced the first sweep (see `sync`).
    const late = await this.searchTerms.erase(tenantId, customerId);
    return { profile: profile.Item !== undefined, identities, searchTerms: searchTerms + late };
  }

  /** Email addresses the customer's identities hold beyond `listed` (learned by assignment). */
  private async learnedEmails(tenantId: string, customerId: string, listed: ReadonlySet<string>): Promise<string[]> {
    const indexed = await this.indexedIdentities(tenantId, customerId);
    return indexed.filter((identity) => identity.kind === 'email' && !listed.has(identity.value)).map((identity) => identity.value);
  }

  private async indexedIdentities(tenantId: string, customerId: string): Promise<Identity[]> {
    const found: Identity[] = [];
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      IndexName: byOwner.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byOwner.partitionKey, '#kind': 'kind', '#value': 'value' },
      ExpressionAttributeValues: { ':pk': keys.customerIdentities(tenantId, customerId) },
      ProjectionExpression: '#kind, #value',
    });
    for await (const page of pages) for (const item of page.Items ?? []) found.push({ kind: item.kind as Identity['kind'], value: item.value as string });
    return found;
  }

  /** Points an identity at a customer unless another customer owns it; `true` when it is now ours. */
  private async claim(tenantId: string, customerId: string, identity: Identity): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.identity(tenantId, identity),
            // Indexed by owner, so deleting the customer also finds the identities it learned.
            [byOwner.partitionKey]: keys.customerIdentities(tenantId, customerId),
            [byOwner.sortKey]: `${identity.kind}#${identity.value}`,
            kind: identity.kind,
            value: identity.value,
            customerId,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR customerId = :customerId',
          ExpressionAttributeValues: { ':customerId': customerId },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async release(tenantId: string, customerId: string, identity: Identity): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.identity(tenantId, identity),
          ConditionExpression: 'customerId = :customerId',
          ExpressionAttributeValues: { ':customerId': customerId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
