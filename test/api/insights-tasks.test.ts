import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { Insight } from '../../functions/core/model/insight.js';
import type { Task } from '../../functions/core/model/task.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

const TENANT = 'T001';
const CUSTOMER = 'CUST-INS';

const insight = (insightId: string, createdAt: string, type: Insight['type'], status: Insight['status'] = 'new'): Insight => ({
  insightId,
  tenantId: TENANT,
  customerId: CUSTOMER,
  type,
  title: `${type} ${insightId}`,
  detail: '30 天沟通 2 次，基线 8 次',
  status,
  confidence: 0.8,
  importance: 'high',
  relatedRecordIds: [],
  data: {},
  createdAt,
  updatedAt: createdAt,
});

const task = (taskId: string, dueAt: string, assignee: string, customerId: string | null = CUSTOMER): Task => ({
  taskId,
  tenantId: TENANT,
  customerId,
  title: `回复报价 ${taskId}`,
  assignee,
  dueAt,
  status: 'open',
  priority: 'medium',
  createdAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
});

const ids = (result: ApiResult, key: 'insightId' | 'taskId') => result.body.items.map((item: Record<string, string>) => item[key]);

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  if (mentions) expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details)}`).toMatch(mentions);
}

describe('insights and tasks API (embedded hub, real local servers)', () => {
  let hub: RunningHub;
  let admin: string;
  let li: string;
  let zhang: string;
  let otherTenant: string;

  beforeAll(async () => {
    // Items are seeded through the store: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
    admin = tokenFor(hub, TENANT);
    li = tokenFor(hub, TENANT, 'commhub/read', 'li.wei');
    zhang = tokenFor(hub, TENANT, 'commhub/read', 'zhang.min');
    otherTenant = tokenFor(hub, 'T002', 'commhub/read', 'li.wei');
    expect((await callApi(hub, 'PUT', `/v1/customers/${CUSTOMER}`, { token: admin, body: { name: '华东塑业' } })).status).toBe(201);
    expect((await callApi(hub, 'PUT', '/v1/customers/CUST-QUIET', { token: admin, body: { name: '无消息客户' } })).status).toBe(201);
    const store = hub.deps.workItems;
    await store.putInsight(insight('I-1', '2024-06-01T00:00:00.000Z', 'risk'));
    await store.putInsight(insight('I-2', '2024-06-02T00:00:00.000Z', 'opportunity'));
    await store.putInsight(insight('I-3', '2024-06-03T00:00:00.000Z', 'risk', 'dismissed'));
    await store.putInsight(insight('I-4', '2024-06-04T00:00:00.000Z', 'risk'));
    await store.putInsight(insight('I-5', '2024-06-05T00:00:00.000Z', 'marketing'));
    await store.putInsight(insight('I-LIFE', '2024-05-01T00:00:00.000Z', 'risk'));
    await store.putTask(task('K-1', '2024-06-10T00:00:00.000Z', 'li.wei'));
    await store.putTask(task('K-2', '2024-06-08T00:00:00.000Z', 'li.wei'));
    await store.putTask(task('K-3', '2024-06-09T00:00:00.000Z', 'zhang.min'));
    await store.putTask(task('K-4', '2024-06-07T00:00:00.000Z', 'li.wei', null));
  });
  afterAll(() => hub?.close());

  it('lists a customer insights newest first, filtered by type and status, in signed pages', async () => {
    // Act
    const all = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?limit=50`, { token: li });
    const risks = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?type=risk&status=new,read`, { token: li });
    const first = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?limit=2&type=risk,opportunity,marketing`, { token: li });
    const cursor = encodeURIComponent(first.body.nextCursor);
    const second = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?limit=2&type=risk,opportunity,marketing&cursor=${cursor}`, { token: li });
    const altered = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?limit=2&type=risk,opportunity,marketing&cursor=A${cursor}`, { token: li });
    const otherFilter = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?limit=2&type=risk&cursor=${cursor}`, { token: li });
    const quiet = await callApi(hub, 'GET', '/v1/customers/CUST-QUIET/insights', { token: li });
    const unknown = await callApi(hub, 'GET', '/v1/customers/CUST-NONE/insights', { token: li });
    const foreign = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights`, { token: otherTenant });

    // Assess
    expect(ids(all, 'insightId')).toEqual(['I-5', 'I-4', 'I-3', 'I-2', 'I-1', 'I-LIFE']);
    expect(all.body.nextCursor).toBeNull();
    expect(ids(risks, 'insightId')).toEqual(['I-4', 'I-1', 'I-LIFE']);
    expect(ids(first, 'insightId')).toEqual(['I-5', 'I-4']);
    expect(ids(second, 'insightId')).toEqual(['I-3', 'I-2']);
    expectError(altered, 400, 'INVALID_CURSOR');
    expectError(otherFilter, 400, 'INVALID_CURSOR');
    expect(quiet).toEqual({ status: 200, body: { items: [], nextCursor: null } });
    expectError(unknown, 404, 'NOT_FOUND', /CUST-NONE/);
    expectError(foreign, 404, 'NOT_FOUND');
  });

  it('moves an insight new → read → dismissed recording who, when and the note; repeats are idempotent, going back is 409', async () => {
    // Prepare
    const before = new Date().toISOString();

    // Act
    const read = await callApi(hub, 'PATCH', '/v1/insights/I-LIFE', { token: li, body: { status: 'read' } });
    const dismissed = await callApi(hub, 'PATCH', '/v1/insights/I-LIFE', { token: zhang, body: { status: 'dismissed', note: '已电话确认，无需跟进' } });
    const repeated = await callApi(hub, 'PATCH', '/v1/insights/I-LIFE', { token: zhang, body: { status: 'dismissed', note: '已电话确认，无需跟进' } });
    const back = await callApi(hub, 'PATCH', '/v1/insights/I-LIFE', { token: li, body: { status: 'read' } });
    const acted = await callApi(hub, 'PATCH', '/v1/insights/I-LIFE', { token: li, body: { status: 'acted' } });
    const foreign = await callApi(hub, 'PATCH', '/v1/insights/I-2', { token: otherTenant, body: { status: 'read' } });
    const unknown = await callApi(hub, 'PATCH', '/v1/insights/I-NONE', { token: li, body: { status: 'read' } });

    // Assess
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ insightId: 'I-LIFE', status: 'read', handledBy: 'li.wei' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', handledBy: 'zhang.min', handlingNote: '已电话确认，无需跟进' });
    expect(dismissed.body.handledAt >= before && dismissed.body.handledAt <= new Date().toISOString()).toBe(true);
    expect(dismissed.body.updatedAt).toBe(dismissed.body.handledAt);
    expect(repeated).toEqual({ status: 200, body: dismissed.body });
    expectError(back, 409, 'INVALID_TRANSITION', /dismissed.*read/);
    expectError(acted, 409, 'INVALID_TRANSITION', /final/);
    expect(back.body.error.details).toEqual([{ path: 'status', message: expect.any(String) }]);
    expectError(foreign, 404, 'NOT_FOUND');
    expectError(unknown, 404, 'NOT_FOUND', /I-NONE/);
    expect(await hub.deps.workItems.getInsight(TENANT, 'I-2')).toMatchObject({ status: 'new' });
  });

  it('rejects bad bodies and queries with 400 naming the field', async () => {
    // Act
    const results = {
      backToNew: await callApi(hub, 'PATCH', '/v1/insights/I-2', { token: li, body: { status: 'new' } }),
      insightUnknownField: await callApi(hub, 'PATCH', '/v1/insights/I-2', { token: li, body: { status: 'read', handledBy: 'someone' } }),
      insightNoStatus: await callApi(hub, 'PATCH', '/v1/insights/I-2', { token: li, body: { note: 'x' } }),
      taskEmpty: await callApi(hub, 'PATCH', '/v1/tasks/K-3', { token: li, body: {} }),
      taskBadDue: await callApi(hub, 'PATCH', '/v1/tasks/K-3', { token: li, body: { dueAt: 'tomorrow' } }),
      taskBadStatus: await callApi(hub, 'PATCH', '/v1/tasks/K-3', { token: li, body: { status: 'finished' } }),
      taskUnknownField: await callApi(hub, 'PATCH', '/v1/tasks/K-3', { token: li, body: { status: 'done', completedAt: '2024-06-01T00:00:00Z' } }),
      tasksNoOwner: await callApi(hub, 'GET', '/v1/tasks?status=open', { token: li }),
      tasksBadStatus: await callApi(hub, 'GET', '/v1/tasks?assignee=me&status=closed', { token: li }),
      insightsBadType: await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?type=gossip`, { token: li }),
      insightsUnknownParam: await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?severity=high`, { token: li }),
    };

    // Assess
    expectError(results.backToNew, 400, 'VALIDATION_FAILED', /status/);
    expectError(results.insightUnknownField, 400, 'VALIDATION_FAILED', /handledBy/);
    expectError(results.insightNoStatus, 400, 'VALIDATION_FAILED', /status/);
    expectError(results.taskEmpty, 400, 'VALIDATION_FAILED', /at least one of status, assignee, dueAt, note/);
    expectError(results.taskBadDue, 400, 'VALIDATION_FAILED', /dueAt/);
    expectError(results.taskBadStatus, 400, 'VALIDATION_FAILED', /status/);
    expectError(results.taskUnknownField, 400, 'VALIDATION_FAILED', /completedAt/);
    expectError(results.tasksNoOwner, 400, 'VALIDATION_FAILED', /assignee/);
    expectError(results.tasksBadStatus, 400, 'VALIDATION_FAILED', /status/);
    expectError(results.insightsBadType, 400, 'VALIDATION_FAILED', /type/);
    expectError(results.insightsUnknownParam, 400, 'VALIDATION_FAILED', /severity/);
  });

  it('lists tasks by assignee=me, by customer, by both, filtered by status and paginated', async () => {
    // Act
    const mine = await callApi(hub, 'GET', '/v1/tasks?assignee=me&status=open', { token: li });
    const firstPage = await callApi(hub, 'GET', '/v1/tasks?assignee=me&limit=2', { token: li });
    const nextPage = await callApi(hub, 'GET', `/v1/tasks?assignee=me&limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, { token: li });
    const byCustomer = await callApi(hub, 'GET', `/v1/tasks?customerId=${CUSTOMER}`, { token: zhang });
    const both = await callApi(hub, 'GET', `/v1/tasks?customerId=${CUSTOMER}&assignee=zhang.min&status=open,in_progress`, { token: li });
    const unknownCustomer = await callApi(hub, 'GET', '/v1/tasks?customerId=CUST-NONE', { token: li });
    const foreign = await callApi(hub, 'GET', '/v1/tasks?assignee=li.wei', { token: otherTenant });

    // Assess
    expect(ids(mine, 'taskId')).toEqual(['K-4', 'K-2', 'K-1']);
    expect(ids(firstPage, 'taskId')).toEqual(['K-4', 'K-2']);
    expect(ids(nextPage, 'taskId')).toEqual(['K-1']);
    expect(nextPage.body.nextCursor).toBeNull();
    expect(ids(byCustomer, 'taskId')).toEqual(['K-2', 'K-3', 'K-1']);
    expect(ids(both, 'taskId')).toEqual(['K-3']);
    expectError(unknownCustomer, 404, 'NOT_FOUND', /CUST-NONE/);
    expect(foreign.body).toEqual({ items: [], nextCursor: null });
  });

  it('reassigns a task between assignee lists, completes it with completedAt, refuses a forbidden move and reopens it', async () => {
    // Prepare
    await hub.deps.workItems.putTask(task('K-MOVE', '2024-06-20T00:00:00.000Z', 'li.wei'));

    // Act
    const taken = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: zhang, body: { assignee: 'me', status: 'in_progress', note: '我来跟进' } });
    const liOpen = await callApi(hub, 'GET', '/v1/tasks?assignee=li.wei', { token: li });
    const zhangWorking = await callApi(hub, 'GET', '/v1/tasks?assignee=me&status=in_progress', { token: zhang });
    const done = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: zhang, body: { status: 'done' } });
    const doneAgain = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: zhang, body: { status: 'done' } });
    const forbidden = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: zhang, body: { status: 'in_progress' } });
    const zhangDone = await callApi(hub, 'GET', '/v1/tasks?assignee=me&status=done', { token: zhang });
    const reopened = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: li, body: { status: 'open', dueAt: '2024-06-21T09:00:00+08:00' } });
    const foreign = await callApi(hub, 'PATCH', '/v1/tasks/K-MOVE', { token: otherTenant, body: { status: 'cancelled' } });
    const unknown = await callApi(hub, 'PATCH', '/v1/tasks/K-NONE', { token: li, body: { status: 'done' } });

    // Assess
    expect(taken.body).toMatchObject({ taskId: 'K-MOVE', assignee: 'zhang.min', status: 'in_progress', note: '我来跟进', updatedBy: 'zhang.min' });
    expect(ids(liOpen, 'taskId')).not.toContain('K-MOVE');
    expect(ids(zhangWorking, 'taskId')).toEqual(['K-MOVE']);
    expect(done.body).toMatchObject({ status: 'done', completedAt: done.body.updatedAt });
    expect(doneAgain).toEqual({ status: 200, body: done.body });
    expectError(forbidden, 409, 'INVALID_TRANSITION', /done.*in_progress/);
    expect(ids(zhangDone, 'taskId')).toEqual(['K-MOVE']);
    expect(reopened.body).toMatchObject({ status: 'open', dueAt: '2024-06-21T01:00:00.000Z', updatedBy: 'li.wei' });
    expect(reopened.body.completedAt).toBeUndefined();
    expectError(foreign, 404, 'NOT_FOUND');
    expectError(unknown, 404, 'NOT_FOUND', /K-NONE/);
    expect(await hub.deps.workItems.getTask(TENANT, 'K-MOVE')).toMatchObject({ status: 'open', assignee: 'zhang.min' });
  });
});
