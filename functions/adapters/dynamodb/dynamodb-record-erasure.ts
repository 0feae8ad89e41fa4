import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { identityHashOf } from '../../core/model/record-id.js';
import { DAY_TOUCH_INTERVAL_MS, type RecordDay, type RecordTombstone, type RetentionState, type ThreadPosition } from '../../core/ports/record-store.js';
import { keys } from './keys.js';
import { EXPIRY_ATTRIBUTE, FEED_SHARDS, TABLE_DESIGN } from './table-design.js';
import { queryEveryPage } from './query-every-page.js';

const { byFeed } = TABLE_DESIGN.indexes;

/** Tenant days a process remembers having noted before it forgets the stale ones. */
const TOUCHED_DAYS_KEPT = 10_000;

/** The attribute that makes a record item a tombstone. */
export const ERASED_AT = 'erasedAt';

/** `true` for the tombstone an erased record leaves at its key. */
export const isTombstone = (item: Record<string, unknown> | undefined): boolean => item !== undefined && typeof item[ERASED_AT] === 'string';

/** A conditional write that found its condition false did nothing: that is an answer, not an error. */
async function unlessConditionFails(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * The record store's erasure side on DynamoDB, which `DynamoDbRecordStore` extends (kept apart from
 * the read/write paths): tombstones, thread rewinds, the days a tenant has records on and the
 * retention sweep's state. A tombstone is a plain put at the record's key without index keys, so one
 * conditional write takes the record off the timeline, the unmatched inbox and the day feed at once
 * — and, being at the source identity's key, it is what a redelivery's `attribute_not_exists(PK)` put runs into.
 */
export class DynamoDbRecordErasure {
  /** When this process last noted each tenant's day (`<tenant>|<day>` → epoch ms). */
  private readonly touched = new Map<string, number>();

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  eraseRecord(tenantId: string, recordId: string, tombstone: RecordTombstone): Promise<boolean> {
    const hash = identityHashOf(recordId);
    if (!hash) return Promise.resolve(false);
    const expiry = tombstone.expiresAt === undefined ? {} : { [EXPIRY_ATTRIBUTE]: Math.floor(tombstone.expiresAt.getTime() / 1000) };
    return unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.record(tenantId, hash), recordId, tenantId, [ERASED_AT]: tombstone.erasedAt, erasedBecause: tombstone.reason, ...expiry },
          ConditionExpression: 'recordId = :recordId AND attribute_not_exists(#erased)',
          ExpressionAttributeNames: { '#erased': ERASED_AT },
          ExpressionAttributeValues: { ':recordId': recordId },
        }),
      ),
    );
  }

  async rewindThread(tenantId: string, threadId: string, from: string, to: ThreadPosition | null): Promise<void> {
    const key = keys.thread(tenantId, threadId);
    const condition = { ConditionExpression: 'recordId = :from', ExpressionAttributeValues: { ':from': from } };
    await unlessConditionFails(() =>
      to === null
        ? this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key, ...condition }))
        : this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...key, threadId, ...to }, ...condition })),
    );
  }

  async recordIdsOnDay(tenantId: string, day: string, before: string, limit: number): Promise<string[]> {
    // Every shard from its start: the caller erases what it got, so the next call sees the rest.
    const shards = await Promise.all(
      Array.from({ length: FEED_SHARDS }, (_, shard) =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: byFeed.name,
            KeyConditionExpression: '#pk = :pk AND #sk < :before',
            ExpressionAttributeNames: { '#pk': byFeed.partitionKey, '#sk': byFeed.sortKey },
            ExpressionAttributeValues: { ':pk': keys.dayFeed(tenantId, day, shard), ':before': before },
            ProjectionExpression: 'recordId',
            Limit: limit,
          }),
        ),
      ),
    );
    return shards.flatMap((result) => (result.Items ?? []).map((item) => item.recordId as string)).slice(0, limit);
  }

  /**
   * Notes that a tenant has a record on `day` — a put at most every `DAY_TOUCH_INTERVAL_MS` per
   * process and day, so ingesting costs nothing extra in the steady state (one item per tenant and
   * day, rewritten a few times an hour by each busy process).
   */
  async touchDay(tenantId: string, day: string): Promise<void> {
    const slot = `${tenantId}|${day}`;
    const now = Date.now();
    if (now - (this.touched.get(slot) ?? 0) < DAY_TOUCH_INTERVAL_MS) return;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { PK: keys.recordDays(tenantId), SK: day, touchedAt: now } }));
    // Bounded memory in a long-lived process: entries past the interval say nothing any more.
    if (this.touched.size >= TOUCHED_DAYS_KEPT) for (const [key, at] of this.touched) if (now - at >= DAY_TOUCH_INTERVAL_MS) this.touched.delete(key);
    this.touched.set(slot, now);
  }

  async recordDays(tenantId: string, through: string): Promise<RecordDay[]> {
    const days: RecordDay[] = [];
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK <= :through',
      ExpressionAttributeValues: { ':pk': keys.recordDays(tenantId), ':through': through },
    });
    for await (const page of pages) for (const item of page.Items ?? []) days.push({ day: item.SK as string, touchedAt: item.touchedAt as number });
    return days;
  }

  async retentionState(tenantId: string): Promise<RetentionState | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.retentionState(tenantId), ConsistentRead: true }));
    const item = result.Item;
    return typeof item?.clearedBefore === 'string' && typeof item.sweptAt === 'number' ? { clearedBefore: item.clearedBefore, sweptAt: item.sweptAt } : null;
  }

  async saveRetentionState(tenantId: string, state: RetentionState): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.retentionState(tenantId), ...state } }));
  }
}
