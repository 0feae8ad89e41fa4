import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TranscriptionJobStore, WaitingTranscription } from '../../core/ports/transcription-job-store.js';
import { keys } from './keys.js';
import { EXPIRY_ATTRIBUTE } from './table-design.js';

/** Waiting task tokens by job name, expiring by TTL once no execution can still be waiting. */
export class DynamoDbTranscriptionJobStore implements TranscriptionJobStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveWaiting(waiting: WaitingTranscription, expiresAt: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.transcriptionJob(waiting.jobName), ...waiting, [EXPIRY_ATTRIBUTE]: Math.floor(expiresAt.getTime() / 1000) },
      }),
    );
  }

  async findWaiting(jobName: string): Promise<WaitingTranscription | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.transcriptionJob(jobName), ConsistentRead: true }));
    if (!result.Item) return null;
    const { tenantId, recordId, taskToken } = result.Item as WaitingTranscription;
    return { jobName, tenantId, recordId, taskToken };
  }
}
