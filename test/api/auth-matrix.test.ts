import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { signToken, type HubClaims } from '../../embedded/jwt.js';
import type { Insight } from '../../functions/core/model/insight.js';
import type { Task } from '../../functions/core/model/task.js';
import { ROUTES, SCOPES, type RouteDefinition } from '../../functions/http/routes.js';
import { canonicalInput } from '../support/records.js';
import { ALL_SCOPES, callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

/**
 * The authorization matrix, on every route of ROUTES (routes added later are covered as they are
 * added): 401 for a missing or invalid token, 403 for a missing scope or tenant claim, 404 — the same
 * body as for an absent id — for another tenant's resource; health public; webhooks by signature only.
 */
const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
const OWNER = 'T001';
const STRANGER = 'T002';
const CUSTOMER = 'CUST-AUTHZ';
const ABSENT = 'ABSENT-AUTHZ-0001';
/** Path parameters naming a tenant's own item: another tenant's id must look absent. */
const OWNED_PARAMETERS = ['recordId', 'customerId', 'insightId', 'taskId', 'reportId'] as const;
type OwnedIds = Record<(typeof OWNED_PARAMETERS)[number], string>;
/** Parameters that are not items: webhooks name the tenant and the vendor in the path. */
const FIXED_PARAMETERS: Readonly<Record<string, string>> = { tenantId: OWNER, channel: 'telephony' };
/** Bodies that pass validation, so a request reaches the item lookup. */
const VALID_BODIES: Readonly<Record<string, (ids: OwnedIds) => unknown>> = {
  'assign-communication': (ids) => ({ customerId: ids.customerId }),
  'update-insight': () => ({ status: 'read' }),
  'update-task': () => ({ status: 'in_progress' }),
  'create-task': (ids) => ({ customerId: ids.customerId, title: '矩阵任务' }),
};
/** Routes whose body (not path) names a tenant's own item: another tenant's id there must look absent too. */
const BODY_OWNED: Readonly<Record<string, keyof OwnedIds>> = { 'create-task': 'customerId' };
/** Queries a list route needs to answer at all (T001's task is assigned to `matrix`, the tokens' subject). */
const LIST_QUERIES: Readonly<Record<string, (ids: OwnedIds) => string>> = {
  'list-tasks': () => '?assignee=matrix',
};

const parametersOf = (route: RouteDefinition) => [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
const ownedParameterOf = (route: RouteDefinition) => parametersOf(route).find((name) => (OWNED_PARAMETERS as readonly string[]).includes(name));
const pathOf = (route: RouteDefinition, ids: Partial<Record<string, string>>) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(FIXED_PARAMETERS[name] ?? ids[name] ?? ABSENT));
const absentIds = Object.fromEntries(OWNED_PARAMETERS.map((name) => [name, ABSENT])) as OwnedIds;

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  if (mentions) expect(result.body.error.message).toMatch(mentions);
}

/** A 404 body with the requested id written `<id>`, so absent and foreign ids compare equal. */
const withoutId = (result: ApiResult, id: string) => ({ status: result.status, body: JSON.parse(JSON.stringify(result.body).replaceAll(id, '<id>')) });

