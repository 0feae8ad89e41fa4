import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Analysis } from '../../core/model/analysis.js';
import type { CommunicationRecord } from '../../core/model/communication-record.js';
import type { Transcription } from '../../core/model/transcription.js';
import { identityHashOf, sourceIdentityHash } from '../../core/model/record-id.js';
import type { Page, PageRequest } from '../../core/ports/page.js';
import type { InsertResult, RecordContent, RecordStore, ThreadPosition, TimelineQuery } from '../../core/ports/record-store.js';
import type { CursorCodec } from './cursor-codec.js';
import { DynamoDbRecordErasure, ERASED_AT, isTombstone } from './dynamodb-record-erasure.js';
import { feedShardOf, keys, unmatchedShardOf, withoutKeys } from './keys.js';
import { queryPartitionPage, queryShardedPage } from './paged-query.js';
import { FEED_SHARDS, TABLE_DESIGN, UNMATCHED_SHARDS } from './table-design.js';
import { timelineFilterExpression } from './timeline-filter.js';
import { queryEveryPage } from './query-every-page.js';

const { byOwner, byFeed } = TABLE_DESIGN.indexes;
const OWNER_KEY_NAMES = ['PK', 'SK', byOwner.partitionKey, byOwner.sortKey] as const;
const FEED_KEY_NAMES = ['PK', 'SK', byFeed.partitionKey, byFeed.sortKey] as const;
/** Sorts after every `<occurredAt>#<recordId>` of the same instant, so `to` is inclusive. */
const AFTER_ALL = '#\uffff';
/** Changes apply to a stored record only: never to another record's id at the key, never to a tombstone. */
const LIVE_RECORD = `recordId = :recordId AND attribute_not_exists(${ERASED_AT})`;

/**
 * The key attributes of a record's item: its own key, its place on the customer's timeline (or a
 * shard of the unmatched inbox) in GSI1 and on a shard of the tenant day feed in GSI2. Pure, so the
 * partition bench (bench/partition) maps simulated records through the same keys a put writes.
 */
export function recordItemKeys(record: Pick<CommunicationRecord, 'tenantId' | 'recordId' | 'customerId' | 'occurredAt'>) {
  const hash = identityHashOf(record.recordId);
  if (!hash) throw new Error(`not a record id: ${record.recordId}`);
  const order = keys.recordOrder(record.occurredAt, record.recordId);
  return {
    ...keys.record(record.tenantId, hash),
    [byOwner.partitionKey]: record.customerId
      ? keys.timeline(record.tenantId, record.customerId)
      : keys.unmatched(record.tenantId, unmatchedShardOf(hash)),
    [byOwner.sortKey]: order,
    [byFeed.partitionKey]: keys.dayFeed(record.tenantId, record.occurredAt.slice(0, 10), feedShardOf(hash)),
    [byFeed.sortKey]: order,
  };
}

/**
 * The record store on DynamoDB: one item per record, found by id through its key, placed on its
 * customer's timeline (or the sharded unmatched inbox) by GSI1 and on the sharded tenant day feed
 * by GSI2 — so a single conditional put stores, deduplicates and indexes a record atomically.
 */
