import { HUB_METRICS } from '../config/hub-metrics.js';
import type { Metrics } from '../core/ports/metrics.js';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { AuditEntry, AuditLog, AuditTarget } from '../core/ports/audit-log.js';
import type { Clock } from '../core/ports/clock.js';
import type { Caller } from './api-request.js';
import { logger } from './logger.js';
import type { RouteDefinition } from './routes.js';

/** Ids before and after a change, by name — ids and states only, never text, names or secrets. */
export type AuditIds = NonNullable<AuditEntry['after']>;

/**
 * What a mutating call changed, as its route's logic reports it in `ApiResponse.audit`: the
 * targets it touched and, where something moved, the ids before and after (e.g. `{ customerId }`
 * of an assignment, `{ status, assignee }` of a task). Omit `before` for a creation and `after`
 * for a deletion.
 */
export interface AuditRecord {
  readonly targets: readonly AuditTarget[];
  readonly before?: AuditIds;
  readonly after?: AuditIds;
}

/** The ports an audited route writes to (pass the hub's dependencies). */
export interface AuditPorts {
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Counts `AuditWriteFailed` (alarmed: a change went unaudited). */
  readonly metrics: Metrics;
}

/** Path parameters that name what a call targets, and the target type each stands for. */
const PATH_TARGETS: Readonly<Record<string, string>> = {
  recordId: 'communication',
  customerId: 'customer',
  insightId: 'insight',
  taskId: 'task',
  reportId: 'report',
};

/**
 * A refused call changed nothing; its targets are what its path names.
 *
 * @example
 * pathTargets(event); // PATCH /v1/tasks/t-1 → [{ type: 'task', id: 't-1' }]
 */
export function pathTargets(event: APIGatewayProxyEventV2WithJWTAuthorizer): AuditTarget[] {
  return Object.entries(event.pathParameters ?? {}).flatMap(([name, id]) => {
    const type = PATH_TARGETS[name];
    return type !== undefined && id !== undefined && id !== '' ? [{ type, id: id.slice(0, 128) }] : [];
  });
}

/**
 * Writes one route call's audit entry. The change is already made when this runs, so a failed
 * append must not turn it into an error the client would redo: the append is retried once (it is
 * idempotent by `auditId`), and if that fails too the whole entry — ids only by design — is logged
 * at error level ("audit entry not written"), for an alarm and a later re-append, and the call's
 * own response is returned unchanged. Never throws.
 *
 * @example
 * await appendAuditEntry(deps, route, event, caller, { status: 200, change: { targets: [{ type: 'task', id: 't-1' }] } });
 */
export async function appendAuditEntry(
  ports: AuditPorts,
  route: RouteDefinition,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  caller: Caller,
  result: { readonly status: number; readonly change?: AuditRecord },
): Promise<void> {
  const entry: AuditEntry = {
    auditId: randomUUID(),
    tenantId: caller.tenantId,
    at: ports.clock.now().toISOString(),
    actor: { principal: caller.principal, scopes: [...caller.scopes] },
    action: route.id,
    request: { method: route.method, path: event.rawPath, requestId: event.requestContext.requestId },
    outcome: result.status,
    targets: result.change?.targets ?? pathTargets(event),
    ...(result.change?.before === undefined ? {} : { before: result.change.before }),
    ...(result.change?.after === undefined ? {} : { after: result.change.after }),
  };
  for (const attempt of [1, 2]) {
    try {
      await ports.audit.append(entry);
      return;
    } catch (error) {
      if (attempt === 2) {
        logger.error('audit entry not written', { route: route.id, requestId: entry.request?.requestId, entry, error: error as Error });
        ports.metrics.count(HUB_METRICS.auditWriteFailed);
      }
    }
  }
}
