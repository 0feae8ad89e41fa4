import type { Page, PageRequest } from './page.js';

/** Who made a change: a person or a machine client (from the token), or the hub itself (`system:<job>`). */
export interface AuditActor {
  /** The token's subject (`sub`), a client id, or `system:retention` for the hub's own jobs. */
  readonly principal: string;
  /** The scopes the caller's token carried; empty for the hub's own jobs. */
  readonly scopes: readonly string[];
}

/** What a change touched: ids only, never content (`before`/`after` name the ids that moved). */
export interface AuditTarget {
  /** `communication`, `customer`, `insight`, `task`, `report`, `upload`, `replay`, … */
  readonly type: string;
  readonly id: string;
}

/**
 * One mutating call, kept for admins: who, which tenant, what (the route or job), when, and the ids
 * before and after (e.g. a record's customer before and after an assignment, the ids a deletion
 * removed). Never holds message text, names or secrets.
 */
export interface AuditEntry {
  readonly auditId: string;
  readonly tenantId: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  readonly actor: AuditActor;
  /** The route id (`update-task`, `delete-customer`, …) or the job (`retention-sweep`). */
  readonly action: string;
  /** `PATCH /v1/tasks/{taskId}` for an API call; absent for the hub's own jobs. */
  readonly request?: { readonly method: string; readonly path: string; readonly requestId?: string };
  /** The HTTP status returned (2xx for a change made, 4xx for one refused after authentication). */
  readonly outcome: number;
  /** At most `MAX_AUDIT_TARGETS` are kept; the rest are counted in `targetsOmitted`. */
  readonly targets: readonly AuditTarget[];
  /** How many targets beyond `MAX_AUDIT_TARGETS` the change touched (set by the log, not the caller). */
  readonly targetsOmitted?: number;
  /** Ids before the change, by name (`customerId`, `status`, `assignee`, …); absent when nothing existed. */
  readonly before?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
  /** Ids after the change, by name; absent when the change removed the target. */
  readonly after?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}

/** Narrows an audit listing; every field optional. */
export interface AuditQuery {
  /** ISO-8601 bounds on `at`, inclusive from, exclusive to. */
  readonly from?: string;
  readonly to?: string;
  readonly principal?: string;
  readonly action?: string;
}

/**
 * Targets an entry lists (a batch lists its up to 500 records, a replay its up to 1,000); a change
 * touching more keeps the first ones and counts the rest, so an entry always fits one item.
 */
export const MAX_AUDIT_TARGETS = 1000;

/** The tenant's audit trail: append-only, listed newest first. */
export interface AuditLog {
  /**
   * Idempotent by `auditId`: appending the same entry twice (a retry sends it unchanged) keeps one.
   * Build the entry once and retry with that object — a new `at` would be a new position in time.
   */
  append(entry: AuditEntry): Promise<void>;
  list(tenantId: string, query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>>;
}
