import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidTransitionError } from '../../core/errors.js';
import { INSIGHT_TRANSITIONS, type Insight, type InsightStatus } from '../../core/model/insight.js';
import { TASK_TRANSITIONS, type Task, type TaskStatus } from '../../core/model/task.js';
import type { Page, PageRequest } from '../../core/ports/page.js';
import type { StatusChange, WorkItemStore } from '../../core/ports/work-item-store.js';
import type { CursorCodec } from './cursor-codec.js';
import { keys, withoutKeys } from './keys.js';
import { queryPartitionPage } from './paged-query.js';
import { TABLE_DESIGN } from './table-design.js';

const { byOwner, byFeed } = TABLE_DESIGN.indexes;
type Item = Record<string, unknown>;

/**
 * Insights and tasks on DynamoDB. Status changes are conditional updates on the current status,
 * so concurrent or repeated changes never skip the state machine; repeating a change that already
 * happened is accepted (idempotent).
 */
export class DynamoDbWorkItemStore implements WorkItemStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: CursorCodec,
  ) {}

  putInsight(insight: Insight): Promise<Insight> {
    return this.putOnce<Insight>(keys.insight(insight.tenantId, insight.insightId), insight, {
      [byOwner.partitionKey]: keys.customerInsights(insight.tenantId, insight.customerId),
      [byOwner.sortKey]: `${insight.createdAt}#${insight.insightId}`,
    });
  }

  getInsight(tenantId: string, insightId: string): Promise<Insight | null> {
    return this.get<Insight>(keys.insight(tenantId, insightId));
  }

  listInsights(tenantId: string, customerId: string, page: PageRequest): Promise<Page<Insight>> {
    return this.listOwned<Insight>(byOwner, keys.customerInsights(tenantId, customerId), `insights|${tenantId}|${customerId}`, page);
  }

  changeInsightStatus(tenantId: string, insightId: string, change: StatusChange<InsightStatus>): Promise<Insight | null> {
    return this.changeStatus<Insight, InsightStatus>(keys.insight(tenantId, insightId), INSIGHT_TRANSITIONS, change, {
      handledBy: change.by,
      handledAt: change.at,
      ...(change.note === undefined ? {} : { handlingNote: change.note }),
    });
  }

  async claimNotification(tenantId: string, insightId: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.insight(tenantId, insightId),
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(notifiedAt)',
          UpdateExpression: 'SET notifiedAt = :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseNotification(tenantId: string, insightId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.insight(tenantId, insightId),
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: 'REMOVE notifiedAt',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  putTask(task: Task): Promise<Task> {
    return this.putOnce<Task>(keys.task(task.tenantId, task.taskId), task, this.taskIndexKeys(task));
  }

  getTask(tenantId: string, taskId: string): Promise<Task | null> {
    return this.get<Task>(keys.task(tenantId, taskId));
  }

  listTasksByAssignee(tenantId: string, assignee: string, status: TaskStatus | undefined, page: PageRequest): Promise<Page<Task>> {
    const prefix = status ? `${status}#` : undefined;
    return this.listOwned<Task>(byFeed, keys.assigneeTasks(tenantId, assignee), `tasks|${tenantId}|${assignee}|${status ?? ''}`, page, prefix, true);
  }

  listTasksByCustomer(tenantId: string, customerId: string, page: PageRequest): Promise<Page<Task>> {
    return this.listOwned<Task>(byOwner, keys.customerTasks(tenantId, customerId), `tasks|${tenantId}|C|${customerId}`, page, undefined, true);
  }

  changeTaskStatus(tenantId: string, taskId: string, change: StatusChange<TaskStatus>): Promise<Task | null> {
    const completed = change.to === 'done' ? { completedAt: change.at } : {};
    return this.changeStatus<Task, TaskStatus>(keys.task(tenantId, taskId), TASK_TRANSITIONS, change, completed, (task) =>
      this.taskIndexKeys({ ...task, status: change.to }),
    );
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

  private async putOnce<T>(key: { PK: string; SK: string }, value: T, indexKeys: Item): Promise<T> {
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: { ...key, ...indexKeys, ...value }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return value;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.get<T>(key, true)) ?? value;
    }
  }

  private async get<T>(key: { PK: string; SK: string }, consistent = false): Promise<T | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }));
    return result.Item ? withoutKeys<T>(result.Item) : null;
  }

  private async changeStatus<T extends { status: S; updatedAt: string }, S extends string>(
    key: { PK: string; SK: string },
    transitions: Readonly<Record<S, readonly S[]>>,
    change: StatusChange<S>,
    extra: Item,
    reindex?: (current: T) => Item,
  ): Promise<T | null> {
    const current = await this.get<T>(key, true);
    if (!current) return null;
    if (current.status === change.to) return current;
    if (!transitions[current.status].includes(change.to)) {
      throw new InvalidTransitionError(`status cannot change from ${current.status} to ${change.to}`);
    }
    const fields: Item = { status: change.to, updatedAt: change.at, ...extra, ...reindex?.(current) };
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':from': current.status };
    const sets = Object.entries(fields).map(([name, value], i) => {
      names[`#u${i}`] = name;
      values[`:u${i}`] = value;
      return `#u${i} = :u${i}`;
    });
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#u0 = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<T>(result.Attributes ?? {});
    } catch (error) {
      // Someone changed the status in between: decide again against what is stored now.
      if (error instanceof ConditionalCheckFailedException) return this.changeStatus(key, transitions, change, extra, reindex);
      throw error;
    }
  }

  private async listOwned<T>(
    index: { name: string; partitionKey: string; sortKey: string },
    partition: string,
    scope: string,
    page: PageRequest,
    sortPrefix?: string,
    ascending = false,
  ): Promise<Page<T>> {
    const result = await queryPartitionPage(this.client, this.cursors, {
      input: {
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ScanIndexForward: ascending,
        ExpressionAttributeNames: sortPrefix ? { '#pk': index.partitionKey, '#sk': index.sortKey } : { '#pk': index.partitionKey },
        ExpressionAttributeValues: sortPrefix ? { ':pk': partition, ':prefix': sortPrefix } : { ':pk': partition },
      },
      keyNames: ['PK', 'SK', index.partitionKey, index.sortKey],
      partition: { name: index.partitionKey, value: partition },
      scope,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((item) => withoutKeys<T>(item)), nextCursor: result.nextCursor };
  }
}
