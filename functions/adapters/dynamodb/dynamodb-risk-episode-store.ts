import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RiskEpisodesChangedError, type RiskEpisode, type RiskEpisodeStore, type RiskEpisodes } from '../../core/ports/risk-episode-store.js';
import { keys } from './keys.js';

/** A customer's open risk episodes in one small item beside its profile, written with optimistic locking. */
export class DynamoDbRiskEpisodeStore implements RiskEpisodeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getRiskEpisodes(tenantId: string, customerId: string): Promise<RiskEpisodes> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.riskEpisodes(tenantId, customerId), ConsistentRead: true }));
    if (!result.Item) return { episodes: {}, version: 0 };
    const checkedThrough = result.Item.checkedThrough as string | undefined;
    return { episodes: result.Item.episodes as Record<string, RiskEpisode>, version: result.Item.version as number, ...(checkedThrough ? { checkedThrough } : {}) };
  }

  async saveRiskEpisodes(tenantId: string, customerId: string, episodes: Readonly<Record<string, RiskEpisode>>, expectedVersion: number, checkedThrough?: string): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.riskEpisodes(tenantId, customerId), episodes, version: expectedVersion + 1, ...(checkedThrough ? { checkedThrough } : {}) },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new RiskEpisodesChangedError(`risk episodes of ${customerId} changed meanwhile`);
      throw error;
    }
  }

  async deleteRiskEpisodes(tenantId: string, customerId: string): Promise<boolean> {
    const result = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.riskEpisodes(tenantId, customerId), ReturnValues: 'ALL_OLD' }));
    return result.Attributes !== undefined;
  }
}
