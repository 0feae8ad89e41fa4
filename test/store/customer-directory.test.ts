import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { CursorCodec } from '../../functions/adapters/dynamodb/cursor-codec.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import { DynamoDbCustomerStore } from '../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { InvalidCursorError } from '../../functions/core/errors.js';
import type { Customer } from '../../functions/core/model/customer.js';
import { customerSearchTerms, searchQueryOf } from '../../functions/core/model/customer-search.js';
import type { CustomerStore } from '../../functions/core/ports/customer-store.js';
import { indexUnlistedCustomers, reindexCustomerDirectory } from '../../functions/core/use-cases/reindex-customer-directory.js';
import { sweepRetention } from '../../functions/core/use-cases/sweep-retention.js';
import { startTestHub } from '../support/test-hub.js';
import { tableContents } from '../support/table-contents.js';

const AT = '2024-06-01T00:00:00.000Z';

function customer(tenantId: string, customerId: string, fields: Partial<Customer> = {}): Customer {
  return { tenantId, customerId, name: customerId, domains: [], emails: [], phones: [], wecomUserIds: [], priority: 'normal', tags: [], createdAt: AT, updatedAt: AT, version: 0, ...fields };
}

/** Every customer id a search or listing returns, following the cursor to the end. */
async function allPages(store: CustomerStore, tenantId: string, q?: string, limit = 2): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listCustomers(tenantId, { ...(q === undefined ? {} : { query: searchQueryOf(q)! }), limit, cursor });
    ids.push(...page.items.map((item) => item.customerId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('customer directory: listing by name and search (against the local DynamoDB-API server)', () => {
  let hub: RunningHub;
  let store: CustomerStore;
  /** The same table, with limits small enough to make a query "too broad" here. */
  let tight: CustomerStore;
  const termItems = async (tenantId: string, customerId: string) =>
    (await tableContents(hub)).filter(({ item }) => item.PK === `T#${tenantId}#C#${customerId}` && String(item.SK).startsWith('TERM#')).map(({ item }) => String(item.SK).slice(5)).sort();

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
    store = hub.deps.customers;
    const client = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
    tight = new DynamoDbCustomerStore(client, hub.settings.tableName, new CursorCodec(async () => Buffer.from('test-key')), { searchReadLimit: 3, walkReadLimit: 2 });
    await store.putCustomer(customer('T1', 'C101', { name: '宁波奥克斯', domains: ['auxgroup.com'], emails: ['wang.gong@auxgroup.com'], owner: 'li.wei', priority: 'high' }));
    await store.putCustomer(customer('T1', 'C102', { name: '杭州华诚化工', domains: ['huacheng-chem.com'] }));
    await store.putCustomer(customer('T1', 'C103', { name: 'Ningbo AUX Trading', emails: ['buyer@aux-trading.cn'] }));
    await store.putCustomer(customer('T1', 'C104', { name: 'acme' }));
    await store.putCustomer(customer('T1', 'C105', { name: 'Acme Corp' }));
    await store.putCustomer(customer('T2', 'C101', { name: '宁波奥克斯 (T2)', domains: ['auxgroup.com'] }));
  });
  afterAll(() => hub?.close());

  it('lists every customer of the tenant sorted by name (Latin before Chinese, by code point: 宁 U+5B81 before 杭 U+676D), page by page, with the profile summary', async () => {
    // Act
    const first = await store.listCustomers('T1', { limit: 2 });
    const ids = await allPages(store, 'T1');

    // Assess
    expect(first.items).toEqual([
      { customerId: 'C104', name: 'acme', domains: [], emails: [], priority: 'normal' },
      { customerId: 'C105', name: 'Acme Corp', domains: [], emails: [], priority: 'normal' },
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(ids).toEqual(['C104', 'C105', 'C103', 'C101', 'C102']);
  });

  it('finds by any part of a Chinese name, a word of a Latin one, a domain and an email address — sorted by name', async () => {
    // Act
    const search = (q: string) => allPages(store, 'T1', q);

    // Assess
    expect(await search('奥克斯')).toEqual(['C101']);
    expect(await search('华诚')).toEqual(['C102']);
    expect(await search('aux')).toEqual(['C103', 'C101']);
    expect(await search('auxgroup')).toEqual(['C101']);
    expect(await search('Wang.Gong@AuxGroup.com')).toEqual(['C101']);
    expect(await search('aux-trading')).toEqual(['C103']);
    expect(await search('ACME')).toEqual(['C104', 'C105']);
    expect(await search('不存在')).toEqual([]);
  });

  it("keeps tenants apart: the same name and domain in another tenant is that tenant's only", async () => {
    // Act
    const other = await store.listCustomers('T2', { query: '奥克斯', limit: 10 });
    const none = await store.listCustomers('T3', { limit: 10 });

    // Assess
    expect(other.items).toEqual([expect.objectContaining({ customerId: 'C101', name: '宁波奥克斯 (T2)' })]);
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('follows a replace: stale terms go, new ones come, the listing moves to the new name; a repeat writes nothing new', async () => {
    // Prepare
    await store.putCustomer(customer('T4', 'C1', { name: '旧名称', domains: ['old.example.cn'], emails: ['a@old.example.cn'] }));

    // Act
    await store.putCustomer(customer('T4', 'C1', { name: '新名称', domains: ['new.example.cn'] }));
    await store.putCustomer(customer('T4', 'C1', { name: '新名称', domains: ['new.example.cn'] }));

    // Assess
    expect(await termItems('T4', 'C1')).toEqual(customerSearchTerms({ name: '新名称', domains: ['new.example.cn'], emails: [] }).sort());
    expect(await allPages(store, 'T4', '旧')).toEqual([]);
    expect(await allPages(store, 'T4', 'old.example')).toEqual([]);
    expect(await allPages(store, 'T4', '名称')).toEqual(['C1']);
    expect((await store.listCustomers('T4', { limit: 10 })).items.map((item) => item.name)).toEqual(['新名称']);
  });

  it('makes an address learned by assignment searchable, and keeps it through a profile replace', async () => {
    // Prepare
    await store.putCustomer(customer('T5', 'C1', { name: '甬江精密' }));

    // Act
    await store.learnIdentities('T5', 'C1', [{ kind: 'email', value: 'yj.buyer@163.com' }, { kind: 'phone', value: '+8613958200077' }]);
    const learned = await allPages(store, 'T5', 'yj.buyer');
    await store.putCustomer(customer('T5', 'C1', { name: '甬江精密塑胶' }));

    // Assess
    expect(learned).toEqual(['C1']);
    expect(await allPages(store, 'T5', 'yj.buyer@163')).toEqual(['C1']);
    expect(await termItems('T5', 'C1')).toContain('yj.buyer@163.com');
  });

  it('erases every directory item with the customer, and a repeat finds none', async () => {
    // Prepare
    await store.putCustomer(customer('T6', 'C1', { name: '要删除的客户', domains: ['gone.example.cn'] }));
    await store.learnIdentities('T6', 'C1', [{ kind: 'email', value: 'gone@163.com' }]);
    const terms = (await termItems('T6', 'C1')).length;

    // Act
    const deleted = await store.deleteCustomer('T6', 'C1');
    const again = await store.deleteCustomer('T6', 'C1');

    // Assess
    expect(terms).toBeGreaterThan(5);
    expect(deleted).toMatchObject({ profile: true, searchTerms: terms });
    expect(again).toEqual({ profile: false, identities: [], searchTerms: 0 });
    expect((await tableContents(hub)).filter(({ text }) => text.includes('T#T6#'))).toEqual([]);
    expect(await store.listCustomers('T6', { query: '删除', limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  it('answers a query too broad for the term read by walking the name list, with the same matches and order', async () => {
    // Act
    const broad = await allPages(tight, 'T1', 'a', 1);
    const narrow = await allPages(tight, 'T1', 'acme c', 1);
    const listing = await allPages(tight, 'T1', undefined, 1);

    // Assess: 'a' starts 6 terms in T1 (aux…, acme, acme corp, auxgroup.com, aux-trading.cn, …), above the limit of 3
    expect(broad).toEqual(await allPages(store, 'T1', 'a', 100));
    expect(broad).toEqual(['C104', 'C105', 'C103', 'C101']);
    expect(narrow).toEqual(['C105']);
    expect(listing).toEqual(['C104', 'C105', 'C103', 'C101', 'C102']);
  });

  it('refuses a cursor of another query, tenant or an altered one', async () => {
    // Prepare
    const { nextCursor } = await store.listCustomers('T1', { limit: 1 });

    // Act / Assess
    await expect(store.listCustomers('T2', { limit: 1, cursor: nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.listCustomers('T1', { query: 'aux', limit: 1, cursor: nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.listCustomers('T1', { limit: 1, cursor: `${nextCursor!}x` })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('indexes a profile stored before the directory existed', async () => {
    // Prepare: a profile item as the previous version wrote it (no name keys, no terms)
    await store.putCustomer(customer('T7', 'C1', { name: '老客户', domains: ['legacy.example.cn'] }));
    await store.deleteCustomer('T7', 'C1');
    const client = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    await client.send(new PutCommand({ TableName: hub.settings.tableName, Item: { PK: 'T#T7#C#C1', SK: 'PROFILE', GSI2PK: 'T#T7#CUSTOMERS', GSI2SK: 'normal#C1', ...customer('T7', 'C1', { name: '老客户', domains: ['legacy.example.cn'] }), version: 1 } }));
    const before = await store.listCustomers('T7', { limit: 10 });

    // Act
    const indexed = await reindexCustomerDirectory(hub.deps, 'T7');
    const again = await reindexCustomerDirectory(hub.deps, 'T7');
    const absent = await store.reindexCustomer('T7', 'C-NONE');

    // Assess
    expect(before.items).toEqual([]);
    expect([indexed, again, absent]).toEqual([1, 1, false]);
    expect(await allPages(store, 'T7')).toEqual(['C1']);
    expect(await allPages(store, 'T7', 'legacy')).toEqual(['C1']);
    expect(await allPages(store, 'T7', '客户')).toEqual(['C1']);
  });

  it('indexes only the unlisted profiles, and the daily sweep does it in both runtimes (AWS upgrades included)', async () => {
    // Prepare: in a tenant the hub serves, one listed customer and one profile written as the previous version did
    const tenantId = (await hub.deps.tenants.listTenants())[0]!.tenantId;
    await store.putCustomer(customer(tenantId, 'C-LISTED', { name: '现有客户' }));
    const client = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const legacy = (customerId: string, name: string) =>
      client.send(new PutCommand({ TableName: hub.settings.tableName, Item: { PK: `T#${tenantId}#C#${customerId}`, SK: 'PROFILE', GSI2PK: `T#${tenantId}#CUSTOMERS`, GSI2SK: `normal#${customerId}`, ...customer(tenantId, customerId, { name }), version: 1 } }));
    await legacy('C-OLD-1', 'Legacy Trading');
    await legacy('C-OLD-2', '旧时光贸易');

    // Act
    const unlisted = await store.listUnlistedCustomerIds(tenantId);
    const indexed = await indexUnlistedCustomers(hub.deps, tenantId);
    await legacy('C-OLD-3', 'Older Still Ltd');
    await sweepRetention(hub.deps);
    const afterSweep = await store.listUnlistedCustomerIds(tenantId);

    // Assess
    expect(unlisted.sort()).toEqual(['C-OLD-1', 'C-OLD-2']);
    expect(indexed).toBe(2);
    expect(afterSweep).toEqual([]);
    expect(await allPages(store, tenantId, 'legacy')).toEqual(['C-OLD-1']);
    expect(await allPages(store, tenantId, '旧时光')).toEqual(['C-OLD-2']);
    expect(await allPages(store, tenantId, 'older')).toEqual(['C-OLD-3']);
  });
});
