import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mapError, RETRY_AFTER_SECONDS } from './api-errors.js';
import { apiRequestOf, callerOf, identityOf, type ApiRequest, type Caller } from './api-request.js';
import { appendAuditEntry, type AuditPorts, type AuditRecord } from './audit-trail.js';
import { JSON_HEADERS } from './json-headers.js';
import { logger } from './logger.js';
import { correlate, withCorrelation } from '../observability/correlation.js';
import { isAudited, routeById, type AuditedRouteId, type RouteId } from './routes.js';

export interface ApiResponse {
  readonly statusCode: number;
  /** Sent as JSON… */
  readonly body?: unknown;
  /** …or, for a vendor that expects it (URL verification echoes), as this literal text. */
  readonly text?: { readonly contentType: string; readonly content: string };
  readonly headers?: Readonly<Record<string, string>>;
  /** What the call changed, for the audit log (required of audited routes; see {@link httpRoute}). */
  readonly audit?: AuditRecord;
}

/** The response of an audited route's logic: it must say what it changed. */
export type AuditedResponse = ApiResponse & { readonly audit: AuditRecord };
/** What a route's logic must return: an {@link AuditedResponse} for a mutating route with a scope. */
export type ResponseOf<Id extends RouteId> = Id extends AuditedRouteId ? AuditedResponse : ApiResponse;

export type RouteLogic<R extends ApiResponse = ApiResponse> = (request: ApiRequest) => Promise<R>;

export interface HttpRouteOptions {
  /** Where an audited route's entries go (pass the hub's dependencies); required when `isAudited(route)`. */
  readonly auditTo?: AuditPorts;
}
export type HttpHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Wraps a route's logic into an API Gateway v2 handler: authenticates and checks scope, limits
 * and parses the body, and maps every error to the one error shape. Never lets an error escape
 * as a crash: unknown errors become a logged 500.
 *
 * Audit: for a route that `isAudited` (every POST/PUT/PATCH/DELETE behind a scope), every call whose
 * token names a tenant — answered 2xx, refused 4xx (403 for a missing scope included), or failed
 * 5xx — appends one entry to `options.auditTo.audit`: actor (principal, scopes), tenant, action (the
 * route id), method, concrete path, request id, outcome (the status) and the logic's
 * `response.audit` (targets, ids before and after). A refused or failed call's targets are the ids
 * its path names. The types make the logic of an audited route return `audit`, and building one
 * without `auditTo` throws, so a new mutating route cannot go unaudited. The entry is written after
 * the change and before the response; if it cannot be written (after one retry) it is logged as an
 * error and the response still goes out — a change that was made is never reported as failed.
 * A 401 (no verified token) names no tenant and is not audited.
 *
 * @example
 * export const build = (deps: HubDependencies) =>
 *   httpRoute('update-task', async (request) => {
 *     const { before, after } = await updateTask(deps, ...);
 *     const audit = { targets: [{ type: 'task', id: after.taskId }], before: { status: before?.status ?? null }, after: { status: after.status } };
 *     return { statusCode: 200, body: after, audit };
 *   }, { auditTo: deps });
 */
export function httpRoute<Id extends RouteId>(routeId: Id, logic: RouteLogic<ResponseOf<Id>>, options: HttpRouteOptions = {}): HttpHandler {
  // Literal in a bundle (bundle-flags.d.ts): a function without the audit log (a webhook) bundles no audit trail.
  const withAudit = typeof COMMHUB_BUNDLES_AUDIT === 'undefined' || COMMHUB_BUNDLES_AUDIT;
  const route = routeById(routeId);
  const auditTo = withAudit && isAudited(route) ? options.auditTo : undefined;
  if (withAudit && isAudited(route) && auditTo === undefined) throw new Error(`route ${route.id} changes state: pass { auditTo } so its calls are audited`);
  const handle: HttpHandler = async (event) => {
    let caller: Caller | undefined;
    try {
      caller = callerOf(event, route);
      correlate({ tenantId: caller.tenantId });
      const response = await logic(apiRequestOf(event, caller));
      if (withAudit && auditTo) await appendAuditEntry(auditTo, route, event, caller, { status: response.statusCode, change: response.audit });
      if (response.text) {
        return { statusCode: response.statusCode, headers: { 'content-type': response.text.contentType, 'cache-control': 'no-store', ...response.headers }, body: response.text.content };
      }
      return { statusCode: response.statusCode, headers: { ...JSON_HEADERS, ...response.headers }, body: JSON.stringify(response.body) };
    } catch (error) {
      const mapped = mapError(error);
      const context = { route: route.id, requestId: event.requestContext.requestId, status: mapped.statusCode };
      if (mapped.statusCode >= 500) logger.error('request failed', { ...context, error: error as Error });
      else logger.info('request rejected', { ...context, code: mapped.body.error.code, fields: mapped.body.error.details.map((d) => d.path) }); // the message may quote the body
      const refused = caller ?? identityOf(event);
      if (withAudit && auditTo && refused) await appendAuditEntry(auditTo, route, event, refused, { status: mapped.statusCode });
      const headers = mapped.statusCode === 503 ? { ...JSON_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) } : JSON_HEADERS;
      return { statusCode: mapped.statusCode, headers, body: JSON.stringify(mapped.body) };
    }
  };
  // A scope per call, not logger.appendKeys: the embedded server runs many requests at once.
  return (event) => withCorrelation({ requestId: event.requestContext.requestId, route: route.id }, () => handle(event));
}
