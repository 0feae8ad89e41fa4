import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Report } from '../../core/model/report.js';
import type { Page, PageRequest } from '../../core/ports/page.js';
import type { ReportStore } from '../../core/ports/report-store.js';
import type { CursorCodec } from './cursor-codec.js';
import { keys, withoutKeys } from './keys.js';
import { queryPartitionPage } from './paged-query.js';
import { TABLE_DESIGN } from './table-design.js';

const { byOwner } = TABLE_DESIGN.indexes;

/**
 * Report runs on DynamoDB: one item per report, listed newest first through GSI1. Every change is a
 * conditional update, so a retried step never moves a report backwards (ready stays ready) and the
 * email is claimed once.
 */
export class DynamoDbReportStore implements ReportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: CursorCodec,
  ) {}

  async createReport(report: Report): Promise<Report> {
    const key = keys.report(report.tenantId, report.reportId);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, [byOwner.partitionKey]: keys.tenantReports(report.tenantId), [byOwner.sortKey]: `${report.createdAt}#${report.reportId}`, ...report },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return report;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.get(key, true)) ?? report;
    }
  }

  getReport(tenantId: string, reportId: string): Promise<Report | null> {
    return this.get(keys.report(tenantId, reportId));
  }

  async listReports(tenantId: string, page: PageRequest): Promise<Page<Report>> {
    const partition = keys.tenantReports(tenantId);
    const result = await queryPartitionPage(this.client, this.cursors, {
      input: {
        TableName: this.tableName,
        IndexName: byOwner.name,
        KeyConditionExpression: '#pk = :pk',
        ScanIndexForward: false,
        ExpressionAttributeNames: { '#pk': byOwner.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
      },
      keyNames: ['PK', 'SK', byOwner.partitionKey, byOwner.sortKey],
      partition: { name: byOwner.partitionKey, value: partition },
      scope: `reports|${tenantId}`,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((item) => withoutKeys<Report>(item)), nextCursor: result.nextCursor };
  }

  completeReport(tenantId: string, reportId: string, done: Pick<Report, 'files' | 'summary' | 'notAnalysed'>, at: string): Promise<Report | null> {
    return this.update(tenantId, reportId, {
      expression: 'SET #status = :ready, files = :files, summary = :summary, notAnalysed = :notAnalysed, updatedAt = :at REMOVE failureReason',
      condition: 'attribute_exists(PK)',
      values: { ':ready': 'ready', ':files': done.files, ':summary': done.summary, ':notAnalysed': done.notAnalysed ?? [], ':at': at },
    });
  }

  failReport(tenantId: string, reportId: string, reason: string, at: string): Promise<Report | null> {
    return this.update(tenantId, reportId, {
      expression: 'SET #status = :failed, failureReason = :reason, updatedAt = :at',
      condition: 'attribute_exists(PK) AND #status <> :ready',
      values: { ':failed': 'failed', ':ready': 'ready', ':reason': reason.slice(0, 2000), ':at': at },
    });
  }

  async claimReportEmail(tenantId: string, reportId: string, recipients: readonly string[], at: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.report(tenantId, reportId),
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(emailedAt)',
          UpdateExpression: 'SET emailedAt = :at, emailedTo = :to',
          ExpressionAttributeValues: { ':at': at, ':to': [...recipients] },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseReportEmail(tenantId: string, reportId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.report(tenantId, reportId),
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: 'REMOVE emailedAt, emailedTo',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  redactReport(tenantId: string, reportId: string, redaction: { files: Report['files'] | null; summary?: Report['summary']; at: string }): Promise<Report | null> {
    const set = ['redactedAt = :at', 'updatedAt = :at', ...(redaction.files ? ['files = :files'] : []), ...(redaction.summary ? ['summary = :summary'] : [])];
    return this.update(tenantId, reportId, {
      expression: `SET ${set.join(', ')}${redaction.files ? '' : ' REMOVE files'}`,
      condition: 'attribute_exists(PK) AND attribute_exists(#status)',
      values: { ':at': redaction.at, ...(redaction.files ? { ':files': redaction.files } : {}), ...(redaction.summary ? { ':summary': redaction.summary } : {}) },
    });
  }

  async deleteReport(tenantId: string, reportId: string): Promise<boolean> {
    const result = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.report(tenantId, reportId), ReturnValues: 'ALL_OLD' }));
    return result.Attributes !== undefined;
  }

  private async update(
    tenantId: string,
    reportId: string,
    change: { expression: string; condition: string; values: Record<string, unknown> },
  ): Promise<Report | null> {
    const key = keys.report(tenantId, reportId);
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: change.expression,
          ConditionExpression: change.condition,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: change.values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<Report>(result.Attributes ?? {});
    } catch (error) {
      // Absent, or (failReport) already ready: answer with what is stored.
      if (error instanceof ConditionalCheckFailedException) return this.get(key, true);
      throw error;
    }
  }

  private async get(key: { PK: string; SK: string }, consistent = false): Promise<Report | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }));
    return result.Item ? withoutKeys<Report>(result.Item) : null;
  }
}
