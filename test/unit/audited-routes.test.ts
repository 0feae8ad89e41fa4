import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import type { AuditEntry, AuditLog } from '../../functions/core/ports/audit-log.js';
import { noMetrics } from '../../functions/core/ports/metrics.js';
import { httpRoute, type HttpHandler } from '../../functions/http/http-route.js';
import { isAudited, ROUTES, SCOPES, type RouteDefinition } from '../../functions/http/routes.js';

const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
const AUDITED = ROUTE_LIST.filter(isAudited);
const NOW = new Date('2024-06-05T08:00:00.000Z');

/** An audit log that keeps entries in memory, and every other port failing loudly if touched. */
function probeDependencies(entries: AuditEntry[]): HubDependencies {
  const audit: AuditLog = {
    append: async (entry) => void entries.push(entry),
    list: async () => ({ items: [], nextCursor: null }),
  };
  return new Proxy({} as HubDependencies, {
    get: (_, port) => {
      if (port === 'audit') return audit;
      if (port === 'clock') return { now: () => NOW };
      if (port === 'metrics') return noMetrics;
      // A port whose every call rejects (not a throwing getter: a use case may start several calls at once).
      return new Proxy({}, { get: (__, method) => async () => Promise.reject(new Error(`port ${String(port)}.${String(method)} is not available to this probe`)) });
    },
  });
}

/** The event API Gateway would send for `route` with an admin token of tenant T-PROBE and an empty JSON object body. */
function eventFor(route: RouteDefinition): APIGatewayProxyEventV2WithJWTAuthorizer {
  const pathParameters = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name as string, `${name}-1`]));
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-1`);
  const claims = { sub: 'probe-admin', 'custom:tenant_id': 'T-PROBE', scope: SCOPES.admin };
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters,
    requestContext: { requestId: `req-${route.id}`, http: { method: route.method, path: rawPath }, authorizer: { jwt: { claims, scopes: [SCOPES.admin] } } },
    body: '{}',
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

describe('every mutating API call is audited', () => {
  it('audits exactly the routes that change state behind a token: all POST/PUT/PATCH/DELETE but the signed webhooks', () => {
    // Prepare
    const mutating = ROUTE_LIST.filter((route) => route.method !== 'GET');

    // Act
    const audited = mutating.filter(isAudited).map((route) => route.id);

    // Assess
    expect(audited.length).toBeGreaterThanOrEqual(9);
    expect(mutating.filter((route) => !isAudited(route)).map((route) => route.id)).toEqual(['receive-webhook']);
    expect(ROUTE_LIST.filter((route) => route.method === 'GET').some(isAudited)).toBe(false);
  });

  it.each(AUDITED.map((route) => [route.id, route] as const))('%s writes one entry per call, whatever it answers', async (id, route) => {
    // Prepare
    const entries: AuditEntry[] = [];
    const module = (await import(`../../functions/api/${id}.ts`)) as { build: (deps: HubDependencies) => HttpHandler };
    const handler = module.build(probeDependencies(entries));

    // Act
    const result = await handler(eventFor(route));

    // Assess
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      tenantId: 'T-PROBE',
      at: NOW.toISOString(),
      actor: { principal: 'probe-admin', scopes: [SCOPES.admin] },
      action: id,
      request: { method: route.method, path: eventFor(route).rawPath, requestId: `req-${id}` },
      outcome: result.statusCode,
    });
    expect(entries[0]?.auditId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to build an audited route without an audit log', () => {
    // Act
    const build = () => httpRoute('update-task', async () => ({ statusCode: 200, audit: { targets: [] } }));

    // Assess
    expect(build).toThrow(/update-task changes state: pass \{ auditTo \}/);
  });

  it('still answers with the change made when the audit log is down, after one retry', async () => {
    // Prepare
    let attempts = 0;
    const failing: AuditLog = {
      append: async () => {
        attempts += 1;
        throw Object.assign(new Error('table unavailable'), { name: 'ServiceUnavailable' });
      },
      list: async () => ({ items: [], nextCursor: null }),
    };
    const failures: string[] = [];
    const counted = { count: (name: string) => void failures.push(name) };
    const route = ROUTE_LIST.find((candidate) => candidate.id === 'update-task')!;
    const handler = httpRoute('update-task', async () => ({ statusCode: 200, body: { ok: true }, audit: { targets: [{ type: 'task', id: 'taskId-1' }] } }), {
      auditTo: { audit: failing, clock: { now: () => NOW }, metrics: counted },
    });

    // Act
    const result = await handler(eventFor(route));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({ ok: true });
    expect(attempts).toBe(2);
    expect(failures).toEqual(['AuditWriteFailed']);
  });
});
