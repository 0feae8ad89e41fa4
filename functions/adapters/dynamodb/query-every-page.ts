import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';

/**
 * Every page of a query, in order: DynamoDB answers at most 1 MB (or `Limit` items) per call and
 * says where to go on in `LastEvaluatedKey`. For reads that need the whole partition range (a
 * customer's identities, a tenant's days), not for API listings — those page by cursor
 * (paged-query.ts). Stop iterating to stop reading.
 *
 * @example
 * for await (const page of queryEveryPage(client, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } })) {
 *   for (const item of page.Items ?? []) ids.push(item.id as string);
 * }
 */
export async function* queryEveryPage(client: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<QueryCommandOutput> {
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
