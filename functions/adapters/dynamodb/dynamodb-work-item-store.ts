import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { INSIGHT_TRANSITIONS, type Insight, type InsightStatus } from '../../core/model/insight.js';
import { isStatusChange } from '../../core/model/status-transition.js';
import { applyTaskChange, type TaskChange } from '../../core/model/task-change.js';
import type { Task, TaskStatus } from '../../core/model/task.js';
import type { Page, PageRequest } from '../../core/ports/page.js';
import type { InsightContent, InsightFilter, StatusChange, TaskFilter, WorkItemStore } from '../../core/ports/work-item-store.js';
import type { CursorCodec } from './cursor-codec.js';
import { ExpressionBuilder } from './expression-builder.js';
import { keys, withoutKeys } from './keys.js';
import { queryPartitionPage } from './paged-query.js';
import { TABLE_DESIGN } from './table-design.js';

const { byOwner, byFeed } = TABLE_DESIGN.indexes;
type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

/** A periodic run may rewrite a finding only while nobody has acted on or dismissed it. */
const REFRESHABLE_STATUSES: readonly InsightStatus[] = ['new', 'read'];
/** The attributes a task change may touch: the conditional write requires them as they were read. */
const TASK_CHANGE_ATTRIBUTES = ['status', 'assignee', 'dueAt', 'note', 'completedAt', 'updatedAt', 'updatedBy'] as const;

/** An ordered list inside one index partition, optionally narrowed by a filter built on the query's placeholders. */
interface OwnedList {
  readonly index: { readonly name: string; readonly partitionKey: string; readonly sortKey: string };
  readonly partition: string;
  /** Signs cursors to this list; includes the filter, so a cursor resumes only the query it came from. */
  readonly scope: string;
  readonly sortPrefix?: string;
  readonly ascending?: boolean;
  readonly filter?: (expressions: ExpressionBuilder) => string | undefined;
}

/** `base|name=a,b|…` for the non-empty parts of a filter, values sorted (order does not change the query). */
function scopeOf(base: string, filter: Readonly<Record<string, readonly string[] | string | undefined>>): string {
  const parts = Object.entries(filter)
    .map(([name, value]) => [name, [value ?? []].flat()] as const)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => `${name}=${[...values].sort().join(',')}`);
  return [base, ...parts].join('|');
}

/**
 * Insights and tasks on DynamoDB. Every change is read, decided in the core (state machine), then
 * written with a condition on what was read — so concurrent or repeated changes never skip the state
 * machine, a retry is safe, and no transaction is needed (the embedded DynamoDB has none). Repeating
 * a change that already happened returns the stored item unchanged.
 */
