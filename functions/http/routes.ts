import { BLOB_PREFIXES, type BlobPrefix } from '../adapters/s3/blob-prefixes.js';
import type { TableStore } from './table-stores.js';

/**
 * The HTTP API's routes — the one list the CDK stack (Lambda per route + API Gateway route +
 * authorizer scope), the embedded server (router) and the OpenAPI generator read.
 */
export const SCOPES = {
  read: 'commhub/read',
  ingest: 'commhub/ingest',
  admin: 'commhub/admin',
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** What a route's function touches; the stack grants exactly this and nothing more. */
export interface RouteAccess {
  /**
   * `update`: read, and update existing items in place (no put, no delete) — for routes that only change an item's state.
   * `create`: read, and put new items (conditional puts; no update, no delete) — for routes that only add an item.
   */
  readonly table: 'read' | 'update' | 'create' | 'readWrite' | 'none';
  readonly rawArchive: 'write' | 'none';
  /** `write`: put objects only (presigned uploads). */
  readonly blobs: 'read' | 'write' | 'readWrite' | 'none';
  /**
   * The blob key prefixes (`BLOB_PREFIXES`) that `blobs` is limited to.
   * @default - every key of the blob bucket
   */
  readonly blobPrefixes?: readonly BlobPrefix[];
  /** Signs and verifies pagination cursors (needs the cursor key). */
  readonly cursors: boolean;
  /** Reads tenant settings (webhook secrets, internal domains). */
  readonly tenants?: boolean;
  /** Starts record workflows (Step Functions executions). */
  readonly workflows?: boolean;
  /** Starts periodic runs (the A16 coordinator: reports). */
  readonly periodicRuns?: boolean;
  /**
   * Deletes data for good (privacy requests, retention): s3:DeleteObject and s3:DeleteObjectVersion
   * under the data prefixes of both buckets, and listing (versions) under them — on top of `blobs`.
   */
  readonly erase?: boolean;
  /**
   * The table's stores beyond the records that the function uses
   * (its bundle holds only their adapters; `TABLE_STORES`).
   * @default - every store
   */
  readonly stores?: readonly TableStore[];
}

export type { TableStore } from './table-stores.js';

export interface RouteDefinition {
  /** Stable id: names the Lambda function and the handler module `functions/api/<id>.ts`. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax, `{name}` for a path parameter. */
  readonly path: string;
  /** Scope the caller's token must carry; `null` = public (health) — webhooks authenticate by signature. */
  readonly scope: Scope | null;
  readonly access: RouteAccess;
}

const NO_ACCESS: RouteAccess = { table: 'none', rawArchive: 'none', blobs: 'none', cursors: false };

export const ROUTES = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    scope: null,
    access: NO_ACCESS,
  },
  {
    id: 'get-openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    scope: null,
    access: NO_ACCESS,
  },
  {
    id: 'create-communication',
    method: 'POST',
    path: '/v1/communications',
    scope: SCOPES.ingest,
    access: { table: 'readWrite', rawArchive: 'write', blobs: 'readWrite', blobPrefixes: [BLOB_PREFIXES.attachments, BLOB_PREFIXES.content], cursors: false },
  },
  {
    id: 'get-communication',
    method: 'GET',
    path: '/v1/communications/{recordId}',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'read', blobPrefixes: [BLOB_PREFIXES.attachments, BLOB_PREFIXES.uploads, BLOB_PREFIXES.content], cursors: false },
  },
  {
    id: 'get-timeline',
    method: 'GET',
    path: '/v1/customers/{customerId}/timeline',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    id: 'list-customers',
    method: 'GET',
    path: '/v1/customers',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    id: 'put-customer',
    method: 'PUT',
    path: '/v1/customers/{customerId}',
    scope: SCOPES.admin,
    access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: false },
  },
  {
    id: 'get-customer',
    method: 'GET',
    path: '/v1/customers/{customerId}',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true, tenants: true },
  },
  {
    id: 'create-communications-batch',
    method: 'POST',
    path: '/v1/communications/batch',
    scope: SCOPES.ingest,
    access: { table: 'readWrite', rawArchive: 'write', blobs: 'readWrite', blobPrefixes: [BLOB_PREFIXES.attachments, BLOB_PREFIXES.content], cursors: false },
  },
  {
    id: 'assign-communication',
    method: 'POST',
    path: '/v1/communications/{recordId}/assign',
    scope: SCOPES.ingest,
    access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: false },
  },
  {
    id: 'replay-analyses',
    method: 'POST',
    path: '/v1/admin/replays',
    scope: SCOPES.admin,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true, workflows: true },
  },
  {
    id: 'list-unmatched',
    method: 'GET',
    path: '/v1/unmatched',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    id: 'list-customer-insights',
    method: 'GET',
    path: '/v1/customers/{customerId}/insights',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    // Read scope: the sales and service staff who read a customer's alerts are the ones who handle
    // them; the change touches only the insight's handling (status, who, when, note), never records,
    // profiles or tenant settings (admin), and integrators' ingest scope is for machines.
    id: 'update-insight',
    method: 'PATCH',
    path: '/v1/insights/{insightId}',
    scope: SCOPES.read,
    access: { table: 'update', rawArchive: 'none', blobs: 'none', cursors: false },
  },
  {
    id: 'list-tasks',
    method: 'GET',
    path: '/v1/tasks',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    // Read scope, as for PATCH: staff create their own tasks (from a report's action item or an
    // insight); it only adds a task — put-only, conditional — and reads the customer and the tenant's zone.
    id: 'create-task',
    method: 'POST',
    path: '/v1/tasks',
    scope: SCOPES.read,
    access: { table: 'create', rawArchive: 'none', blobs: 'none', cursors: false, tenants: true },
  },
  {
    // Read scope, as for insights: the staff a task is assigned to work it; only the task changes.
    id: 'update-task',
    method: 'PATCH',
    path: '/v1/tasks/{taskId}',
    scope: SCOPES.read,
    access: { table: 'update', rawArchive: 'none', blobs: 'none', cursors: false },
  },
  {
    id: 'create-upload',
    method: 'POST',
    path: '/v1/uploads',
    scope: SCOPES.ingest,
    access: { table: 'none', rawArchive: 'none', blobs: 'write', blobPrefixes: [BLOB_PREFIXES.uploads], cursors: false },
  },
  {
    id: 'receive-webhook',
    method: 'POST',
    path: '/v1/webhooks/{tenantId}/{channel}',
    scope: null,
    access: {
      table: 'readWrite',
      rawArchive: 'write',
      blobs: 'readWrite',
      blobPrefixes: [BLOB_PREFIXES.attachments, BLOB_PREFIXES.content],
      cursors: false,
      tenants: true,
      stores: ['customers', 'blobReferences', 'replayGuard'],
    },
  },
  {
    id: 'verify-webhook',
    method: 'GET',
    path: '/v1/webhooks/{tenantId}/{channel}',
    scope: null,
    access: { table: 'readWrite', rawArchive: 'write', blobs: 'none', cursors: false, tenants: true, stores: [] },
  },
  {
    id: 'create-report',
    method: 'POST',
    path: '/v1/reports',
    scope: SCOPES.read,
    access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: false, tenants: true, periodicRuns: true },
  },
  {
    id: 'get-report',
    method: 'GET',
    path: '/v1/reports/{reportId}',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'read', blobPrefixes: [BLOB_PREFIXES.reports], cursors: false },
  },
  {
    id: 'list-reports',
    method: 'GET',
    path: '/v1/reports',
    scope: SCOPES.read,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
  {
    id: 'delete-communication',
    method: 'DELETE',
    path: '/v1/communications/{recordId}',
    scope: SCOPES.admin,
    access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: true, erase: true },
  },
  {
    id: 'delete-customer',
    method: 'DELETE',
    path: '/v1/customers/{customerId}',
    scope: SCOPES.admin,
    access: { table: 'readWrite', rawArchive: 'none', blobs: 'readWrite', blobPrefixes: [BLOB_PREFIXES.reports], cursors: true, erase: true },
  },
  {
    id: 'get-caller',
    method: 'GET',
    path: '/v1/me',
    scope: SCOPES.read,
    access: { table: 'none', rawArchive: 'none', blobs: 'none', cursors: false, tenants: true },
  },
  {
    id: 'list-audit',
    method: 'GET',
    path: '/v1/audit',
    scope: SCOPES.admin,
    access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: true },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

