/**
 * The single DynamoDB table's keys and indexes — the one definition used by the CDK storage
 * construct, the embedded runtime (which creates the table from it) and the store adapter.
 *
 * Access patterns (see ARCHITECTURE.md, "Data design"):
 * - record by id, O(1)                → base table  PK=`T#<tenant>#R#<idHash>`  SK=`RECORD`
 * - customer timeline, newest first   → GSI1        GSI1PK=`T#<tenant>#C#<customerId>#TL`  GSI1SK=`<occurredAt>#<recordId>`
 * - unmatched inbox (sharded)         → GSI1        GSI1PK=`T#<tenant>#UNMATCHED#<shard>`
 * - tenant day feed (sharded)         → GSI2        GSI2PK=`T#<tenant>#FEED#<yyyy-mm-dd>#<shard>` GSI2SK=`<occurredAt>#<recordId>`
 * - customer profile                  → base table  PK=`T#<tenant>#C#<customerId>`  SK=`PROFILE`
 * - a tenant's customers by priority → GSI2        GSI2PK=`T#<tenant>#CUSTOMERS`  GSI2SK=`<priority>#<customerId>`
 * - a tenant's customers by name     → GSI1        GSI1PK=`T#<tenant>#NAMES`  GSI1SK=`<normalised name>\u0001<customerId>` (on the profile item)
 * - a customer's search terms         → base table  PK=`T#<tenant>#C#<customerId>`  SK=`TERM#<term>`
 * - customers by search-term prefix   → GSI1        GSI1PK=`T#<tenant>#TERMS#<first character>`  GSI1SK=`<term>`
 * - a customer's open risk alerts    → base table  PK=`T#<tenant>#C#<customerId>`  SK=`RISK_EPISODES`
 * - identity → customer               → base table  PK=`T#<tenant>#ID#<kind>#<value>`  SK=`IDENTITY`
 * - a customer's identities            → GSI1        GSI1PK=`T#<tenant>#C#<customerId>#IDS`  GSI1SK=`<kind>#<value>`
 * - records using a shared blob        → base table  PK=`T#<tenant>#BLOB#<blob key>`  SK=`R#<recordId>`
 * - blobs a record uses (beyond its own) → GSI1      GSI1PK=`T#<tenant>#R#<recordId>#BLOBS`  GSI1SK=`<blob key>`
 * - an erased record (tombstone)       → base table  the record's own key, no index keys (retention ones expire by TTL)
 * - where the retention sweep got to   → base table  PK=`T#<tenant>#RETENTION`  SK=`SWEEP`
 * - days a tenant has had records on   → base table  PK=`T#<tenant>#DAYS`  SK=`<yyyy-mm-dd>` (touched at most every 10 min per process)
 * - blobs awaiting the daily purge      → base table  PK=`T#<tenant>#PURGE`  SK=`R#<recordId>`
 * - insight / task by id              → base table  PK=`T#<tenant>#INSIGHT#<id>` / `T#<tenant>#TASK#<id>`
 * - a customer's insights / tasks     → GSI1        GSI1PK=`T#<tenant>#C#<customerId>#INSIGHTS` / `#TASKS`
 * - tasks by assignee                 → GSI2        GSI2PK=`T#<tenant>#ASSIGNEE#<assignee>`  GSI2SK=`<status>#<dueAt>#<id>`
 * - report by id                      → base table  PK=`T#<tenant>#REPORT#<id>`  SK=`REPORT`
 * - a tenant's reports, newest first  → GSI1        GSI1PK=`T#<tenant>#REPORTS`  GSI1SK=`<createdAt>#<id>`
 * - replay window of signed webhooks   → base table  PK=`T#<tenant>#REPLAY#<channel>#<digest>`  (expires by TTL)
 * - task token of a waiting transcription → base table PK=`TRANSCRIPTION#<job name>`  SK=`WAITING_TASK` (expires by TTL)
 * - audit entry (append-only, no TTL) → base table  PK=`AUDIT#<tenant>#<yyyy-mm-dd>#<shard>`  SK=`<at>#<auditId>`
 * - days that have audit entries      → base table  PK=`AUDIT_DAYS#<tenant>`  SK=`<yyyy-mm-dd>`
 *
 * Audit trade-off: a tenant's audit trail is cut by UTC day and spread over `AUDIT_SHARDS` shards
 * (by auditId hash), so a busy tenant's writes never pile onto one key (8 × ~1,000 writes/s per day
 * partition) and `from`/`to` become a key condition. The price is on reads: a listing walks the
 * days that have entries (found in the small `AUDIT_DAYS` partition, newest first) and merges the
 * shards of each day — more round trips than one partition, fine for an admin's occasional query.
 * Audit items carry no TTL and no customer key, so record deletion and retention never touch them;
 * their keys lead with `AUDIT` (no other key does), so the append grant is limited to them by
 * `dynamodb:LeadingKeys` (`AUDIT_PARTITION_PATTERNS`).
 *
 * Directory trade-off: search by name, domain or email (`GET /v1/customers?q=`) is a `begins_with`
 * query on one term partition (split by the term's first character, so a tenant's writes spread
 * over many keys) instead of a filter over every profile. It costs writes: one item per search term
 * (customer-search.ts) — a Chinese name gives one per character, a Latin name one per word, an
 * address up to 4, de-duplicated — e.g. `宁波奥克斯空调` with `auxgroup.com` and two addresses there:
 * 7 + 2 + 4 = 13 items (`Ningbo AUX Air Conditioning Co., Ltd.` likewise: 12), at most 100. Each
 * item is written to the table and to GSI1 (~2 write units; items are ~150 bytes). A
 * profile PUT writes only terms that changed (all of them when the name changes, since each carries
 * the name order) and deletes the dropped ones; the name listing itself costs nothing extra (GSI1
 * keys on the profile item). Reads stay bounded: a search reads at most 2,000 term items (~1 round
 * trip) and the page's profiles in one BatchGetItem; a query matching more (a letter or two in a big
 * tenant) walks the name list instead, where its matches are dense, at most 2,000 profiles a request.
 *
 * Deletion trade-off: an attachment is stored once per tenant and SHA-256, so deleting a record may
 * delete its bytes only when no other record uses them. Records hold their attachments in a list,
 * which no index can key on, and a Scan is out of the question: one small reference item per
 * (blob, record) is written at ingest instead — only for records with attachments, an upload or
 * inbound mail, and for a redelivery that brought a new raw payload; a plain record costs nothing.
 * The `DAYS` items let a retention sweep walk only days that have records (and catch a backfill of
 * old data) for about one write per tenant, day and process every ten minutes.
 */
