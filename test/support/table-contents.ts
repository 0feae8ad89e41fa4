import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RunningHub } from '../../embedded/hub.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';

/**
 * Every item of the hub's table, read with a Scan as an auditor would (tests only: no request path
 * scans), each with its JSON text for searching.
 */
export async function tableContents(hub: RunningHub): Promise<{ item: Record<string, unknown>; text: string }[]> {
  const client = createDocumentClient({ region: LOCAL_REGION, endpoint: hub.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
  const items: { item: Record<string, unknown>; text: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: hub.settings.tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.push({ item, text: JSON.stringify(item) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The items whose keys or attributes contain any of `needles` (with the needle found), for a readable failure. */
export function itemsMentioning(items: readonly { item: Record<string, unknown>; text: string }[], needles: readonly string[]): { key: string; needle: string }[] {
  return items.flatMap(({ item, text }) => {
    const needle = needles.find((n) => text.includes(n));
    return needle === undefined ? [] : [{ key: `${String(item.PK)} ${String(item.SK)}`, needle }];
  });
}
