import type { HubDependencies } from '../core/dependencies.js';
import { isAudited, type RouteAccess, type RouteDefinition } from '../http/routes.js';
import { TABLE_STORES, type TableStore } from '../http/table-stores.js';
import type { WorkflowPortGroup } from './workflow-port-groups.js';

/**
 * The groups of AWS adapters a Lambda bundle may hold, each behind one SDK client, with the esbuild
 * `define` name that tells `createHubDependencies` whether the bundle holds it. lib/hub-function.ts
 * sets every name to `true` or `false` from the function's access; the adapters of a `false` group
 * are dead code, and esbuild leaves them — and their SDK client — out of the bundle.
 */
export const ADAPTER_GROUP_FLAGS = {
  /** DynamoDB: the document client and the record store (the table's other stores are groups of their own). */
  table: 'COMMHUB_BUNDLES_TABLE',
  /** S3 and its presigner: the blob store over the raw archive and the blob bucket. */
  blobs: 'COMMHUB_BUNDLES_BLOBS',
  /** Secrets Manager, for the key that signs pagination cursors. */
  cursors: 'COMMHUB_BUNDLES_CURSORS',
  /** Secrets Manager, for the tenants' settings document. */
  tenants: 'COMMHUB_BUNDLES_TENANTS',
  /** DynamoDB: the customer store (profiles, identities, the directory that matches them). */
  customers: 'COMMHUB_BUNDLES_CUSTOMERS',
  /** DynamoDB: the work item store (tasks, insights). */
  workItems: 'COMMHUB_BUNDLES_WORK_ITEMS',
  /** DynamoDB: the report store. */
  reports: 'COMMHUB_BUNDLES_REPORTS',
  /** DynamoDB: the risk episode store. */
  riskEpisodes: 'COMMHUB_BUNDLES_RISK_EPISODES',
  /** DynamoDB: which records use a shared blob. */
  blobReferences: 'COMMHUB_BUNDLES_BLOB_REFERENCES',
  /** DynamoDB: the replay guard of signed webhook deliveries. */
  replayGuard: 'COMMHUB_BUNDLES_REPLAY_GUARD',
  /** DynamoDB: the audit log. */
  audit: 'COMMHUB_BUNDLES_AUDIT',
} as const;


export type AdapterGroup = keyof typeof ADAPTER_GROUP_FLAGS;
export type AdapterGroups = Readonly<Record<AdapterGroup, boolean>>;

/** What decides a function's adapter groups: its storage access (lib/hub-function.ts `FunctionAccess` fits). */
export interface StorageAccess extends RouteAccess {
  /** A raw archive prefix the function reads. */
  readonly rawArchiveRead?: string;
  /** Appends audit entries (to the table, whatever `table` says). */
  readonly audit?: boolean;
}

/** What each group needs in an access, in the words of the access: error messages quote it. */
export const ADAPTER_GROUP_ACCESS: Readonly<Record<AdapterGroup, string>> = {
  table: "table other than 'none', or audit",
  blobs: "rawArchive or blobs other than 'none', rawArchiveRead, or erase",
  cursors: 'cursors: true',
  tenants: 'tenants: true',
  ...(Object.fromEntries(TABLE_STORES.map((store) => [store, `table other than 'none', and '${store}' in stores if it names them`])) as Record<TableStore, string>),
  audit: "an audited route, or table other than 'none' and 'audit' in stores if it names them",
};

/**
 * The adapter groups an access allows — by the conditions under which the stack grants the matching
 * IAM actions and sets the matching environment variables (lib/hub-function.ts), so a function holds
 * exactly the adapters it may call.
 *
 * @example
 * ```ts
 * adapterGroupsOf({ table: 'read', rawArchive: 'none', blobs: 'none', cursors: true, stores: ['customers'] });
 * // { table: true, blobs: false, cursors: true, tenants: false, customers: true, workItems: false, …, audit: false }
 * ```
 */
export function adapterGroupsOf(access: StorageAccess): AdapterGroups {
  const table = access.table !== 'none' || access.audit === true;
  return {
    table,
    blobs: access.rawArchive !== 'none' || access.blobs !== 'none' || access.rawArchiveRead !== undefined || access.erase === true,
    cursors: access.cursors,
    tenants: access.tenants === true,
    ...tableStoreGroups(access.table !== 'none', access.stores),
    audit: access.audit === true || (access.table !== 'none' && (access.stores === undefined || access.stores.includes('audit'))),
  };
}

/** The store groups of a function with the table (`table`): those `stores` names, or every one when it names none. */
export function tableStoreGroups(table: boolean, stores?: readonly TableStore[]): Record<TableStore, boolean> {
  return Object.fromEntries(TABLE_STORES.map((store) => [store, table && (stores === undefined || stores.includes(store))])) as Record<TableStore, boolean>;
}

/** A route function's groups: its access plus, for an audited route, the table its audit log lives in (as lib/route-function.ts grants). */
export function routeAdapterGroups(route: RouteDefinition): AdapterGroups {
  return adapterGroupsOf({ ...route.access, audit: isAudited(route) });
}

/**
 * The esbuild `define` entries of a function's bundle (JSON values, as esbuild takes them).
 *
 * @example
 * ```ts
 * adapterGroupDefines({ table: 'read', rawArchive: 'none', blobs: 'none', cursors: false });
 * // { COMMHUB_BUNDLES_TABLE: 'true', COMMHUB_BUNDLES_BLOBS: 'false', COMMHUB_BUNDLES_CURSORS: 'false', COMMHUB_BUNDLES_TENANTS: 'false' }
 * ```
 */
export function adapterGroupDefines(access: StorageAccess): Record<string, string> {
  const groups = adapterGroupsOf(access);
  return Object.fromEntries(Object.entries(ADAPTER_GROUP_FLAGS).map(([group, flag]) => [flag, String(groups[group as AdapterGroup])]));
}

/** The group each hub port's adapter belongs to; `null` for ports every function has (metrics, clock). */
export const HUB_PORT_GROUPS: Readonly<Record<keyof HubDependencies, AdapterGroup | null>> = {
  records: 'table',
  customers: 'customers',
  workItems: 'workItems',
  reports: 'reports',
  riskEpisodes: 'riskEpisodes',
  blobReferences: 'blobReferences',
  replayGuard: 'replayGuard',
  audit: 'audit',
  blobs: 'blobs',
  tenants: 'tenants',
  metrics: null,
  clock: null,
};

/** A port (or the cursor key) used by a function whose access does not allow it, so it was not wired. */
export class MissingAdapterError extends Error {
  override readonly name = 'MissingAdapterError';

  constructor(functionName: string, port: string, group: AdapterGroup | WorkflowPortGroup) {
    const needs = group in ADAPTER_GROUP_ACCESS ? ADAPTER_GROUP_ACCESS[group as AdapterGroup] : `workflowPorts including '${group}'`;
    super(`${functionName} uses ${port}, but its access allows no ${group} adapters (needs ${needs}): declare it in the function's access`);
  }
}

/**
 * What a port outside the function's adapter groups is in its bundle: a thunk that throws
 * {@link MissingAdapterError} naming the function (Lambda's name for it) and the access it lacks.
 */
export function missingAdapter(port: string, group: AdapterGroup | WorkflowPortGroup): () => never {
  return () => {
    throw new MissingAdapterError(process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'this function', port, group);
  };
}
