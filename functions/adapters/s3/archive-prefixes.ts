/**
 * The raw archive bucket's two top-level prefixes — read by the blob store, the SES handler, the
 * embedded SMTP listener and the CDK grants (kept free of SDK imports so the CDK app loads it cheaply).
 */

/** Every payload the hub received, by tenant/channel/date (`blobKeys.raw`). */
export const RAW_PAYLOAD_PREFIX = 'raw/';

/** Where SES's S3 action (or the embedded SMTP listener) stores inbound mail: `inbound/<SES message id>`. */
export const INBOUND_PREFIX = 'inbound/';
