import { INBOUND_PREFIX, RAW_PAYLOAD_PREFIX } from '../functions/adapters/s3/archive-prefixes.js';
import { BLOB_PREFIXES } from '../functions/adapters/s3/blob-prefixes.js';

/**
 * The key prefixes deletion (privacy requests, retention: `access.erase`) works under, per bucket:
 * every kind of data the hub stores — read by the grant and by its cdk-nag acknowledgments.
 */
export const ERASABLE_PREFIXES = {
  rawArchive: [RAW_PAYLOAD_PREFIX, INBOUND_PREFIX],
  blobs: Object.values(BLOB_PREFIXES),
} as const;
