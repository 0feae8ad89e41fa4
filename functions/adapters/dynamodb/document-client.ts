import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../../observability/tracing.js';

export interface DynamoDbClientOptions {
  readonly region: string;
  /** Embedded mode: the local DynamoDB-API server. */
  readonly endpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** A document client that drops `undefined` fields (optional record fields are simply absent). */
export function createDocumentClient(options: DynamoDbClientOptions): DynamoDBDocumentClient {
  const client = traced(new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 5,
  }));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
