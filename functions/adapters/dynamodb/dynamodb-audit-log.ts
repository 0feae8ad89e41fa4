import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../../core/errors.js';
import { MAX_AUDIT_TARGETS, type AuditEntry, type AuditLog, type AuditQuery } from '../../core/ports/audit-log.js';
import type { Page, PageRequest } from '../../core/ports/page.js';
import type { CursorCodec } from './cursor-codec.js';
import { keys, withoutKeys } from './keys.js';
import { AUDIT_SHARDS } from './table-design.js';
import { queryEveryPage } from './query-every-page.js';

type Item = Record<string, unknown>;

/** Where a listing resumes: the day, and the sort key of the last entry returned (exclusive). */
interface AuditPosition {
  readonly day: string;
  readonly after: string;
}

/** A listing's bounds as sort-key strings: `lo` ≤ `<at>#<id>` ≤ `hi`, and the days they span. */
interface AuditRange {
  readonly lo: string;
  readonly hi: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

/** Entries a filtered query examines per shard and round trip (DynamoDB applies `Limit` before the filter). */
const READ_AHEAD = 200;
/**
 * Rounds (one query per shard each) a page may take. A filter that matches little across many days
 * then gets a short page, possibly empty, with a `nextCursor` to go on — `null` only at the end.
 */
const ROUNDS_PER_PAGE = 32;
/** Day markers read per round trip while walking back through a tenant's days. */
const DAYS_PER_READ = 31;
/** Adapter instances remember the days they marked; forgotten past this size (a re-mark is harmless). */
const MARKED_DAYS_KEPT = 10_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const utc = (iso: string): string => new Date(iso).toISOString();

function rangeOf(query: AuditQuery): AuditRange {
  // `<at>#<id>` ≥ from exactly when at ≥ from, and ≤ to exactly when at < to (fixed-width ISO
  // strings). Open ends are '0' and '~', which sort below and above every year 0000–9999.
  const lo = query.from === undefined ? '0' : utc(query.from);
  const hi = query.to === undefined ? '~' : utc(query.to);
  return { lo, hi, firstDay: lo.slice(0, 10), lastDay: hi.slice(0, 10) };
}

/**
 * The audit trail on DynamoDB (key design and its trade-off: table-design.ts). Appends are
 * conditional puts keyed by `at` and `auditId`, so re-appending an entry keeps one; a small marker
 * per tenant and UTC day lets a listing skip days without entries. Entries never expire and are
 * not keyed by customer, so deleting a customer's records leaves the trail of that deletion.
 *
 * @example
 * const audit = new DynamoDbAuditLog(documentClient, 'commhub', cursors);
 * await audit.append(entry); // twice is the same as once
 * const page = await audit.list('T001', { action: 'update-task' }, { limit: 50 });
 */
export class DynamoDbAuditLog implements AuditLog {
  readonly #markedDays = new Set<string>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: CursorCodec,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    const at = utc(entry.at);
    const omitted = entry.targets.length - MAX_AUDIT_TARGETS;
    const stored: AuditEntry = omitted > 0 ? { ...entry, at, targets: entry.targets.slice(0, MAX_AUDIT_TARGETS), targetsOmitted: omitted } : { ...entry, at };
    await this.markDay(entry.tenantId, at.slice(0, 10));
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.auditEntry(entry.tenantId, at, entry.auditId), ...stored },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async list(tenantId: string, query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>> {
    const range = rangeOf(query);
    if (range.lo > range.hi) return { items: [], nextCursor: null };
    const scope = `audit|${tenantId}|${JSON.stringify([range.lo, range.hi, query.principal ?? null, query.action ?? null])}`;
    const start = page.cursor === undefined ? undefined : await this.decodeCursor(scope, page.cursor);
    const found: Item[] = [];
    const pageOf = async (items: Item[], next: AuditPosition | null): Promise<Page<AuditEntry>> => ({
      items: items.map((item) => withoutKeys<AuditEntry>(item)),
      nextCursor: next === null ? null : await this.cursors.encode(scope, next),
    });
    let rounds = 0;
    for await (const day of this.daysNewestFirst(tenantId, range, start?.day)) {
      let after = start !== undefined && day === start.day ? start.after : undefined;
      for (;;) {
        // A narrow filter over a long history: answer a short page rather than run into the timeout.
        if (rounds++ === ROUNDS_PER_PAGE) return pageOf(found, { day, after: after ?? range.hi });
        const round = await this.readDay(tenantId, day, range, query, { after, wanted: page.limit + 1 - found.length });
        found.push(...round.items);
        if (found.length > page.limit) {
          const items = found.slice(0, page.limit);
          const last = items[items.length - 1] as Item;
          return pageOf(items, { day: String(last.at).slice(0, 10), after: String(last.SK) });
        }
        if (round.resumeAfter === undefined) break;
        after = round.resumeAfter;
      }
    }
    return pageOf(found, null);
  }

  /** Marks the day once per adapter instance: a few writes per container and day, never one per entry. */
  private async markDay(tenantId: string, day: string): Promise<void> {
    const marker = `${tenantId}|${day}`;
    if (this.#markedDays.has(marker)) return;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: keys.auditDays(tenantId, day) }));
    if (this.#markedDays.size >= MARKED_DAYS_KEPT) this.#markedDays.clear();
    this.#markedDays.add(marker);
  }

  private async *daysNewestFirst(tenantId: string, range: AuditRange, fromCursorDay: string | undefined): AsyncGenerator<string> {
    const { PK } = keys.auditDays(tenantId, '');
    const lastDay = fromCursorDay !== undefined && fromCursorDay < range.lastDay ? fromCursorDay : range.lastDay;
    const pages = queryEveryPage(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': PK, ':first': range.firstDay, ':last': lastDay },
      ScanIndexForward: false,
      Limit: DAYS_PER_READ,
    });
    for await (const page of pages) for (const item of page.Items ?? []) yield String(item.SK);
  }

  /**
   * One round over a day's shards, newest first, below `after`. A shard that stopped early (its
   * `Limit`) has only been examined down to its last evaluated key; entries are returned only down
   * to the highest such frontier, where the next round resumes (`resumeAfter`), so the merge never
   * skips an entry of a slower shard.
   */
  private async readDay(
    tenantId: string,
    day: string,
    range: AuditRange,
    query: AuditQuery,
    round: { after: string | undefined; wanted: number },
  ): Promise<{ items: Item[]; resumeAfter?: string }> {
    const hi = round.after ?? range.hi;
    const filter = filterOf(query);
    const limit = (filter === undefined ? round.wanted : Math.max(round.wanted, READ_AHEAD)) + (round.after === undefined ? 0 : 1);
    const shards = await Promise.all(
      Array.from({ length: AUDIT_SHARDS }, (_, shard) =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
            ...(filter?.expression === undefined ? {} : { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names }),
            ExpressionAttributeValues: { ':pk': keys.auditPartition(tenantId, day, shard), ':lo': range.lo, ':hi': hi, ...filter?.values },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      ),
    );
    const frontiers = shards.flatMap((result) => (result.LastEvaluatedKey === undefined ? [] : [String(result.LastEvaluatedKey.SK)]));
    const frontier = frontiers.sort().at(-1);
    const merged = shards
      .flatMap((result) => (result.Items ?? []) as Item[])
      .filter((item) => item.SK !== round.after && (frontier === undefined || String(item.SK) >= frontier))
      .sort((a, b) => (String(a.SK) < String(b.SK) ? 1 : -1));
    return { items: merged.slice(0, round.wanted), ...(frontier === undefined ? {} : { resumeAfter: frontier }) };
  }

  private async decodeCursor(scope: string, cursor: string): Promise<AuditPosition> {
    const position = await this.cursors.decode<AuditPosition>(scope, cursor);
    const valid = typeof position === 'object' && position !== null && typeof position.day === 'string' && DAY.test(position.day) && typeof position.after === 'string';
    if (!valid) throw new InvalidCursorError('cursor does not belong to this query');
    return position;
  }
}

/** `principal` and `action` narrow a listing after the key condition (both exact matches). */
function filterOf(query: AuditQuery): { expression: string; names: Record<string, string>; values: Record<string, string> } | undefined {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  if (query.principal !== undefined) {
    clauses.push('#actor.#principal = :principal');
    Object.assign(names, { '#actor': 'actor', '#principal': 'principal' });
    values[':principal'] = query.principal;
  }
  if (query.action !== undefined) {
    clauses.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = query.action;
  }
  return clauses.length === 0 ? undefined : { expression: clauses.join(' AND '), names, values };
}