/**
 * The scopes that open a route: its own, and admin (an admin may do anything in its tenant). API
 * Gateway's authorizer and the shared handler wrapper both use this list.
 */
export function acceptedScopes(route: Pick<RouteDefinition, 'scope'>): Scope[] {
  return route.scope === null ? [] : [...new Set<Scope>([route.scope, SCOPES.admin])];
}

const MUTATING_METHODS: readonly RouteDefinition['method'][] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Whether every call of a route goes to the audit log: all mutating methods behind a token scope.
 * Webhooks (scope `null`) are vendor deliveries authenticated by signature and archived raw instead.
 * The CDK stack grants audit appends, and `httpRoute` demands an audit log and targets, from this.
 *
 * @example
 * isAudited(routeById('update-task')); // true
 * isAudited(routeById('receive-webhook')); // false: signed by the vendor, archived raw
 */
export function isAudited(route: Pick<RouteDefinition, 'method' | 'scope'>): boolean {
  return route.scope !== null && MUTATING_METHODS.includes(route.method);
}

/** The ids of the routes {@link isAudited} holds for, as a type: their logic must say what it changed. */
export type AuditedRouteId = Extract<(typeof ROUTES)[number], { readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; readonly scope: Scope }>['id'];

export function routeById(id: RouteId): RouteDefinition {
  return ROUTES.find((route) => route.id === id) as RouteDefinition;
}
