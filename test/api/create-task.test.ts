import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import { followUpDueAt } from '../../functions/core/model/follow-up-due.js';
import type { Task } from '../../functions/core/model/task.js';
import { createTask, idempotentTaskId } from '../../functions/core/use-cases/create-task.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

const TENANT = 'T001';
const OWNED = 'C-TASK-OWNED';
const UNOWNED = 'C-TASK-FREE';

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  if (mentions) expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details)}`).toMatch(mentions);
}

describe('POST /v1/tasks: staff create tasks (embedded hub, real local servers)', () => {
  let hub: RunningHub;
  let zhang: string;
  let li: string;
  const post = (body: unknown, token = zhang) => callApi(hub, 'POST', '/v1/tasks', { token, body });
  const taskIds = (result: ApiResult) => (result.body.items as Task[]).map((task) => task.taskId);

  beforeAll(async () => {
    hub = await startTestHub({ workflows: false });
    const admin = tokenFor(hub, TENANT);
    zhang = tokenFor(hub, TENANT, 'commhub/read', 'zhang.min');
    li = tokenFor(hub, TENANT, 'commhub/read', 'li.wei');
    expect((await callApi(hub, 'PUT', `/v1/customers/${OWNED}`, { token: admin, body: { name: '宁波奥克斯', owner: 'li.wei' } })).status).toBe(201);
    expect((await callApi(hub, 'PUT', `/v1/customers/${UNOWNED}`, { token: admin, body: { name: '杭州华诚化工' } })).status).toBe(201);
    // What tasks name as their source: reports of the tenant, an insight about OWNED
    const at = new Date().toISOString();
    const period = { start: at, end: at, timeZone: 'Asia/Shanghai' };
    for (const reportId of ['RPT-weekly-1', 'RPT-1', 'RPT-2']) await hub.deps.reports.createReport({ reportId, tenantId: TENANT, type: 'weekly', status: 'ready', period, trigger: 'api', createdAt: at, updatedAt: at });
    await hub.deps.reports.createReport({ reportId: 'RPT-T002', tenantId: 'T002', type: 'weekly', status: 'ready', period, trigger: 'api', createdAt: at, updatedAt: at });
    const insight = { tenantId: TENANT, type: 'risk' as const, title: '沟通频率下降', detail: '', status: 'new' as const, confidence: 0.8, importance: 'high' as const, relatedRecordIds: [], data: {}, createdAt: at, updatedAt: at };
    await hub.deps.workItems.putInsight({ ...insight, insightId: 'RISK-C-1', customerId: OWNED });
    await hub.deps.workItems.putInsight({ ...insight, insightId: 'RISK-FREE-1', customerId: UNOWNED });
  });
  afterAll(() => hub?.close());

  it("creates an open task for the customer's owner, due one business day later, listed for the customer and the owner", async () => {
    // Prepare
    const before = new Date();

    // Act
    const created = await post({ customerId: OWNED, title: '跟进报价单', detail: '周报行动项：确认 PCR-ABS 50 吨含税价', source: { reportId: 'RPT-weekly-1' } });
    const after = new Date();
    const byCustomer = await callApi(hub, 'GET', `/v1/tasks?customerId=${OWNED}`, { token: zhang });
    const mine = await callApi(hub, 'GET', '/v1/tasks?assignee=me', { token: li });

    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const task = created.body.task as Task;
    expect(created.body).toEqual({ task });
    expect(task).toMatchObject({ tenantId: TENANT, customerId: OWNED, title: '跟进报价单', assignee: 'li.wei', status: 'open', priority: 'medium', createdBy: 'zhang.min', source: { reportId: 'RPT-weekly-1' } });
    expect(task.taskId).toMatch(/^TASK-/);
    expect(task.dueAt >= followUpDueAt('medium', before, 'Asia/Shanghai') && task.dueAt <= followUpDueAt('medium', after, 'Asia/Shanghai'), task.dueAt).toBe(true);
    expect(taskIds(byCustomer)).toContain(task.taskId);
    expect(taskIds(mine)).toContain(task.taskId);
  });

  it('assigns to the caller without an owner or for "me", and to whoever is named; keeps a given due time', async () => {
    // Act
    const unowned = await post({ customerId: UNOWNED, title: '寄送样品' });
    const me = await post({ customerId: OWNED, title: '我来跟进', assignee: 'me', priority: 'high', dueAt: '2030-01-02T09:00:00+08:00' });
    const named = await post({ customerId: OWNED, title: '交给王工', assignee: 'wang.gong@demo-materials.cn', priority: 'low' });

    // Assess
    expect(unowned.body.task).toMatchObject({ assignee: 'zhang.min', priority: 'medium' });
    expect(me.body.task).toMatchObject({ assignee: 'zhang.min', priority: 'high', dueAt: '2030-01-02T01:00:00.000Z' });
    expect(named.body.task).toMatchObject({ assignee: 'wang.gong@demo-materials.cn', priority: 'low' });
  });

  it('makes one task per idempotency key: a repeat — even 10 at once — is 200 with the same task and duplicate: true', async () => {
    // Act
    const body = { customerId: OWNED, title: '洞察：沟通频率下降，安排拜访', source: { insightId: 'RISK-C-1' }, idempotencyKey: 'insight-RISK-C-1' };
    const first = await post(body);
    const repeats = await Promise.all(Array.from({ length: 10 }, () => post(body)));
    const listed = await callApi(hub, 'GET', `/v1/tasks?customerId=${OWNED}&limit=100`, { token: zhang });

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.task.taskId).toBe(idempotentTaskId('insight-RISK-C-1'));
    for (const repeat of repeats) expect(repeat).toEqual({ status: 200, body: { task: first.body.task, duplicate: true } });
    expect(taskIds(listed).filter((id) => id === first.body.task.taskId)).toHaveLength(1);
  });

  it('answers 409 naming what differs when a key is reused for a different task, and keeps the first one', async () => {
    // Prepare
    const first = await post({ customerId: OWNED, title: '报价跟进', priority: 'high', source: { reportId: 'RPT-1' }, idempotencyKey: 'report-RPT-1-action-1' });

    // Act
    const otherTitle = await post({ customerId: OWNED, title: '另一件事', priority: 'high', source: { reportId: 'RPT-1' }, idempotencyKey: 'report-RPT-1-action-1' });
    const otherSource = await post({ customerId: OWNED, title: '报价跟进', priority: 'low', source: { reportId: 'RPT-2' }, idempotencyKey: 'report-RPT-1-action-1' });
    // Reassigned since: a retry of the first request is still that request
    await callApi(hub, 'PATCH', `/v1/tasks/${first.body.task.taskId}`, { token: zhang, body: { assignee: 'wang.gong@demo-materials.cn' } });
    const retry = await post({ customerId: OWNED, title: '报价跟进', priority: 'high', source: { reportId: 'RPT-1' }, idempotencyKey: 'report-RPT-1-action-1' });

    // Assess
    expect(otherTitle).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: 'idempotency key already used for a different task (title differ)' } } });
    expect(otherSource.status).toBe(409);
    expect(otherSource.body.error.message).toBe('idempotency key already used for a different task (priority, source differ)');
    expect(retry).toMatchObject({ status: 200, body: { duplicate: true, task: { taskId: first.body.task.taskId, title: '报价跟进', assignee: 'wang.gong@demo-materials.cn' } } });
  });

  it('refuses a source that is not there (404, another tenant\'s alike) or is about another customer (400 naming the field)', async () => {
    // Act
    const unknownReport = await post({ customerId: OWNED, title: '跟进', source: { reportId: 'RPT-NONE' } });
    const theirReport = await post({ customerId: OWNED, title: '跟进', source: { reportId: 'RPT-T002' } });
    const unknownRecord = await post({ customerId: OWNED, title: '跟进', source: { recordId: 'WX-20240617-0000000000000000000000000' } });
    const otherCustomers = await post({ customerId: OWNED, title: '跟进', source: { insightId: 'RISK-FREE-1' } });

    // Assess
    expectError(unknownReport, 404, 'NOT_FOUND', /source report RPT-NONE not found/);
    expect(theirReport.body).toEqual({ error: { ...unknownReport.body.error, message: 'source report RPT-T002 not found' } });
    expectError(unknownRecord, 404, 'NOT_FOUND', /source communication/);
    expectError(otherCustomers, 400, 'VALIDATION_FAILED', /source\.insightId/);
  });

  it('keeps idempotency keys per tenant: the same key in another tenant makes that tenant its own task', async () => {
    // Prepare
    const other = tokenFor(hub, 'T002');
    await callApi(hub, 'PUT', `/v1/customers/${OWNED}`, { token: other, body: { name: 'T002 的客户' } });

    // Act
    const mine = await post({ customerId: OWNED, title: '同一个键', idempotencyKey: 'shared-key-1' });
    const theirs = await post({ customerId: OWNED, title: '同一个键', idempotencyKey: 'shared-key-1' }, other);

    // Assess
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.task).toMatchObject({ tenantId: 'T002', taskId: mine.body.task.taskId, assignee: 'tester' });
    expect((await callApi(hub, 'GET', `/v1/tasks?customerId=${OWNED}&limit=100`, { token: zhang })).body.items).toContainEqual(expect.objectContaining({ tenantId: TENANT, title: '同一个键' }));
  });

  it("answers 404 for an unknown customer and for another tenant's, with the same body", async () => {
    // Prepare
    await callApi(hub, 'PUT', '/v1/customers/C-ONLY-T003', { token: tokenFor(hub, 'T003'), body: { name: 'T003 客户' } });

    // Act
    const foreign = await post({ customerId: 'C-ONLY-T003', title: '越权' });
    const absent = await post({ customerId: 'C-NOBODY', title: '越权' });

    // Assess
    expectError(foreign, 404, 'NOT_FOUND');
    expect(JSON.stringify(foreign.body).replace('C-ONLY-T003', '<id>')).toBe(JSON.stringify(absent.body).replace('C-NOBODY', '<id>'));
  });

  it('accepts a customer known only by its records (no profile yet), assigning the caller', async () => {
    // Prepare
    const admin = tokenFor(hub, TENANT);
    expect((await callApi(hub, 'POST', '/v1/communications', { token: admin, body: canonicalInput({ sourceRecordId: 'task-records-only', customer: { id: 'C-RECORDS-ONLY' } }) })).status).toBe(201);

    // Act
    const created = await post({ customerId: 'C-RECORDS-ONLY', title: '补建档案' });

    // Assess
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ customerId: 'C-RECORDS-ONLY', assignee: 'zhang.min' });
  });

  it('refuses bad bodies with 400 naming each field', async () => {
    // Act
    const cases: Array<[unknown, RegExp]> = [
      [{ title: 'x' }, /customerId/],
      [{ customerId: OWNED }, /title/],
      [{ customerId: OWNED, title: '   ' }, /title/],
      [{ customerId: OWNED, title: 'x'.repeat(501) }, /title/],
      [{ customerId: OWNED, title: 'x', detail: 'x'.repeat(5001) }, /detail/],
      [{ customerId: OWNED, title: 'x', priority: 'urgent' }, /priority/],
      [{ customerId: OWNED, title: 'x', dueAt: '2024-06-15 10:00' }, /dueAt/],
      [{ customerId: OWNED, title: 'x', assignee: 'a\u0007b' }, /assignee/],
      [{ customerId: OWNED, title: 'x', idempotencyKey: 'k'.repeat(201) }, /idempotencyKey/],
      [{ customerId: OWNED, title: 'x', source: { reportId: 'R 1' } }, /source\.reportId/],
      [{ customerId: OWNED, title: 'x', source: { ticketId: 'T-1' } }, /ticketId/],
      [{ customerId: OWNED, title: 'x', status: 'done' }, /status/],
      [{ customerId: 'C#1', title: 'x' }, /customerId/],
    ];
    const results = await Promise.all(cases.map(([body]) => post(body)));

    // Assess
    results.forEach((result, i) => expectError(result, 400, 'VALIDATION_FAILED', cases[i]![1]));
  });

  it('audits each call with the task state and ids, never the title', async () => {
    // Act
    const created = await post({ customerId: OWNED, title: '机密标题不进审计', idempotencyKey: 'audit-1' });
    await post({ customerId: OWNED, title: '机密标题不进审计', idempotencyKey: 'audit-1' });
    const audit = await callApi(hub, 'GET', '/v1/audit?action=create-task', { token: tokenFor(hub, TENANT) });

    // Assess
    const entries = (audit.body.items as { outcome: number; targets: unknown[]; after?: Record<string, unknown> }[]).filter((entry) => JSON.stringify(entry.targets).includes(created.body.task.taskId));
    expect(entries.map((entry) => entry.outcome).sort()).toEqual([200, 201]);
    expect(entries[0]).toMatchObject({ targets: [{ type: 'task', id: created.body.task.taskId }, { type: 'customer', id: OWNED }], after: { status: 'open', assignee: 'li.wei', priority: 'medium' } });
    expect(JSON.stringify(audit.body)).not.toContain('机密标题');
  });

  it('sets the default due time by priority in the tenant zone, as follow-ups get it (Friday 15:00 Shanghai)', async () => {
    // Prepare
    const friday = new Date('2024-06-14T07:00:00.000Z');
    const deps: HubDependencies = new Proxy(hub.deps, { get: (target, port) => (port === 'clock' ? { now: () => friday } : Reflect.get(target, port)) });
    const make = (priority: Task['priority']) => createTask(deps, { tenantId: TENANT, principal: 'zhang.min', customerId: OWNED, title: `due ${priority}`, priority });

    // Act
    const [high, medium, low] = await Promise.all([make('high'), make('medium'), make('low')]);

    // Assess: 19:00 Friday; Monday 15:00; Wednesday 15:00
    expect([high.task.dueAt, medium.task.dueAt, low.task.dueAt]).toEqual(['2024-06-14T11:00:00.000Z', '2024-06-17T07:00:00.000Z', '2024-06-19T07:00:00.000Z']);
  });
});
