// Counts every AWS SDK request the hub makes in this process (DynamoDB, S3 — and SFN, EventBridge,
// SES or Bedrock should a wired adapter send one) by wrapping `send` on the SDK's one client base
// class, and sizes DynamoDB writes and reads into request units from the items themselves.
// Each request is attributed to what made it — an API route, a workflow execution, or neither
// (event-driven functions such as inbound mail or the transcription callback) — from the
// correlation scope the route and step wrappers open.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { TABLE_DESIGN } from '../functions/adapters/dynamodb/table-design.js';
import { correlationKeys } from '../functions/observability/correlation.js';

/** What made a request: `route:<id>`, `execution:<id>` or `other`. */
export type Origin = string;

export interface MeteredCall {
  readonly origin: Origin;
  /** `DynamoDB.Put`, `S3.PutObject`… (document-client and low-level names folded together). */
  readonly operation: string;
  /** Write request units (DynamoDB), base table plus every index copy the write touches. */
  wru: number;
  /** Read request units (DynamoDB): 4 KB strongly / 8 KB eventually consistent. */
  readonly rru: number;
  /** Bytes sent (S3 PutObject bodies). */
  readonly bytes: number;
  /** For updates: the item's key, sized at the end of the phase (the update input holds only the change). */
  readonly updatedKey?: string;
  readonly transactional: boolean;
  /** What the written item is, from its partition key (`record`, `audit`, `blob reference`…). */
  readonly itemKind?: string;
}

