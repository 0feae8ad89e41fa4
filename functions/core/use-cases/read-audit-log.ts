import type { HubDependencies } from '../dependencies.js';
import type { AuditEntry, AuditQuery } from '../ports/audit-log.js';
import type { Page, PageRequest } from '../ports/page.js';

/**
 * A page of the tenant's audit log, newest first, narrowed by time (`from` inclusive, `to`
 * exclusive), principal and action. Only the caller's tenant is ever read.
 *
 * @example
 * const page = await listAuditEntries(deps, 'T001', { action: 'update-task' }, { limit: 50 });
 */
export function listAuditEntries(deps: HubDependencies, tenantId: string, query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>> {
  return deps.audit.list(tenantId, query, page);
}