export class DynamoDbWorkItemStore implements WorkItemStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: CursorCodec,
  ) {}

  async putInsight(insight: Insight): Promise<Insight> {
    const { stored } = await this.putOnce<Insight>(keys.insight(insight.tenantId, insight.insightId), insight, {
      [byOwner.partitionKey]: keys.customerInsights(insight.tenantId, insight.customerId),
      [byOwner.sortKey]: `${insight.createdAt}#${insight.insightId}`,
    });
    return stored;
  }

  getInsight(tenantId: string, insightId: string): Promise<Insight | null> {
    return this.get<Insight>(keys.insight(tenantId, insightId));
  }

  listInsights(tenantId: string, customerId: string, page: PageRequest, filter: InsightFilter = {}): Promise<Page<Insight>> {
    return this.listOwned<Insight>(page, {
      index: byOwner,
      partition: keys.customerInsights(tenantId, customerId),
      scope: scopeOf(`insights|${tenantId}|${customerId}`, { type: filter.types, status: filter.statuses, cites: filter.relatedRecordId }),
      filter: (x) => {
        const cites = filter.relatedRecordId === undefined ? undefined : `contains(${x.name('relatedRecordIds')}, ${x.value(filter.relatedRecordId)})`;
        return [x.anyOf({ type: filter.types, status: filter.statuses }), cites].filter((clause) => clause !== undefined).join(' AND ') || undefined;
      },
    });
  }

  async changeInsightStatus(tenantId: string, insightId: string, change: StatusChange<InsightStatus>): Promise<Insight | null> {
    const key = keys.insight(tenantId, insightId);
    for (;;) {
      const current = await this.get<Insight>(key, true);
      if (!current) return null;
      if (!isStatusChange(`insight ${insightId}`, INSIGHT_TRANSITIONS, current.status, change.to)) return current;
      const handling = { status: change.to, updatedAt: change.at, handledBy: change.by, handledAt: change.at, ...(change.note === undefined ? {} : { handlingNote: change.note }) };
      const updated = await this.updateIf<Insight>(key, handling, (x) => x.unchanged(current, ['status']));
      // null: someone changed the status in between — decide again against what is stored now.
      if (updated) return updated;
    }
  }

  async refreshInsight(tenantId: string, insightId: string, content: InsightContent, at: string): Promise<Insight | null> {
    const key = keys.insight(tenantId, insightId);
    // Picked field by field: a whole Insight passed as content must not overwrite status or handling.
    const { title, detail, data, importance, confidence, relatedRecordIds } = content;
    const fields = { title, detail, data, importance, confidence, relatedRecordIds, updatedAt: at };
    const updated = await this.updateIf<Insight>(key, fields, (x) => `attribute_exists(${x.name('PK')}) AND ${x.anyOf({ status: REFRESHABLE_STATUSES })}`);
    return updated ?? this.get<Insight>(key, true);
  }

  async claimNotification(tenantId: string, insightId: string, at: string): Promise<boolean> {
    const claimed = await this.updateIf(keys.insight(tenantId, insightId), { notifiedAt: at }, (x) => `attribute_exists(${x.name('PK')}) AND attribute_not_exists(${x.name('notifiedAt')})`);
    return claimed !== null;
  }

  async releaseNotification(tenantId: string, insightId: string): Promise<void> {
    await this.updateIf(keys.insight(tenantId, insightId), { notifiedAt: undefined }, (x) => `attribute_exists(${x.name('PK')})`);
  }

  async forgetRelatedRecord(tenantId: string, insightId: string, recordId: string, at: string): Promise<Insight | null> {
    const key = keys.insight(tenantId, insightId);
    for (;;) {
      const current = await this.get<Insight>(key, true);
      if (!current?.relatedRecordIds.includes(recordId)) return current;
      const evidence = current.data.evidence_record_ids;
      const data = Array.isArray(evidence) ? { ...current.data, evidence_record_ids: evidence.filter((id) => id !== recordId) } : current.data;
      const fields = { relatedRecordIds: current.relatedRecordIds.filter((id) => id !== recordId), data, updatedAt: at };
      // Conditioned on what was read (`updatedAt` moves with every change): a concurrent change is re-read.
      const updated = await this.updateIf<Insight>(key, fields, (x) => x.unchanged(current, ['updatedAt']));
      if (updated) return updated;
    }
  }

  deleteInsight(tenantId: string, insightId: string): Promise<boolean> {
    return this.delete(keys.insight(tenantId, insightId));
  }

  deleteTask(tenantId: string, taskId: string): Promise<boolean> {
    return this.delete(keys.task(tenantId, taskId));
  }

  async putTask(task: Task): Promise<Task> {
    return (await this.createTask(task)).stored;
  }

  createTask(task: Task): Promise<{ stored: Task; created: boolean }> {
    return this.putOnce<Task>(keys.task(task.tenantId, task.taskId), task, this.taskIndexKeys(task));
  }

  getTask(tenantId: string, taskId: string): Promise<Task | null> {
    return this.get<Task>(keys.task(tenantId, taskId));
  }

  listTasksByAssignee(tenantId: string, assignee: string, status: TaskStatus | readonly TaskStatus[] | undefined, page: PageRequest): Promise<Page<Task>> {
    const statuses: readonly TaskStatus[] = [status ?? []].flat();
    // One status is a key prefix (`<status>#<dueAt>#<id>`); several are a filter on the whole partition.
    const [only] = statuses;
    return this.listOwned<Task>(page, {
      index: byFeed,
      partition: keys.assigneeTasks(tenantId, assignee),
      scope: scopeOf(`tasks|${tenantId}|A|${assignee}`, { status: statuses }),
      ascending: true,
      ...(statuses.length === 1 ? { sortPrefix: `${only}#` } : { filter: (x) => x.anyOf({ status: statuses }) }),
    });
  }

  listTasksByCustomer(tenantId: string, customerId: string, page: PageRequest, filter: TaskFilter = {}): Promise<Page<Task>> {
    const assignee = filter.assignee === undefined ? undefined : [filter.assignee];
    return this.listOwned<Task>(page, {
      index: byOwner,
      partition: keys.customerTasks(tenantId, customerId),
      scope: scopeOf(`tasks|${tenantId}|C|${customerId}`, { status: filter.statuses, assignee }),
      ascending: true,
      filter: (x) => x.anyOf({ status: filter.statuses, assignee }),
    });
  }

  async updateTask(tenantId: string, taskId: string, change: TaskChange): Promise<Task | null> {
    const key = keys.task(tenantId, taskId);
    for (;;) {
      const current = await this.get<Task>(key, true);
      if (!current) return null;
      const next = applyTaskChange(current, change);
      if (next === current) return current;
      const changed = Object.fromEntries(TASK_CHANGE_ATTRIBUTES.filter((name) => next[name] !== current[name]).map((name) => [name, next[name]]));
      // The index keys follow the task: a new assignee moves it to their list, a new status or due time re-sorts it.
      const updated = await this.updateIf<Task>(key, { ...changed, ...this.taskIndexKeys(next) }, (x) => x.unchanged(current, TASK_CHANGE_ATTRIBUTES));
      // null: changed by someone else since it was read — decide again against what is stored now.
      if (updated) return updated;
    }
  }

  changeTaskStatus(tenantId: string, taskId: string, change: StatusChange<TaskStatus>): Promise<Task | null> {
    return this.updateTask(tenantId, taskId, { status: change.to, by: change.by, at: change.at, ...(change.note === undefined ? {} : { note: change.note }) });
  }

  private taskIndexKeys(task: Task): Item {
    const customerKeys = task.customerId
      ? { [byOwner.partitionKey]: keys.customerTasks(task.tenantId, task.customerId), [byOwner.sortKey]: `${task.dueAt}#${task.taskId}` }
      : {};
    return {
      ...customerKeys,
      [byFeed.partitionKey]: keys.assigneeTasks(task.tenantId, task.assignee),
      [byFeed.sortKey]: `${task.status}#${task.dueAt}#${task.taskId}`,
    };
  }

  /** Puts `value` unless its key is taken; `created: false` and the stored item when it was. */
  private async putOnce<T>(key: Key, value: T, indexKeys: Item): Promise<{ stored: T; created: boolean }> {
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: { ...key, ...indexKeys, ...value }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return { stored: value, created: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { stored: (await this.get<T>(key, true)) ?? value, created: false };
    }
  }

  private async delete(key: Key): Promise<boolean> {
    const result = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnValues: 'ALL_OLD' }));
    return result.Attributes !== undefined;
  }

  private async get<T>(key: Key, consistent = false): Promise<T | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }));
    return result.Item ? withoutKeys<T>(result.Item) : null;
  }

  /** Sets `fields` (an `undefined` value removes the attribute) if `condition` holds; `null` when it did not. */
  private async updateIf<T>(key: Key, fields: Item, condition: (expressions: ExpressionBuilder) => string): Promise<T | null> {
    const x = new ExpressionBuilder();
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: x.update(fields),
          ConditionExpression: condition(x),
          ...x.placeholders(),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<T>(result.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  private async listOwned<T>(page: PageRequest, list: OwnedList): Promise<Page<T>> {
    const { index, partition, sortPrefix } = list;
    const x = new ExpressionBuilder();
    const partitionMatch = `${x.name(index.partitionKey)} = ${x.value(partition)}`;
    const keyCondition = sortPrefix === undefined ? partitionMatch : `${partitionMatch} AND begins_with(${x.name(index.sortKey)}, ${x.value(sortPrefix)})`;
    const filter = list.filter?.(x);
    const result = await queryPartitionPage(this.client, this.cursors, {
      input: {
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: keyCondition,
        ...(filter === undefined ? {} : { FilterExpression: filter }),
        ScanIndexForward: list.ascending ?? false,
        ...x.placeholders(),
      },
      keyNames: ['PK', 'SK', index.partitionKey, index.sortKey],
      partition: { name: index.partitionKey, value: partition },
      scope: list.scope,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((item) => withoutKeys<T>(item)), nextCursor: result.nextCursor };
  }
}
