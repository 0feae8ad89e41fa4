import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { ConflictError } from '../../functions/core/errors.js';
import type { Customer } from '../../functions/core/model/customer.js';
import { identifyCustomer } from '../../functions/core/use-cases/identify-customer.js';
import { startTestHub } from '../support/test-hub.js';

const NOW = '2024-06-01T00:00:00.000Z';

function customer(tenantId: string, customerId: string, fields: Partial<Customer> = {}): Customer {
  return {
    tenantId,
    customerId,
    name: customerId,
    domains: [],
    emails: [],
    phones: [],
    wecomUserIds: [],
    priority: 'normal',
    tags: [],
    createdAt: NOW,
    updatedAt: NOW,
    version: 0,
    ...fields,
  };
}

describe('customer store and identification (against the local DynamoDB-API server)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('routes by explicit id, then WeCom id, phone (E.164), email, company domain; never by free-mail domain', async () => {
    // Prepare
    const store = hub.deps.customers;
    await store.putCustomer(
      customer('T1', 'C-HD', { domains: ['huadong.com', 'qq.com'], emails: ['Li@HuaDong.com'], phones: ['138-0013-8000'], wecomUserIds: ['wmABC'] }),
    );
    await store.putCustomer(customer('T1', 'C-OTHER', { emails: ['boss@qq.com'] }));
    const match = (hint: Parameters<typeof identifyCustomer>[2], participants: Parameters<typeof identifyCustomer>[3] = []) =>
      identifyCustomer(store, 'T1', hint, participants);
    // Act / Assess
    expect(await match({ id: 'C-EXPLICIT', email: 'li@huadong.com' })).toEqual({ customerId: 'C-EXPLICIT', matchedBy: 'explicit' });
    expect(await match({ wecomUserId: 'wmABC' })).toEqual({ customerId: 'C-HD', matchedBy: 'wecom' });
    expect(await match({ phone: '+86 138 0013 8000' })).toEqual({ customerId: 'C-HD', matchedBy: 'phone' });
    expect(await match({ email: 'li@huadong.com' })).toEqual({ customerId: 'C-HD', matchedBy: 'email' });
    expect(await match(undefined, [{ email: 'someone.new@huadong.com', role: 'from' }])).toEqual({ customerId: 'C-HD', matchedBy: 'domain' });
    expect(await match({ email: 'boss@qq.com' })).toEqual({ customerId: 'C-OTHER', matchedBy: 'email' });
    expect(await match({ email: 'stranger@qq.com' })).toEqual({ customerId: null, matchedBy: 'unmatched' });
    expect(await match(undefined, [{ email: 'sales@ourcompany.com', staffId: 'S1', role: 'from' }])).toEqual({ customerId: null, matchedBy: 'unmatched' });
    expect(await match(undefined, [])).toEqual({ customerId: null, matchedBy: 'unmatched' });
  });

  it('refuses an identity another customer owns, naming it, and keeps both profiles intact', async () => {
    const store = hub.deps.customers;
    await store.putCustomer(customer('T2', 'C-1', { emails: ['a@one.com'] }));
    await expect(store.putCustomer(customer('T2', 'C-2', { emails: ['b@two.com', 'a@one.com'] }))).rejects.toThrow(ConflictError);
    await expect(store.putCustomer(customer('T2', 'C-2', { emails: ['a@one.com'] }))).rejects.toThrow(/email a@one.com/);
    const owners = await store.findCustomersByIdentities('T2', [
      { kind: 'email', value: 'a@one.com' },
      { kind: 'email', value: 'b@two.com' },
    ]);
    expect(owners.get('email:a@one.com')).toBe('C-1');
    expect(owners.has('email:b@two.com')).toBe(false);
  });

  it('releases identities a new version of the profile drops, and counts versions', async () => {
    const store = hub.deps.customers;
    const first = await store.putCustomer(customer('T3', 'C-1', { emails: ['old@x.com'] }));
    const second = await store.putCustomer(customer('T3', 'C-1', { emails: ['new@x.com'] }));
    expect([first.version, second.version]).toEqual([1, 2]);
    const owners = await store.findCustomersByIdentities('T3', [
      { kind: 'email', value: 'old@x.com' },
      { kind: 'email', value: 'new@x.com' },
    ]);
    expect([...owners.entries()]).toEqual([['email:new@x.com', 'C-1']]);
    await store.putCustomer(customer('T3', 'C-2', { emails: ['old@x.com'] }));
  });

  it('keeps identities per tenant: the same email can belong to a customer in each tenant', async () => {
    const store = hub.deps.customers;
    await store.putCustomer(customer('T4', 'C-1', { emails: ['shared@x.com'] }));
    await store.putCustomer(customer('T5', 'C-9', { emails: ['shared@x.com'] }));
    expect((await store.findCustomersByIdentities('T4', [{ kind: 'email', value: 'shared@x.com' }])).get('email:shared@x.com')).toBe('C-1');
    expect(await store.getCustomer('T4', 'C-9')).toBeNull();
  });

  it('learns only identities nobody owns yet', async () => {
    const store = hub.deps.customers;
    await store.putCustomer(customer('T6', 'C-1', { emails: ['taken@x.com'] }));
    const learned = await store.learnIdentities('T6', 'C-2', [
      { kind: 'email', value: 'taken@x.com' },
      { kind: 'phone', value: '+8613900000000' },
    ]);
    expect(learned).toEqual([{ kind: 'phone', value: '+8613900000000' }]);
  });
});
