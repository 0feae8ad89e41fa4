import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BlobReferenceStore } from '../../core/ports/blob-reference-store.js';
import { keys } from './keys.js';
import { TABLE_DESIGN } from './table-design.js';
import { queryEveryPage } from './query-every-page.js';

const { byOwner } = TABLE_DESIGN.indexes;

/**
 * Blob references on DynamoDB: one small item per (blob, record), keyed by the blob (who uses it:
 * one `Query`) and indexed by the record on GSI1 (what it uses). Notes are written only for records
 * with attachments, an upload or inbound mail, and for a redelivery that brought a new raw payload:
 * a plain record costs nothing extra. Plain puts in parallel, not BatchWriteItem: a record has few
 * notes, and the functions are granted single-item writes only.
 */
export class DynamoDbBlobReferenceStore implements BlobReferenceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addReferences(tenantId: string, recordId: string, blobKeys: readonly string[]): Promise<void> {
    const owner = keys.recordBlobs(tenantId, recordId);
    await Promise.all(
      [...new Set(blobKeys)].map((blobKey) =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...keys.blobReference(tenantId, blobKey, recordId), [byOwner.partitionKey]: owner, [byOwner.sortKey]: blobKey, blobKey, recordId },
          }),
        ),
      ),
    );
  }

  referencesOf(tenantId: string, recordId: string): Promise<string[]> {
    return this.queryAll({ IndexName: byOwner.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': byOwner.partitionKey } }, keys.recordBlobs(tenantId, recordId), 'blobKey');
  }

  async referrersOf(tenantId: string, blobKey: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.blobReferrers(tenantId, blobKey) },
        ProjectionExpression: 'recordId',
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.recordId as string);
  }

  async removeReference(tenantId: string, recordId: string, blobKey: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.blobReference(tenantId, blobKey, recordId) }));
  }

  async queuePurge(tenantId: string, recordId: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.purge(tenantId, recordId), recordId } }));
  }

  async queuedPurges(tenantId: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.purgeQueue(tenantId) },
        ProjectionExpression: 'recordId',
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.recordId as string);
  }

  async dequeuePurge(tenantId: string, recordId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.purge(tenantId, recordId) }));
  }

  private async queryAll(input: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeNames?: Record<string, string> }, partition: string, attribute: string): Promise<string[]> {
    const found: string[] = [];
    const pages = queryEveryPage(this.client, { TableName: this.tableName, ...input, ExpressionAttributeValues: { ':pk': partition }, ProjectionExpression: attribute });
    for await (const page of pages) for (const item of page.Items ?? []) found.push(item[attribute] as string);
    return found;
  }
}
