import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import type { Changed } from '../model/changed.js';
import type { Insight, InsightStatus } from '../model/insight.js';
import type { Page } from '../ports/page.js';
import type { InsightFilter } from '../ports/work-item-store.js';
import { customerExists } from './customer-exists.js';

export interface InsightQuery extends InsightFilter {
  readonly tenantId: string;
  readonly customerId: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A page of a customer's insights (A11–A14 findings and alerts), newest first, filtered by type and
 * status. An unknown customer (or another tenant's) is a `NotFoundError`; a known customer whose
 * filters match nothing gets an empty page. The existence check runs only on empty first pages.
 */
export async function listCustomerInsights(deps: HubDependencies, query: InsightQuery): Promise<Page<Insight>> {
  const { tenantId, customerId } = query;
  const page = await deps.workItems.listInsights(tenantId, customerId, { limit: query.limit, cursor: query.cursor }, { types: query.types, statuses: query.statuses });
  if (page.items.length > 0 || query.cursor !== undefined) return page;
  if (!(await customerExists(deps, tenantId, customerId))) throw new NotFoundError(`customer ${customerId} not found`);
  return page;
}

/** A person's handling of an insight: the status it moves to, and why. */
export interface InsightHandling {
  readonly tenantId: string;
  readonly insightId: string;
  readonly status: Exclude<InsightStatus, 'new'>;
  readonly note?: string;
  /** The `sub` of the caller's token: recorded as `handledBy`. */
  readonly principal: string;
}

/**
 * Moves an insight along `INSIGHT_TRANSITIONS`, recording who, when and the note. Repeating the
 * same change returns the insight unchanged; a move the state machine forbids is an
 * `InvalidTransitionError`; an unknown insight (or another tenant's) a `NotFoundError`. Returns the
 * insight before (for the audit log) and after.
 *
 * @example
 * const { before, after } = await handleInsight(deps, { tenantId: 'T001', insightId: 'i-1', status: 'acted', principal: 'u1' });
 */
export async function handleInsight(deps: HubDependencies, command: InsightHandling): Promise<Changed<Insight>> {
  const at = deps.clock.now().toISOString();
  const change = { to: command.status, by: command.principal, at, ...(command.note === undefined ? {} : { note: command.note }) };
  const before = await deps.workItems.getInsight(command.tenantId, command.insightId);
  const after = await deps.workItems.changeInsightStatus(command.tenantId, command.insightId, change);
  if (!after) throw new NotFoundError(`insight ${command.insightId} not found`);
  return { before, after };
}