export class DynamoDbRecordStore extends DynamoDbRecordErasure implements RecordStore {
  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly cursors: CursorCodec,
  ) {
    super(client, tableName);
  }

  async insertRecord(record: CommunicationRecord): Promise<InsertResult> {
    const item = { ...recordItemKeys(record), ...record };
    try {
      // The day note (what a retention sweep walks) goes beside the put, not after it: no added latency.
      await Promise.all([
        this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' })),
        this.touchDay(record.tenantId, record.occurredAt.slice(0, 10)),
      ]);
      return { inserted: true, record };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Found by the source identity alone: a redelivery with a corrected time or type still maps
      // to the record stored first — or to the tombstone of an erased one, which refuses it.
      const stored = await this.itemByHash(record.tenantId, identityHashOf(record.recordId) ?? '', true);
      if (isTombstone(stored)) return { inserted: false, record, erased: true };
      return { inserted: false, record: stored ? withoutKeys<CommunicationRecord>(stored) : record };
    }
  }

  async getRecord(tenantId: string, recordId: string): Promise<CommunicationRecord | null> {
    const record = await this.getByHash(tenantId, recordId);
    return record?.recordId === recordId ? record : null;
  }

  async findBySource(tenantId: string, sourceSystem: string, sourceRecordId: string): Promise<CommunicationRecord | null> {
    return this.getByIdentityHash(tenantId, sourceIdentityHash(tenantId, sourceSystem, sourceRecordId));
  }

  async queryTimeline(query: TimelineQuery): Promise<Page<CommunicationRecord>> {
    const partition = keys.timeline(query.tenantId, query.customerId);
    const filter = timelineFilterExpression(query);
    const page = await queryPartitionPage(this.client, this.cursors, {
      input: {
        TableName: this.tableName,
        IndexName: byOwner.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ScanIndexForward: false,
        FilterExpression: filter?.expression,
        ExpressionAttributeNames: { '#pk': byOwner.partitionKey, '#sk': byOwner.sortKey, ...filter?.names },
        ExpressionAttributeValues: {
          ':pk': partition,
          ':from': query.from ?? '0',
          ':to': query.to ? `${query.to}${AFTER_ALL}` : '\uffff',
          ...filter?.values,
        },
      },
      keyNames: OWNER_KEY_NAMES,
      partition: { name: byOwner.partitionKey, value: partition },
      scope: `timeline|${query.tenantId}|${query.customerId}`,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map((item) => withoutKeys<CommunicationRecord>(item)), nextCursor: page.nextCursor };
  }

  async latestInThread(tenantId: string, threadId: string): Promise<ThreadPosition | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.thread(tenantId, threadId) }));
    return result.Item ? { recordId: result.Item.recordId as string, occurredAt: result.Item.occurredAt as string } : null;
  }

  async advanceThread(tenantId: string, threadId: string, position: ThreadPosition): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.thread(tenantId, threadId), threadId, ...position },
          // Order by time, then id, so concurrent or out-of-order arrivals converge on the same newest record.
          ConditionExpression: 'attribute_not_exists(PK) OR occurredAt < :at OR (occurredAt = :at AND recordId <= :id)',
          ExpressionAttributeValues: { ':at': position.occurredAt, ':id': position.recordId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async listUnmatched(tenantId: string, page: PageRequest): Promise<Page<CommunicationRecord>> {
    const shards = Array.from({ length: UNMATCHED_SHARDS }, (_, shard) => keys.unmatched(tenantId, shard));
    return this.shardedRecords(byOwner, OWNER_KEY_NAMES, shards, `unmatched|${tenantId}`, page);
  }

  async queryDayFeed(tenantId: string, day: string, page: PageRequest): Promise<Page<CommunicationRecord>> {
    const shards = Array.from({ length: FEED_SHARDS }, (_, shard) => keys.dayFeed(tenantId, day, shard));
    return this.shardedRecords(byFeed, FEED_KEY_NAMES, shards, `feed|${tenantId}|${day}`, page);
  }

  async assignRecord(tenantId: string, recordId: string, customerId: string, by: string, at: string): Promise<CommunicationRecord | null> {
    const hash = identityHashOf(recordId);
    if (!hash) return null;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.record(tenantId, hash),
          ConditionExpression: LIVE_RECORD,
          UpdateExpression:
            'SET customerId = :customerId, #gpk = :timeline, matchedBy = :assigned, updatedAt = :at, updatedBy = :by, version = version + :one',
          ExpressionAttributeNames: { '#gpk': byOwner.partitionKey },
          ExpressionAttributeValues: {
            ':recordId': recordId,
            ':customerId': customerId,
            ':timeline': keys.timeline(tenantId, customerId),
            ':assigned': 'assigned',
            ':at': at,
            ':by': by,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<CommunicationRecord>(result.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  saveAnalysis(tenantId: string, recordId: string, analysis: Analysis, at: string): Promise<CommunicationRecord | null> {
    return this.updateRecord(tenantId, recordId, 'SET analysis = :analysis, updatedAt = :at, version = version + :one', {
      ':analysis': analysis,
      ':at': at,
      ':one': 1,
    });
  }

  saveTranscription(tenantId: string, recordId: string, transcription: Transcription, content?: RecordContent): Promise<CommunicationRecord | null> {
    // A transcript replaces the body; without a blob reference any earlier one is dropped.
    const set = ['transcription = :transcription', 'updatedAt = :at', 'version = version + :one'];
    const values: Record<string, unknown> = { ':transcription': transcription, ':at': transcription.updatedAt, ':one': 1 };
    let remove = '';
    if (content) {
      set.push('content = :content', 'contentTruncated = :truncated');
      Object.assign(values, { ':content': content.content, ':truncated': content.contentTruncated ?? false });
      if (content.contentRef) {
        set.push('contentRef = :ref');
        values[':ref'] = content.contentRef;
      } else remove = ' REMOVE contentRef';
    }
    return this.updateRecord(tenantId, recordId, `SET ${set.join(', ')}${remove}`, values);
  }

  saveRedactedContent(tenantId: string, recordId: string, redacted: { subject?: string; content?: string }, at: string): Promise<CommunicationRecord | null> {
    const set = ['updatedAt = :at', 'version = version + :one'];
    const values: Record<string, unknown> = { ':at': at, ':one': 1 };
    if (redacted.subject !== undefined) (set.push('subject = :subject'), (values[':subject'] = redacted.subject));
    if (redacted.content !== undefined) (set.push('content = :content'), (values[':content'] = redacted.content));
    return this.updateRecord(tenantId, recordId, `SET ${set.join(', ')}`, values);
  }

  /** One conditional update of an existing record (never creates one); `null` when absent. */
  private async updateRecord(tenantId: string, recordId: string, expression: string, values: Record<string, unknown>): Promise<CommunicationRecord | null> {
    const hash = identityHashOf(recordId);
    if (!hash) return null;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.record(tenantId, hash),
          ConditionExpression: LIVE_RECORD,
          UpdateExpression: expression,
          ExpressionAttributeValues: { ':recordId': recordId, ...values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<CommunicationRecord>(result.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  async summarizeTimeline(tenantId: string, customerId: string, since: string): Promise<{ lastContactAt: string | null; recordsSince: number }> {
    const pk = keys.timeline(tenantId, customerId);
    const [latest, recent] = await Promise.all([
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: byOwner.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': byOwner.partitionKey },
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
      this.countSince(pk, since),
    ]);
    const newest = latest.Items?.[0] as { occurredAt?: string } | undefined;
    return { lastContactAt: newest?.occurredAt ?? null, recordsSince: recent };
  }

  /** Counts with `Select: COUNT` (keys only cross the wire), page by page: bounded by the time range. */
  private async countSince(pk: string, since: string): Promise<number> {
    let count = 0;
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      IndexName: byOwner.name,
      KeyConditionExpression: '#pk = :pk AND #sk >= :since',
      ExpressionAttributeNames: { '#pk': byOwner.partitionKey, '#sk': byOwner.sortKey },
      ExpressionAttributeValues: { ':pk': pk, ':since': since },
      Select: 'COUNT',
    });
    for await (const page of pages) count += page.Count ?? 0;
    return count;
  }

  private getByHash(tenantId: string, recordId: string, consistent = false): Promise<CommunicationRecord | null> {
    const hash = identityHashOf(recordId);
    return hash ? this.getByIdentityHash(tenantId, hash, consistent) : Promise.resolve(null);
  }

  /** An erased record's tombstone reads as absent. */
  private async getByIdentityHash(tenantId: string, hash: string, consistent = false): Promise<CommunicationRecord | null> {
    const item = await this.itemByHash(tenantId, hash, consistent);
    return item && !isTombstone(item) ? withoutKeys<CommunicationRecord>(item) : null;
  }

  private async itemByHash(tenantId: string, hash: string, consistent: boolean): Promise<Record<string, unknown> | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.record(tenantId, hash), ConsistentRead: consistent }));
    return result.Item;
  }


  private async shardedRecords(
    index: { name: string; partitionKey: string; sortKey: string },
    keyNames: readonly string[],
    partitions: string[],
    scope: string,
    page: PageRequest,
  ): Promise<Page<CommunicationRecord>> {
    const result = await queryShardedPage(this.client, this.cursors, {
      shards: partitions.map((value) => ({
        input: {
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ScanIndexForward: false,
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': value },
        },
        keyNames,
        partition: { name: index.partitionKey, value },
      })),
      sortKeyName: index.sortKey,
      scope,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((item) => withoutKeys<CommunicationRecord>(item)), nextCursor: result.nextCursor };
  }
}
