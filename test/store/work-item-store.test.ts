import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { InvalidTransitionError } from '../../functions/core/errors.js';
import type { Insight } from '../../functions/core/model/insight.js';
import type { Task } from '../../functions/core/model/task.js';
import { startTestHub } from '../support/test-hub.js';

const insight = (insightId: string, createdAt: string): Insight => ({
  insightId,
  tenantId: 'T1',
  customerId: 'C-1',
  type: 'risk',
  title: '沟通频率下降',
  detail: '30-day communications 2 vs baseline 8',
  status: 'new',
  confidence: 0.8,
  importance: 'high',
  relatedRecordIds: [],
  data: {},
  createdAt,
  updatedAt: createdAt,
});

const task = (taskId: string, dueAt: string, assignee = 'zhang'): Task => ({
  taskId,
  tenantId: 'T1',
  customerId: 'C-1',
  title: '回复报价',
  assignee,
  dueAt,
  status: 'open',
  priority: 'high',
  createdAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
});

describe('insights and tasks (against the local DynamoDB-API server)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('moves an insight new → read → dismissed, refuses going back, and lists newest first', async () => {
    const store = hub.deps.workItems;
    await store.putInsight(insight('I-1', '2024-06-01T00:00:00.000Z'));
    await store.putInsight(insight('I-2', '2024-06-02T00:00:00.000Z'));
    const again = await store.putInsight({ ...insight('I-1', '2024-06-01T00:00:00.000Z'), title: 'changed' });
    expect(again.title).toBe('沟通频率下降');

    const read = await store.changeInsightStatus('T1', 'I-1', { to: 'read', by: 'li', at: '2024-06-03T00:00:00.000Z' });
    const dismissed = await store.changeInsightStatus('T1', 'I-1', { to: 'dismissed', by: 'li', at: '2024-06-03T01:00:00.000Z', note: '已电话确认' });
    const repeated = await store.changeInsightStatus('T1', 'I-1', { to: 'dismissed', by: 'li', at: '2024-06-03T02:00:00.000Z' });

    expect(read?.status).toBe('read');
    expect(dismissed).toMatchObject({ status: 'dismissed', handledBy: 'li', handlingNote: '已电话确认' });
    expect(repeated?.updatedAt).toBe('2024-06-03T01:00:00.000Z');
    await expect(store.changeInsightStatus('T1', 'I-1', { to: 'new' as never, by: 'li', at: 'x' })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await store.changeInsightStatus('T2', 'I-1', { to: 'read', by: 'x', at: 'x' })).toBeNull();
    const page = await store.listInsights('T1', 'C-1', { limit: 10 });
    expect(page.items.map((i) => i.insightId)).toEqual(['I-2', 'I-1']);
  });

  it('lists tasks by assignee and status (due soonest first) and re-indexes them on status change', async () => {
    const store = hub.deps.workItems;
    await store.putTask(task('K-2', '2024-06-10T00:00:00.000Z'));
    await store.putTask(task('K-1', '2024-06-05T00:00:00.000Z'));
    await store.putTask(task('K-3', '2024-06-07T00:00:00.000Z', 'wang'));

    const open = await store.listTasksByAssignee('T1', 'zhang', 'open', { limit: 10 });
    expect(open.items.map((t) => t.taskId)).toEqual(['K-1', 'K-2']);

    const done = await store.changeTaskStatus('T1', 'K-1', { to: 'done', by: 'zhang', at: '2024-06-04T00:00:00.000Z' });
    expect(done).toMatchObject({ status: 'done', completedAt: '2024-06-04T00:00:00.000Z' });
    expect((await store.listTasksByAssignee('T1', 'zhang', 'open', { limit: 10 })).items.map((t) => t.taskId)).toEqual(['K-2']);
    expect((await store.listTasksByAssignee('T1', 'zhang', 'done', { limit: 10 })).items.map((t) => t.taskId)).toEqual(['K-1']);
    expect((await store.listTasksByCustomer('T1', 'C-1', { limit: 10 })).items.map((t) => t.taskId)).toEqual(['K-1', 'K-3', 'K-2']);
    await expect(store.changeTaskStatus('T1', 'K-1', { to: 'in_progress', by: 'zhang', at: 'x' })).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('refreshes an insight content only while it is new or read, leaving status and handling alone', async () => {
    // Prepare
    const store = hub.deps.workItems;
    await store.putInsight(insight('I-FRESH', '2024-06-01T00:00:00.000Z'));
    await store.putInsight(insight('I-DONE', '2024-06-01T00:00:00.000Z'));
    await store.changeInsightStatus('T1', 'I-DONE', { to: 'dismissed', by: 'li', at: '2024-06-02T00:00:00.000Z', note: '误报' });
    const content = { title: '沟通频率继续下降', detail: '30-day communications 1 vs baseline 8', data: { trend: -0.88 }, importance: 'high' as const, confidence: 0.9, relatedRecordIds: ['R-9'] };

    // Act
    const fresh = await store.refreshInsight('T1', 'I-FRESH', content, '2024-06-03T00:00:00.000Z');
    await store.changeInsightStatus('T1', 'I-FRESH', { to: 'read', by: 'li', at: '2024-06-04T00:00:00.000Z' });
    // A whole insight passed as content (status 'new' included) must not reset the status.
    const whileRead = await store.refreshInsight('T1', 'I-FRESH', { ...insight('I-FRESH', 'x'), title: '再次刷新' }, '2024-06-05T00:00:00.000Z');
    const handled = await store.refreshInsight('T1', 'I-DONE', content, '2024-06-05T00:00:00.000Z');
    const absent = await store.refreshInsight('T1', 'I-NONE', content, '2024-06-05T00:00:00.000Z');
    const otherTenant = await store.refreshInsight('T2', 'I-FRESH', content, '2024-06-05T00:00:00.000Z');

    // Assess
    expect(fresh).toMatchObject({ ...content, status: 'new', createdAt: '2024-06-01T00:00:00.000Z', updatedAt: '2024-06-03T00:00:00.000Z' });
    expect(whileRead).toMatchObject({ title: '再次刷新', status: 'read', handledBy: 'li', updatedAt: '2024-06-05T00:00:00.000Z' });
    expect(handled).toMatchObject({ title: '沟通频率下降', status: 'dismissed', handlingNote: '误报', updatedAt: '2024-06-02T00:00:00.000Z' });
    expect(absent).toBeNull();
    expect(otherTenant).toBeNull();
    expect(await store.getInsight('T2', 'I-FRESH')).toBeNull();
  });

  it('reassigns a task between assignee lists and serialises conflicting task changes', async () => {
    // Prepare
    const store = hub.deps.workItems;
    await store.putTask(task('K-R', '2024-06-06T00:00:00.000Z'));

    // Act
    const moved = await store.updateTask('T1', 'K-R', { assignee: 'wang', dueAt: '2024-06-03T00:00:00.000Z', by: 'zhang', at: '2024-06-02T00:00:00.000Z' });
    const wangOpen = await store.listTasksByAssignee('T1', 'wang', ['open', 'in_progress'], { limit: 10 });
    const zhangAll = await store.listTasksByAssignee('T1', 'zhang', undefined, { limit: 10 });
    const results = await Promise.allSettled([
      store.updateTask('T1', 'K-R', { status: 'done', by: 'wang', at: '2024-06-03T00:00:00.000Z' }),
      store.updateTask('T1', 'K-R', { status: 'cancelled', by: 'li', at: '2024-06-03T00:00:00.000Z' }),
    ]);

    // Assess
    expect(moved).toMatchObject({ assignee: 'wang', dueAt: '2024-06-03T00:00:00.000Z', updatedBy: 'zhang' });
    expect(wangOpen.items.map((t) => t.taskId)).toEqual(['K-R', 'K-3']);
    expect(zhangAll.items.map((t) => t.taskId)).not.toContain('K-R');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(InvalidTransitionError)]);
  });

  it('serialises concurrent status changes: exactly one of two conflicting changes wins', async () => {
    const store = hub.deps.workItems;
    await store.putInsight(insight('I-RACE', '2024-06-01T00:00:00.000Z'));
    await store.changeInsightStatus('T1', 'I-RACE', { to: 'read', by: 'a', at: '2024-06-02T00:00:00.000Z' });
    const results = await Promise.allSettled([
      store.changeInsightStatus('T1', 'I-RACE', { to: 'acted', by: 'a', at: '2024-06-03T00:00:00.000Z' }),
      store.changeInsightStatus('T1', 'I-RACE', { to: 'dismissed', by: 'b', at: '2024-06-03T00:00:00.000Z' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(InvalidTransitionError)]);
  });
});