export const TABLE_DESIGN = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: {
    byOwner: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    byFeed: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  },
} as const;

/** Epoch seconds after which an item (e.g. a replay-window entry) may be deleted by DynamoDB TTL. */
export const EXPIRY_ATTRIBUTE = 'expiresAtEpoch';

/** Every key attribute is a string; listed once so both runtimes create identical tables. */
export const KEY_ATTRIBUTES = [
  TABLE_DESIGN.partitionKey,
  TABLE_DESIGN.sortKey,
  TABLE_DESIGN.indexes.byOwner.partitionKey,
  TABLE_DESIGN.indexes.byOwner.sortKey,
  TABLE_DESIGN.indexes.byFeed.partitionKey,
  TABLE_DESIGN.indexes.byFeed.sortKey,
] as const;

/**
 * Shards for tenant-wide partitions. 16 shards × 1,000 WCU per partition leaves the day feed of a
 * tenant at 100k events/s well inside the per-partition limit once adaptive capacity splits them.
 */
export const FEED_SHARDS = 16;
export const UNMATCHED_SHARDS = 8;
/** Shards of a tenant's audit day (see the audit trade-off above). */
export const AUDIT_SHARDS = 8;

/** The CreateTable input both runtimes use (on AWS the construct maps it onto `TableV2`). */
export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, indexes } = TABLE_DESIGN;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: Object.values(indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
