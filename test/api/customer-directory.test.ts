import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { canonicalInput } from '../support/records.js';
import { tableContents } from '../support/table-contents.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

const TENANT = 'T001';
const AUX = { id: 'C-AUX', name: '宁波奥克斯', domains: ['auxgroup.com'], emails: ['wang.gong@auxgroup.com'], owner: 'li.wei', priority: 'high' };
const HC = { id: 'C-HC', name: '杭州华诚化工', domains: ['huacheng-chem.com'] };
const TRADING = { id: 'C-TR', name: 'Ningbo AUX Trading Co.', emails: ['buyer@aux-trading.cn'] };

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  if (mentions) expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details)}`).toMatch(mentions);
}

describe('GET /v1/customers: the customer directory for the console (embedded hub, real local servers)', () => {
  let hub: RunningHub;
  let admin: string;
  let reader: string;
  const ids = (result: ApiResult) => (result.body.items as { customerId: string }[]).map((item) => item.customerId);
  const search = (q: string, token = reader) => callApi(hub, 'GET', `/v1/customers?q=${encodeURIComponent(q)}`, { token });

  beforeAll(async () => {
    // No record workflows: the test is about the directory, not analysis.
    hub = await startTestHub({ workflows: false });
    admin = tokenFor(hub, TENANT);
    reader = tokenFor(hub, TENANT, 'commhub/read', 'li.wei');
    for (const { id, ...profile } of [AUX, HC, TRADING]) {
      const put = await callApi(hub, 'PUT', `/v1/customers/${id}`, { token: admin, body: profile });
      expect(put.status, JSON.stringify(put.body)).toBe(201);
    }
  });
  afterAll(() => hub?.close());

  it('lists the customers sorted by name with a small summary, page by page with the signed cursor', async () => {
    // Act
    const first = await callApi(hub, 'GET', '/v1/customers?limit=2', { token: reader });
    const second = await callApi(hub, 'GET', `/v1/customers?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: reader });

    // Assess
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { customerId: 'C-TR', name: TRADING.name, domains: [], emails: TRADING.emails, priority: 'normal' },
      { customerId: 'C-AUX', name: AUX.name, domains: AUX.domains, emails: AUX.emails, owner: 'li.wei', priority: 'high' },
    ]);
    expect(second.body).toEqual({ items: [expect.objectContaining({ customerId: 'C-HC', name: HC.name })], nextCursor: null });
  });

  it('finds by part of a Chinese name, a domain, an email address and a Latin word, case-insensitively', async () => {
    // Act
    const [byName, byDomain, byEmail, byWord, byNothing] = await Promise.all([search('奥克斯'), search('auxgroup'), search('Wang.Gong@AuxGroup.com'), search('AUX'), search('不存在的公司')]);

    // Assess
    expect(byName.body).toEqual({ items: [expect.objectContaining({ customerId: 'C-AUX', name: '宁波奥克斯' })], nextCursor: null });
    expect(ids(byDomain)).toEqual(['C-AUX']);
    expect(ids(byEmail)).toEqual(['C-AUX']);
    expect(ids(byWord)).toEqual(['C-TR', 'C-AUX']);
    expect(byNothing.body).toEqual({ items: [], nextCursor: null });
  });

  it('follows a profile replace: the old name and domain no longer find the customer, the new ones do', async () => {
    // Prepare
    await callApi(hub, 'PUT', '/v1/customers/C-RN', { token: admin, body: { name: '甬江精密塑胶', domains: ['yongjiang-precision.com'] } });

    // Act
    const replaced = await callApi(hub, 'PUT', '/v1/customers/C-RN', { token: admin, body: { name: '宁海精工', domains: ['ninghai-tools.cn'] } });
    const [oldName, oldDomain, newName, newDomain] = await Promise.all([search('甬江'), search('yongjiang'), search('精工'), search('ninghai')]);

    // Assess
    expect(replaced.status).toBe(200);
    expect([ids(oldName), ids(oldDomain)]).toEqual([[], []]);
    expect([ids(newName), ids(newDomain)]).toEqual([['C-RN'], ['C-RN']]);
  });

  it('finds a customer by the address an assignment taught it', async () => {
    // Prepare: mail from a free-mail address nobody knows lands in the unmatched inbox
    const sender = 'xiao.zhou@163.com';
    const created = await callApi(hub, 'POST', '/v1/communications', { token: admin, body: canonicalInput({ sourceRecordId: 'dir-assign-1', participants: [{ role: 'from', email: sender, name: '小周' }] }) });
    const before = await search(sender);

    // Act
    const assigned = await callApi(hub, 'POST', `/v1/communications/${created.body.recordId}/assign`, { token: admin, body: { customerId: 'C-HC' } });
    const after = await search('xiao.zhou');

    // Assess
    expect([created.status, assigned.status]).toEqual([201, 200]);
    expect(ids(before)).toEqual([]);
    expect(ids(after)).toEqual(['C-HC']);
    expect(after.body.items[0].emails).toEqual([]);
  });

  it("shows another tenant none of these customers, whatever it searches", async () => {
    // Prepare
    const stranger = tokenFor(hub, 'T002', 'commhub/read');

    // Act
    const [listing, byName, byDomain] = await Promise.all([callApi(hub, 'GET', '/v1/customers', { token: stranger }), search('奥克斯', stranger), search('auxgroup.com', stranger)]);

    // Assess
    for (const result of [listing, byName, byDomain]) expect(result.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers bad input with a 400 naming the parameter (a blank q lists all), and a foreign or altered cursor with INVALID_CURSOR', async () => {
    // Prepare
    const page = await callApi(hub, 'GET', '/v1/customers?limit=1', { token: reader });

    // Act
    const [blank, punctuation, tooLong, badLimit, unknown] = await Promise.all([
      search('   ', admin),
      search('@-.'),
      search('奥'.repeat(101)),
      callApi(hub, 'GET', '/v1/customers?limit=500', { token: reader }),
      callApi(hub, 'GET', '/v1/customers?name=aux', { token: reader }),
    ]);
    const otherQuery = await callApi(hub, 'GET', `/v1/customers?q=aux&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: reader });
    const otherTenant = await callApi(hub, 'GET', `/v1/customers?cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: tokenFor(hub, 'T002') });

    // Assess
    // A cleared search box lists everyone.
    expect(blank.body.items.length).toBeGreaterThanOrEqual(3);
    expectError(punctuation, 400, 'VALIDATION_FAILED', /q has no letter or digit.*part of a name, a domain or an email address/);
    expectError(tooLong, 400, 'VALIDATION_FAILED', /q/);
    expectError(badLimit, 400, 'VALIDATION_FAILED', /limit/);
    expectError(unknown, 400, 'VALIDATION_FAILED', /name/);
    expectError(otherQuery, 400, 'INVALID_CURSOR');
    expectError(otherTenant, 400, 'INVALID_CURSOR');
  });

  it('forgets a deleted customer: no listing or search finds it, and no directory item is left in the table', async () => {
    // Prepare
    await callApi(hub, 'PUT', '/v1/customers/C-GONE', { token: admin, body: { name: '即将删除科技', domains: ['soon-gone.example.cn'], emails: ['boss@soon-gone.example.cn'] } });
    expect(ids(await search('删除'))).toEqual(['C-GONE']);

    // Act
    const deleted = await callApi(hub, 'DELETE', '/v1/customers/C-GONE', { token: admin });
    const [byName, byDomain, listing] = await Promise.all([search('删除'), search('soon-gone'), callApi(hub, 'GET', '/v1/customers?limit=100', { token: reader })]);

    // Assess
    expect(deleted.status).toBe(200);
    expect(deleted.body.removed.searchTerms).toBeGreaterThan(6);
    expect([ids(byName), ids(byDomain)]).toEqual([[], []]);
    expect(ids(listing)).not.toContain('C-GONE');
    // The audit trail keeps the id as a target by design; no other item may name the customer.
    const left = (await tableContents(hub)).filter(({ item, text }) => !String(item.PK).startsWith('AUDIT') && (text.includes('C-GONE') || text.includes('即将删除') || text.includes('soon-gone')));
    expect(left).toEqual([]);
  });
});
