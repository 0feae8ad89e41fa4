import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReplayGuard } from '../../core/ports/replay-guard.js';
import { EXPIRY_ATTRIBUTE } from './table-design.js';

/**
 * Replay protection on DynamoDB: one item per signed delivery, put only if absent or expired. The
 * condition decides, not the TTL sweep (which runs late on AWS and not at all in dynalite).
 */
export class DynamoDbReplayGuard implements ReplayGuard {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async firstUse(tenantId: string, channel: string, key: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...replayKey(tenantId, channel, key), [EXPIRY_ATTRIBUTE]: Math.ceil(expiresAt.getTime() / 1000) },
          ConditionExpression: 'attribute_not_exists(PK) OR #expiry < :now',
          ExpressionAttributeNames: { '#expiry': EXPIRY_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': Math.floor(this.now().getTime() / 1000) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async release(tenantId: string, channel: string, key: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: replayKey(tenantId, channel, key) }));
  }
}

function replayKey(tenantId: string, channel: string, key: string) {
  const digest = createHash('sha256').update(key).digest('base64url');
  return { PK: `T#${tenantId}#REPLAY#${channel}#${digest}`, SK: 'REPLAY' };
}