describe('authorization matrix on every route (embedded hub)', () => {
  let hub: RunningHub;
  let ids: OwnedIds;
  const claims = (overrides: Partial<HubClaims> = {}): HubClaims => ({ sub: 'matrix', 'custom:tenant_id': OWNER, scope: ALL_SCOPES, ...overrides });
  const sign = (overrides: Partial<HubClaims> = {}, ttl?: number, now?: number) => signToken(claims(overrides), hub.settings.jwtSecret, ttl, now);

  beforeAll(async () => {
    hub = await startTestHub({ workflows: false });
    const admin = tokenFor(hub, OWNER);
    expect((await callApi(hub, 'PUT', `/v1/customers/${CUSTOMER}`, { token: admin, body: { name: '授权矩阵客户' } })).status).toBe(201);
    const record = await callApi(hub, 'POST', '/v1/communications', { token: admin, body: canonicalInput({ sourceRecordId: 'authz-1', customer: { id: CUSTOMER } }) });
    const report = await callApi(hub, 'POST', '/v1/reports', { token: admin, body: { type: 'customer', customerId: CUSTOMER } });
    expect([record.status, report.status]).toEqual([201, 202]);
    const at = '2024-06-15T02:30:00.000Z';
    const insight: Insight = {
      insightId: 'I-AUTHZ-1', tenantId: OWNER, customerId: CUSTOMER, type: 'risk', title: '沟通频率下降', detail: '30 天 1 次', status: 'new',
      confidence: 0.8, importance: 'high', relatedRecordIds: [record.body.recordId], data: {}, createdAt: at, updatedAt: at,
    };
    const task: Task = {
      taskId: 'K-AUTHZ-1', tenantId: OWNER, customerId: CUSTOMER, title: '回复报价', assignee: 'matrix', dueAt: at, status: 'open',
      priority: 'medium', createdAt: at, updatedAt: at,
    };
    await hub.deps.workItems.putInsight(insight);
    await hub.deps.workItems.putTask(task);
    ids = { recordId: record.body.recordId, customerId: CUSTOMER, insightId: insight.insightId, taskId: task.taskId, reportId: report.body.reportId };
  });
  afterAll(() => hub?.close());

  it('knows every path parameter of every route, so no route escapes the matrix', () => {
    // Act
    const unknown = ROUTE_LIST.flatMap((route) => parametersOf(route).filter((name) => !(name in FIXED_PARAMETERS) && !(OWNED_PARAMETERS as readonly string[]).includes(name)).map((name) => `${route.id}: {${name}}`));

    // Assess
    expect(unknown).toEqual([]);
  });

  it('has only health, the OpenAPI document and the vendor webhooks public', () => {
    // Act
    const publicRoutes = ROUTE_LIST.filter((route) => route.scope === null).map((route) => route.id);

    // Assess
    expect(publicRoutes.filter((id) => id !== 'health' && id !== 'get-openapi' && !ROUTE_LIST.find((route) => route.id === id)?.path.startsWith('/v1/webhooks/'))).toEqual([]);
  });

  describe.each(ROUTE_LIST.filter((route) => route.scope !== null).map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_key, route) => {
    // Absent ids: a request that gets through authorization changes nothing.
    const path = () => pathOf(route, absentIds);
    const call = (token?: string, headers?: Record<string, string>) => callApi(hub, route.method, path(), { token, headers });

    it('answers 401 UNAUTHORIZED without a token, or with a garbage, expired, foreign-key or alg-none token', async () => {
      // Prepare
      const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims({ iss: 'urn:commhub:embedded', client_id: 'commhub-embedded', exp: 4102444800 }))).toString('base64url')}.`;
      const cases: Array<[string, ApiResult, RegExp]> = [
        ['no Authorization header', await call(), /bearer token is required/],
        ['not a bearer token', await call(undefined, { authorization: 'Basic dXNlcjpwYXNz' }), /Bearer <JWT>/],
        ['garbage', await call('not-a-jwt'), /not a JWT/],
        ['expired an hour ago', await call(sign({}, 60, Date.now() - 3_600_000)), /expired/],
        ['signed with another key', await call(signToken(claims(), 'another-secret')), /signature/],
        ['alg none', await call(noneAlg), /HS256/],
      ];

      // Assess
      for (const [name, result, reason] of cases) {
        expect(result.status, name).toBe(401);
        expectError(result, 401, 'UNAUTHORIZED', reason);
      }
    });

    it('answers 401 for what API Gateway refuses too: another issuer or audience, nbf or iat ahead, an ID token', async () => {
      // Prepare
      const inAnHour = Math.floor(Date.now() / 1000) + 3600;
      const cases: Array<[string, string, RegExp]> = [
        ['another issuer', sign({ iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_other' }), /issuer/],
        ['aud of another client (evaluated before client_id)', sign({ aud: 'another-client' }), /audience/],
        ['client_id of another client', sign({ client_id: 'another-client' }), /audience/],
        ['not valid before an hour from now', sign({ nbf: inAnHour }), /nbf/],
        ['issued an hour from now', sign({ iat: inAnHour, exp: inAnHour + 3600 }), /iat/],
        ['an ID token', sign({ token_use: 'id' }), /access token/],
        ['no exp', sign({ exp: 'never' as never }), /exp/],
      ];

      // Act
      const results = await Promise.all(cases.map(async ([name, token, reason]) => [name, await call(token), reason] as const));

      // Assess
      for (const [name, result, reason] of results) {
        expect(result.status, name).toBe(401);
        expectError(result, 401, 'UNAUTHORIZED', reason);
      }
    });

    it(`answers 403 FORBIDDEN to a token holding every scope but ${route.scope} (or admin), and to one without a valid tenant claim`, async () => {
      // Prepare
      const otherScopes = Object.values(SCOPES).filter((scope) => scope !== route.scope && scope !== SCOPES.admin);

      // Act
      const lacking = await call(sign({ scope: otherScopes.join(' ') }));
      const noScope = await call(sign({ scope: '' }));
      const noTenant = await call(sign({ 'custom:tenant_id': undefined as never }));
      const badTenant = await call(sign({ 'custom:tenant_id': 'T#1' }));

      // Assess
      expectError(lacking, 403, 'FORBIDDEN', new RegExp(route.scope ?? 'never'));
      expectError(noScope, 403, 'FORBIDDEN', new RegExp(route.scope ?? 'never'));
      expectError(noTenant, 403, 'FORBIDDEN', /custom:tenant_id/);
      expectError(badTenant, 403, 'FORBIDDEN', /custom:tenant_id/);
    });

    it(`lets ${route.scope} alone, and admin alone, through authorization (to the route's own answer)`, async () => {
      // Act
      const own = await call(sign({ scope: route.scope ?? '' }));
      const admin = await call(sign({ scope: SCOPES.admin }));

      // Assess
      for (const result of [own, admin]) {
        expect([401, 403], JSON.stringify(result.body)).not.toContain(result.status);
        expect(result.status).toBeLessThan(500);
      }
    });
  });

  const itemRoutes = ROUTE_LIST.filter((route) => route.scope !== null && ownedParameterOf(route) !== undefined && route.method !== 'PUT');
  it.each(itemRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "answers %s for another tenant's id with 404 NOT_FOUND, the same body as an absent id's",
    async (_key, route) => {
      // Prepare
      const parameter = ownedParameterOf(route) as keyof OwnedIds;
      const stranger = tokenFor(hub, STRANGER);
      const owner = tokenFor(hub, OWNER);
      const body = VALID_BODIES[route.id]?.(ids);

      // Act
      const foreign = await callApi(hub, route.method, pathOf(route, ids), { token: stranger, body });
      const absentToStranger = await callApi(hub, route.method, pathOf(route, absentIds), { token: stranger, body });
      const absentToOwner = await callApi(hub, route.method, pathOf(route, { ...ids, [parameter]: ABSENT }), { token: owner, body });

      // Assess
      expectError(foreign, 404, 'NOT_FOUND');
      expect(withoutId(foreign, ids[parameter])).toEqual(withoutId(absentToStranger, ABSENT));
      // The owner's own absent id is refused alike (the message may name another missing item of the body).
      expectError(absentToOwner, 404, 'NOT_FOUND');
    },
  );

  it.each(ROUTE_LIST.filter((route) => route.id in BODY_OWNED).map((route) => [`${route.method} ${route.path}`, route] as const))(
    "answers %s naming another tenant's item in its body with 404 NOT_FOUND, the same body as an absent id's",
    async (_key, route) => {
      // Prepare
      const field = BODY_OWNED[route.id] as keyof OwnedIds;
      const stranger = tokenFor(hub, STRANGER);
      const body = (id: string) => ({ ...(VALID_BODIES[route.id]?.(ids) as object), [field]: id });

      // Act
      const foreign = await callApi(hub, route.method, pathOf(route, ids), { token: stranger, body: body(ids[field]) });
      const absent = await callApi(hub, route.method, pathOf(route, ids), { token: stranger, body: body(ABSENT) });

      // Assess
      expectError(foreign, 404, 'NOT_FOUND');
      expect(withoutId(foreign, ids[field])).toEqual(withoutId(absent, ABSENT));
    },
  );

  it.each(ROUTE_LIST.filter((route) => route.scope !== null && route.method === 'GET' && ownedParameterOf(route) === undefined).map((route) => [route.path, route] as const))(
    "shows another tenant none of T001's items on GET %s",
    async (_path, route) => {
      // Prepare
      const url = `${route.path}${LIST_QUERIES[route.id]?.(ids) ?? ''}`;

      // Act
      // A tenant that has sent nothing yet: its own audit trail cannot name T001's ids either.
      const result = await callApi(hub, 'GET', url, { token: tokenFor(hub, 'T004') });

      // Assess
      expect([200, 404], JSON.stringify(result.body)).toContain(result.status);
      // Ids the request itself named may be echoed back ("customer X not found"); no other may appear.
      for (const id of Object.values(ids).filter((id) => !url.includes(id))) expect(JSON.stringify(result.body)).not.toContain(id);
    },
  );

  it("lets another tenant's PUT /v1/customers/{customerId} create its own customer, never touch T001's", async () => {
    // Act
    const put = await callApi(hub, 'PUT', `/v1/customers/${CUSTOMER}`, { token: tokenFor(hub, 'T003'), body: { name: 'T003 的同名客户' } });
    const owners = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}`, { token: tokenFor(hub, OWNER) });

    // Assess
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ tenantId: 'T003', customerId: CUSTOMER });
    expect(owners.body).toMatchObject({ tenantId: OWNER, name: '授权矩阵客户' });
  });

  it('serves GET /v1/health to anyone, ignoring any Authorization header', async () => {
    // Act
    const results = await Promise.all([callApi(hub, 'GET', '/v1/health'), callApi(hub, 'GET', '/v1/health', { token: 'garbage' }), callApi(hub, 'GET', '/v1/health', { token: sign({}, 60, Date.now() - 3_600_000) })]);

    // Assess
    for (const result of results) expect(result).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it.each(ROUTE_LIST.filter((route) => route.path.startsWith('/v1/webhooks/')).map((route) => [`${route.method} ${route.path}`, route] as const))(
    'authenticates %s by vendor signature only: 401 SIGNATURE_REJECTED even with an admin token',
    async (_key, route) => {
      // Prepare
      const admin = tokenFor(hub, OWNER);
      const body = JSON.stringify({ callId: 'authz-call', caller: '+8613800000000', startedAt: '2024-06-15T10:30:00+08:00' });
      const forged = { 'x-commhub-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`, 'content-type': 'application/json' };

      // Act
      const unsigned = await callApi(hub, route.method, pathOf(route, ids), { token: admin, ...(route.method === 'GET' ? {} : { rawBody: body, headers: { 'content-type': 'application/json' } }) });
      const badlySigned = await callApi(hub, route.method, pathOf(route, ids), { token: admin, headers: forged, ...(route.method === 'GET' ? {} : { rawBody: body }) });
      const garbageToken = await callApi(hub, route.method, pathOf(route, ids), { token: 'garbage', headers: forged, ...(route.method === 'GET' ? {} : { rawBody: body }) });

      // Assess
      expectError(unsigned, 401, 'SIGNATURE_REJECTED', /missing/);
      expectError(badlySigned, 401, 'SIGNATURE_REJECTED');
      // The bearer token is neither checked nor used: a garbage one changes nothing.
      expect(garbageToken).toEqual(badlySigned);
    },
  );

  it('gives each refusal its own code', async () => {
    // Act
    const codes = new Map([
      [401, (await callApi(hub, 'GET', `/v1/communications/${ids.recordId}`)).body.error.code],
      [403, (await callApi(hub, 'GET', `/v1/communications/${ids.recordId}`, { token: tokenFor(hub, OWNER, SCOPES.ingest) })).body.error.code],
      [404, (await callApi(hub, 'GET', `/v1/communications/${ids.recordId}`, { token: tokenFor(hub, STRANGER) })).body.error.code],
    ]);

    // Assess
    expect(Object.fromEntries(codes)).toEqual({ 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' });
  });

  it("leaves T001's items as they were after every refused request", async () => {
    // Prepare
    const owner = tokenFor(hub, OWNER);

    // Act
    const record = await callApi(hub, 'GET', `/v1/communications/${ids.recordId}`, { token: owner });
    const customer = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}`, { token: owner });
    const report = await callApi(hub, 'GET', `/v1/reports/${ids.reportId}`, { token: owner });
    const insights = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights`, { token: owner });
    const tasks = await callApi(hub, 'GET', `/v1/tasks?customerId=${CUSTOMER}`, { token: owner });

    // Assess
    expect(record).toMatchObject({ status: 200, body: { recordId: ids.recordId, customerId: CUSTOMER } });
    expect(customer).toMatchObject({ status: 200, body: { name: '授权矩阵客户' } });
    expect(report).toMatchObject({ status: 200, body: { reportId: ids.reportId } });
    expect(insights.body.items).toEqual([expect.objectContaining({ insightId: ids.insightId, status: 'new' })]);
    expect(tasks.body.items).toEqual([expect.objectContaining({ taskId: ids.taskId, status: 'open' })]);
  });
});
