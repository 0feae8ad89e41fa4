import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../../core/errors.js';
import type { Page } from '../../core/ports/page.js';
import type { CursorCodec } from './cursor-codec.js';

type Item = Record<string, unknown>;
type Key = Record<string, string>;

export interface PartitionQuery {
  /** Everything but `Limit` and `ExclusiveStartKey`. */
  readonly input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  /** The key attributes of an item in this index (base keys + index keys), used to resume after it. */
  readonly keyNames: readonly string[];
  /** The partition key attribute and value the cursor must stay inside. */
  readonly partition: { readonly name: string; readonly value: string };
  /** Signs cursors to this tenant, list and partition. */
  readonly scope: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** Upper bound on the items DynamoDB evaluates per round trip when a filter discards many. */
const READ_AHEAD = 200;

function keyOf(item: Item, names: readonly string[]): Key {
  const key: Key = {};
  for (const name of names) key[name] = item[name] as string;
  return key;
}

/**
 * Reads one page of a partition in index order. DynamoDB applies `Limit` before the filter, so
 * the page is filled across as many round trips as needed; one item beyond the page is read to
 * know whether a next page exists, so `nextCursor` is `null` exactly when nothing follows.
 */
export async function queryPartitionPage(client: DynamoDBDocumentClient, codec: CursorCodec, query: PartitionQuery): Promise<Page<Item>> {
  let startKey: Key | undefined;
  if (query.cursor !== undefined) {
    startKey = await codec.decode<Key>(query.scope, query.cursor);
    const validShape =
      typeof startKey === 'object' &&
      startKey !== null &&
      query.keyNames.every((name) => typeof startKey?.[name] === 'string') &&
      startKey[query.partition.name] === query.partition.value;
    if (!validShape) throw new InvalidCursorError('cursor does not belong to this query');
  }
  const filtered = query.input.FilterExpression !== undefined;
  const items: Item[] = [];
  for (;;) {
    const wanted = query.limit + 1 - items.length;
    const result = await client.send(
      new QueryCommand({ ...query.input, ExclusiveStartKey: startKey, Limit: filtered ? Math.max(wanted, READ_AHEAD) : wanted }),
    );
    items.push(...((result.Items ?? []) as Item[]));
    startKey = result.LastEvaluatedKey as Key | undefined;
    if (items.length > query.limit || startKey === undefined) break;
  }
  if (items.length <= query.limit) return { items, nextCursor: null };
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1] as Item;
  return { items: page, nextCursor: await codec.encode(query.scope, keyOf(last, query.keyNames)) };
}

export interface ShardedQuery {
  /** One query per shard, same index and order; only the partition differs. */
  readonly shards: readonly Omit<PartitionQuery, 'scope' | 'limit' | 'cursor'>[];
  /** Index sort key: the merge order across shards (descending). */
  readonly sortKeyName: string;
  readonly scope: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** Per shard: the key to resume after, `null` = not started, `false` = exhausted. */
type ShardPositions = (Key | null | false)[];

/**
 * Reads one page of a sharded list (newest first across all shards) by merging the shards'
 * pages. The cursor carries each shard's position.
 */
export async function queryShardedPage(client: DynamoDBDocumentClient, codec: CursorCodec, query: ShardedQuery): Promise<Page<Item>> {
  let positions: ShardPositions = query.shards.map(() => null);
  if (query.cursor !== undefined) {
    positions = await codec.decode<ShardPositions>(query.scope, query.cursor);
    if (!Array.isArray(positions) || positions.length !== query.shards.length) throw new InvalidCursorError('cursor does not belong to this query');
  }
  const pages = await Promise.all(
    query.shards.map(async (shard, index) => {
      const position = positions[index];
      if (position === false) return { items: [] as Item[], more: false };
      const result = await client.send(
        new QueryCommand({ ...shard.input, ExclusiveStartKey: position ?? undefined, Limit: query.limit + 1 }),
      );
      return { items: (result.Items ?? []) as Item[], more: result.LastEvaluatedKey !== undefined };
    }),
  );
  const merged = pages
    .flatMap((page, shard) => page.items.map((item) => ({ item, shard })))
    .sort((a, b) => (String(b.item[query.sortKeyName]) < String(a.item[query.sortKeyName]) ? -1 : 1));
  const taken = merged.slice(0, query.limit);
  const next: ShardPositions = positions.map((position, shard) => {
    const fromShard = taken.filter((entry) => entry.shard === shard);
    const page = pages[shard] as { items: Item[]; more: boolean };
    const shardDef = query.shards[shard] as (typeof query.shards)[number];
    if (fromShard.length === page.items.length && !page.more) return false;
    const lastTaken = fromShard[fromShard.length - 1];
    return lastTaken ? keyOf(lastTaken.item, shardDef.keyNames) : position;
  });
  const done = next.every((position) => position === false);
  return { items: taken.map((entry) => entry.item), nextCursor: done ? null : await codec.encode(query.scope, next) };
}
