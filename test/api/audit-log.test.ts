import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import type { AuditEntry } from '../../functions/core/ports/audit-log.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

const TENANT = 'T001';
/** The demo tenant's telephony secret (embedded/tenants.demo.json). */
const TELEPHONY_SECRET = 'demo-telephony-secret-change-me';
const SUBJECT = '询价 PCR-ABS 1000';
const CUSTOMER_NAME = '宁波奥克斯审计';

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body.error.code).toBe(code);
  if (mentions) expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details)}`).toMatch(mentions);
}

describe('audit log API (embedded hub, real local servers)', () => {
  let hub: RunningHub;
  let admin: string;
  let li: string;
  let entries: AuditEntry[];
  let recordId: string;

  beforeAll(async () => {
    // Prepare: a customer, a task, an unmatched record; then the calls under audit.
    hub = await startTestHub({ workflows: false });
    admin = tokenFor(hub, TENANT, undefined, 'admin.zhou');
    li = tokenFor(hub, TENANT, 'commhub/read commhub/ingest', 'li.wei');
    expect((await callApi(hub, 'PUT', '/v1/customers/CUST-AUD', { token: admin, body: { name: CUSTOMER_NAME, emails: ['buyer@aux-audit.cn'] } })).status).toBe(201);
    await hub.deps.workItems.putTask({
      taskId: 'K-AUD',
      tenantId: TENANT,
      customerId: 'CUST-AUD',
      title: '回复报价',
      assignee: 'li.wei',
      dueAt: '2024-06-10T00:00:00.000Z',
      status: 'open',
      priority: 'high',
      createdAt: '2024-06-01T00:00:00.000Z',
      updatedAt: '2024-06-01T00:00:00.000Z',
    });
    const ingested = await callApi(hub, 'POST', '/v1/communications', { token: li, body: canonicalInput({ sourceRecordId: 'aud-1', subject: SUBJECT, participants: [{ email: 'someone@qq.com', role: 'from' }] }) });
    expect(ingested.status).toBe(201);
    recordId = ingested.body.recordId;

    // Act
    expect((await callApi(hub, 'PATCH', '/v1/tasks/K-AUD', { token: li, body: { status: 'in_progress', assignee: 'zhang.min' } })).status).toBe(200);
    expect((await callApi(hub, 'POST', `/v1/communications/${recordId}/assign`, { token: li, body: { customerId: 'CUST-AUD' } })).status).toBe(200);
    expect((await callApi(hub, 'PATCH', '/v1/tasks/K-AUD', { token: li, body: { status: 'open' } })).status).toBe(200);
    expect((await callApi(hub, 'PATCH', '/v1/tasks/K-AUD', { token: li, body: { status: 'done' } })).status).toBe(200);
    expect((await callApi(hub, 'PATCH', '/v1/tasks/K-AUD', { token: li, body: { status: 'in_progress' } })).status).toBe(409);
    expect((await callApi(hub, 'PUT', '/v1/customers/CUST-LI', { token: li, body: { name: 'not allowed' } })).status).toBe(403);
    expect((await callApi(hub, 'PATCH', '/v1/tasks/K-AUD', { body: { status: 'open' } })).status).toBe(401);
    // Read-only calls and a signed webhook delivery: none of them is audited.
    expect((await callApi(hub, 'GET', '/v1/tasks?assignee=me', { token: li })).status).toBe(200);
    expect((await callApi(hub, 'GET', `/v1/communications/${recordId}`, { token: li })).status).toBe(200);
    const cdr = JSON.stringify({ callId: 'aud-call', caller: '138 0013 8000', callee: '400-810-8888', direction: 'inbound', startedAt: '2024-06-15T09:00:00+08:00' });
    const delivered = await callApi(hub, 'POST', `/v1/webhooks/${TENANT}/telephony`, {
      rawBody: cdr,
      headers: { 'content-type': 'application/json', 'x-commhub-signature': signCommHub(TELEPHONY_SECRET, Buffer.from(cdr), Math.floor(Date.now() / 1000)) },
    });
    expect(delivered.status, JSON.stringify(delivered.body)).toBeLessThan(300);

    const listed = await callApi(hub, 'GET', '/v1/audit?limit=100', { token: admin });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    entries = listed.body.items;
  });
  afterAll(() => hub?.close());

  it('records each mutating call once, newest first, with actor, request and outcome; reads, webhooks and 401s not at all', () => {
    // Assess
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['put-customer', 403],
      ['update-task', 409],
      ['update-task', 200],
      ['update-task', 200],
      ['assign-communication', 200],
      ['update-task', 200],
      ['create-communication', 201],
      ['put-customer', 201],
    ]);
    const [refused, conflict] = entries;
    expect(refused).toMatchObject({ tenantId: TENANT, actor: { principal: 'li.wei', scopes: ['commhub/read', 'commhub/ingest'] }, targets: [{ type: 'customer', id: 'CUST-LI' }] });
    expect(conflict).toMatchObject({ request: { method: 'PATCH', path: '/v1/tasks/K-AUD', requestId: expect.any(String) }, targets: [{ type: 'task', id: 'K-AUD' }] });
    expect(conflict?.after).toBeUndefined();
    expect(entries.every((entry) => entry.auditId && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });

  it('shows a task change and an assignment with their ids before and after', () => {
    // Assess
    const taskChange = entries.findLast((entry) => entry.action === 'update-task');
    const assignment = entries.find((entry) => entry.action === 'assign-communication');
    expect(taskChange).toMatchObject({
      actor: { principal: 'li.wei' },
      targets: [{ type: 'task', id: 'K-AUD' }],
      before: { status: 'open', assignee: 'li.wei', dueAt: '2024-06-10T00:00:00.000Z' },
      after: { status: 'in_progress', assignee: 'zhang.min', dueAt: '2024-06-10T00:00:00.000Z' },
    });
    expect(assignment).toMatchObject({
      request: { method: 'POST', path: `/v1/communications/${recordId}/assign` },
      targets: [{ type: 'communication', id: recordId }, { type: 'customer', id: 'CUST-AUD' }],
      before: { customerId: null },
      after: { customerId: 'CUST-AUD' },
    });
  });

  it('keeps ids and states only: no subject, body, customer name or email in any entry', () => {
    // Assess
    const text = JSON.stringify(entries);
    for (const secret of [SUBJECT, CUSTOMER_NAME, 'buyer@aux-audit.cn', 'someone@qq.com', '回复报价']) expect(text).not.toContain(secret);
  });

  it('filters by principal and action, and pages with a signed cursor', async () => {
    // Act
    const byLi = await callApi(hub, 'GET', '/v1/audit?principal=li.wei&action=update-task&limit=2', { token: admin });
    const next = await callApi(hub, 'GET', `/v1/audit?principal=li.wei&action=update-task&limit=2&cursor=${encodeURIComponent(byLi.body.nextCursor)}`, { token: admin });
    const otherQuery = await callApi(hub, 'GET', `/v1/audit?limit=2&cursor=${encodeURIComponent(byLi.body.nextCursor)}`, { token: admin });
    const future = await callApi(hub, 'GET', `/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`, { token: admin });

    // Assess
    expect(byLi.body.items.map((entry: AuditEntry) => entry.outcome)).toEqual([409, 200]);
    expect(next.body).toMatchObject({ items: [{ outcome: 200 }, { outcome: 200 }], nextCursor: null });
    expectError(otherQuery, 400, 'INVALID_CURSOR');
    expect(future.body).toEqual({ items: [], nextCursor: null });
  });

  it('is for admins of the tenant only: 403 without the admin scope, nothing of another tenant', async () => {
    // Act
    const readOnly = await callApi(hub, 'GET', '/v1/audit', { token: li });
    const otherTenant = await callApi(hub, 'GET', '/v1/audit', { token: tokenFor(hub, 'T002', 'commhub/admin', 'admin.zhou') });
    const anonymous = await callApi(hub, 'GET', '/v1/audit');

    // Assess
    expectError(readOnly, 403, 'FORBIDDEN', /commhub\/admin/);
    expect(otherTenant.body).toEqual({ items: [], nextCursor: null });
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['from=yesterday', /from/],
    ['to=2024-06-01', /to/],
    ['from=2024-06-02T00:00:00Z&to=2024-06-01T00:00:00Z', /from must not be after to/],
    ['limit=0', /limit/],
    ['limit=101', /limit/],
    ['action=DROP%20TABLE', /action/],
    ['principal=%07', /principal/],
    ['customerId=CUST-AUD', /customerId/],
  ])('answers 400 naming the problem for ?%s', async (query, mentions) => {
    // Act
    const result = await callApi(hub, 'GET', `/v1/audit?${query}`, { token: admin });

    // Assess
    expectError(result, 400, 'VALIDATION_FAILED', mentions);
  });

  it('answers 400 for a cursor that was altered', async () => {
    // Act
    const result = await callApi(hub, 'GET', '/v1/audit?cursor=eyJkYXkiOiIyMDI0In0.AAAA', { token: admin });

    // Assess
    expectError(result, 400, 'INVALID_CURSOR');
  });
});
