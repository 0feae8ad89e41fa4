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
 * - a customer's open risk alerts    → base table  PK=`T#<tenant>#C#<customerId>`  SK=`RISK_EPISODES`
 * - identity → customer               → base table  PK=`T#<tenant>#ID#<kind>#<value>`  SK=`IDENTITY`
 * - insight / task by id              → base table  PK=`T#<tenant>#INSIGHT#<id>` / `T#<tenant>#TASK#<id>`
 * - a customer's insights / tasks     → GSI1        GSI1PK=`T#<tenant>#C#<customerId>#INSIGHTS` / `#TASKS`
 * - tasks by assignee                 → GSI2        GSI2PK=`T#<tenant>#ASSIGNEE#<assignee>`  GSI2SK=`<status>#<dueAt>#<id>`
 * - report by id                      → base table  PK=`T#<tenant>#REPORT#<id>`  SK=`REPORT`
 * - a tenant's reports, newest first  → GSI1        GSI1PK=`T#<tenant>#REPORTS`  GSI1SK=`<createdAt>#<id>`
 * - replay window of signed webhooks   → base table  PK=`T#<tenant>#REPLAY#<channel>#<digest>`  (expires by TTL)
 * - task token of a waiting transcription → base table PK=`TRANSCRIPTION#<job name>`  SK=`WAITING_TASK` (expires by TTL)
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