/** Names an item by its partition key's shape (see table-design.ts for the key patterns). */
export function itemKindOf(pk: string | undefined): string {
  if (!pk) return 'batch/transaction';
  if (pk.startsWith('AUDIT')) return 'audit entry';
  if (pk.startsWith('TRANSCRIPTION#')) return 'transcription task token';
  const rest = pk.replace(/^T#[^#]+#/, '');
  const kinds: [RegExp, string][] = [[/^R#/, 'record'], [/^BLOB#/, 'blob reference'], [/^REPLAY#/, 'webhook replay window'], [/^ID#/, 'identity'], [/^C#/, 'customer / risk'], [/^(TASK|INSIGHT)#/, 'insight / task'], [/^DAYS/, 'record days'], [/^REPORT#/, 'report'], [/^PURGE/, 'purge'], [/^THREAD/, 'thread'], [/^RETENTION/, 'retention']];
  return kinds.find(([re]) => re.test(rest))?.[1] ?? `other (${rest.split('#')[0]})`;
}
const pkOf = (input: Record<string, unknown>): string | undefined => {
  const key = (input.Item ?? input.Key) as Record<string, unknown> | undefined;
  const pk = key?.[TABLE_DESIGN.partitionKey];
  return typeof pk === 'string' ? pk : typeof pk === 'object' && pk !== null ? (pk as { S?: string }).S : undefined;
};

const GSI_PARTITION_KEYS = Object.values(TABLE_DESIGN.indexes).map((index) => index.partitionKey);
const keyOf = (key: Record<string, unknown>) => `${String(key[TABLE_DESIGN.partitionKey])}|${String(key[TABLE_DESIGN.sortKey])}`;

/** DynamoDB item size: attribute names plus values, strings in UTF-8 (docs: "Item sizes and formats"). */
export function itemBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).replace(/^-|\./g, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((s: number, v) => s + itemBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((s: number, v) => s + 1 + itemBytes(v), 0);
  return 3 + Object.entries(value as Record<string, unknown>).reduce((s, [k, v]) => s + Buffer.byteLength(k, 'utf8') + 1 + itemBytes(v), 0);
}
/** Top-level size (no map overhead for the item itself). */
const sizeOfItem = (item: Record<string, unknown>) => itemBytes(item) - 3;
/** A write of `bytes` costs 1 WRU per KB on the table and on every GSI holding a copy (all indexes project ALL). */
export const writeUnits = (item: Record<string, unknown>) => Math.max(1, Math.ceil(sizeOfItem(item) / 1024)) * (1 + GSI_PARTITION_KEYS.filter((k) => typeof item[k] === 'string').length);
const readUnits = (bytes: number, consistent: boolean) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

/** Items arrive as native values from the document client, as AttributeValue maps from the low-level one. */
const native = (item: Record<string, unknown>, lowLevel: boolean) => (lowLevel ? unmarshall(item as never) : item);

interface Sized { wru: number; rru: number; updatedKeys: string[] }

function sizeDynamo(name: string, input: Record<string, unknown>, output: Record<string, unknown> | undefined): Sized {
  const lowLevel = name.endsWith('ItemCommand') || ['BatchWriteItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand', 'TransactGetItemsCommand'].includes(name) || (name === 'QueryCommand' && isLowLevelOutput(output)) || (name === 'ScanCommand' && isLowLevelOutput(output));
  const nat = (item: unknown) => native(item as Record<string, unknown>, lowLevel);
  const consistent = input.ConsistentRead === true;
  switch (name) {
    case 'PutCommand': case 'PutItemCommand':
      return { wru: writeUnits(nat(input.Item)), rru: 0, updatedKeys: [] };
    case 'UpdateCommand': case 'UpdateItemCommand':
      return { wru: 0, rru: 0, updatedKeys: [keyOf(nat(input.Key))] };
    case 'DeleteCommand': case 'DeleteItemCommand':
      return { wru: 1, rru: 0, updatedKeys: [] };
    case 'GetCommand': case 'GetItemCommand':
      return { wru: 0, rru: readUnits(output?.Item ? sizeOfItem(nat(output.Item)) : 0, consistent), updatedKeys: [] };
    case 'QueryCommand': case 'ScanCommand': {
      const items = (output?.Items ?? []) as unknown[];
      return { wru: 0, rru: readUnits(items.reduce((s: number, i) => s + sizeOfItem(nat(i)), 0), consistent), updatedKeys: [] };
    }
    case 'BatchGetCommand': case 'BatchGetItemCommand': {
      const tables = Object.values((output?.Responses ?? {}) as Record<string, unknown[]>);
      return { wru: 0, rru: tables.flat().reduce((s: number, i) => s + readUnits(sizeOfItem(nat(i)), false), 0), updatedKeys: [] };
    }
    case 'BatchWriteCommand': case 'BatchWriteItemCommand': {
      const requests = Object.values((input.RequestItems ?? {}) as Record<string, Record<string, { Item?: unknown }>[]>).flat();
      return { wru: requests.reduce((s, r) => s + (r.PutRequest?.Item ? writeUnits(nat(r.PutRequest.Item)) : 1), 0), rru: 0, updatedKeys: [] };
    }
    case 'TransactWriteCommand': case 'TransactWriteItemsCommand': {
      // Transactions cost two units per KB; updates are sized at the end like single updates (×2 there).
      const items = (input.TransactItems ?? []) as Record<string, { Item?: unknown; Key?: unknown }>[];
      let wru = 0;
      const updatedKeys: string[] = [];
      for (const t of items) {
        if (t.Put) wru += 2 * writeUnits(nat(t.Put.Item));
        else if (t.Update) updatedKeys.push(`2x${keyOf(nat(t.Update.Key))}`);
        else wru += 2;
      }
      return { wru, rru: 0, updatedKeys };
    }
    case 'TransactGetCommand': case 'TransactGetItemsCommand':
      return { wru: 0, rru: ((output?.Responses ?? []) as { Item?: unknown }[]).reduce((s, r) => s + 2 * readUnits(r.Item ? sizeOfItem(nat(r.Item)) : 0, true), 0), updatedKeys: [] };
    default:
      return { wru: 0, rru: 0, updatedKeys: [] };
  }
}
function isLowLevelOutput(output: Record<string, unknown> | undefined): boolean {
  const first = (output?.Items as Record<string, unknown>[] | undefined)?.[0];
  const pk = first?.[TABLE_DESIGN.partitionKey];
  return typeof pk === 'object' && pk !== null && 'S' in pk;
}

const bodyBytes = (body: unknown) => (typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : 0);

/** The running meter: every call since `install`, in order. */
export class SdkMeter {
  readonly calls: MeteredCall[] = [];
  private paused = 0;

  /** Runs `fn` without metering (the bench's own look-ups, e.g. sizing updated items). */
  async unmetered<T>(fn: () => Promise<T>): Promise<T> {
    this.paused++;
    try {
      return await fn();
    } finally {
      this.paused--;
    }
  }

  record(client: string, command: { constructor: { name: string }; input?: unknown }, output: unknown, failed: boolean): void {
    if (this.paused > 0) return;
    const keys = correlationKeys() as Record<string, string | undefined>;
    const origin = keys.executionId ? `execution:${keys.executionId}` : keys.route ? `route:${keys.route}` : 'other';
    const name = command.constructor.name;
    const service = client.replace(/(Document)?Client$/, '').replace(/Runtime$/, '');
    const operation = `${service}.${name.replace(/(Item|Items)?Command$/, '')}`;
    const input = (command.input ?? {}) as Record<string, unknown>;
    if (service === 'DynamoDB') {
      // A failed conditional write still consumes write units (sized like the attempted write).
      const sized = sizeDynamo(name, input, failed ? undefined : (output as Record<string, unknown>));
      const transactional = name.startsWith('Transact');
      const itemKind = itemKindOf(pkOf(input));
      if (sized.updatedKeys.length === 0) this.calls.push({ origin, operation, wru: sized.wru, rru: sized.rru, bytes: 0, transactional, itemKind });
      for (const updatedKey of sized.updatedKeys) this.calls.push({ origin, operation, wru: sized.wru, rru: sized.rru, bytes: 0, updatedKey, transactional, itemKind: transactional ? itemKindOf(updatedKey.replace(/^2x/, '').split('|')[0]) : itemKind });
      return;
    }
    this.calls.push({ origin, operation, wru: 0, rru: 0, bytes: name === 'PutObjectCommand' ? bodyBytes(input.Body) : 0, transactional: false });
  }

  /**
   * Sizes the updates made since `from` from the items as they are now (an update rewrites the whole
   * item and its index copies). `lookup` reads one item by its key, unmetered.
   */
  async sizeUpdates(from: number, lookup: (pk: string, sk: string) => Promise<Record<string, unknown> | undefined>): Promise<void> {
    const cache = new Map<string, number>();
    for (const call of this.calls.slice(from)) {
      if (!call.updatedKey) continue;
      const twice = call.updatedKey.startsWith('2x');
      const key = twice ? call.updatedKey.slice(2) : call.updatedKey;
      if (!cache.has(key)) {
        const [pk, sk] = key.split('|') as [string, string];
        const item = await this.unmetered(() => lookup(pk, sk));
        cache.set(key, item ? writeUnits(item) : 1);
      }
      call.wru = (twice ? 2 : 1) * cache.get(key)!;
    }
  }
}

/** Installs the meter on the SDK's client base class (shared by every v3 client in this process). */
export function installSdkMeter(): SdkMeter {
  const meter = new SdkMeter();
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...args: unknown[]) => Promise<unknown> };
  const send = base.send;
  base.send = async function (this: { constructor: { name: string } }, ...args: unknown[]) {
    const command = args[0] as { constructor: { name: string }; input?: unknown };
    if (typeof args[args.length - 1] === 'function') return send.apply(this, args);
    try {
      const output = await send.apply(this, args);
      meter.record(this.constructor.name, command, output, false);
      return output;
    } catch (error) {
      meter.record(this.constructor.name, command, undefined, true);
      throw error;
    }
  };
  return meter;
}
