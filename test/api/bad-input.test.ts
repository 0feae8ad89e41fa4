import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { signToken } from '../../embedded/jwt.js';
import { ROUTES, SCOPES } from '../../functions/http/routes.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

/** A concrete path for each route, with its parameters filled in. */
const samplePath = (path: string) =>
  path.replace('{recordId}', 'EMAIL-20240615-0000000000000000000000AA').replace('{customerId}', 'CUST-1').replace('{insightId}', 'I-1').replace('{taskId}', 'K-1');

function expectError(result: ApiResult, status: number, code: string, mentions?: RegExp): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  if (mentions) expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details)}`).toMatch(mentions);
}

describe('bad input gets the documented 4xx naming the problem, never a 5xx', () => {
  let hub: RunningHub;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
  });
  afterAll(() => hub?.close());

  describe.each(ROUTES.filter((route) => route.scope !== null))('$method $path', (route) => {
    const path = samplePath(route.path);

    it('rejects a missing, malformed, forged or expired token with 401', async () => {
      const forged = signToken({ sub: 'x', 'custom:tenant_id': 'T001', scope: 'commhub/admin' }, 'not-the-secret');
      const expired = signToken({ sub: 'x', 'custom:tenant_id': 'T001', scope: 'commhub/admin' }, hub.settings.jwtSecret, 60, Date.now() - 3_600_000);
      const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","custom:tenant_id":"T001","scope":"commhub/admin"}').toString('base64url')}.`;
      expectError(await callApi(hub, route.method, path), 401, 'UNAUTHORIZED', /bearer token is required/);
      expectError(await callApi(hub, route.method, path, { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHORIZED', /Bearer <JWT>/);
      expectError(await callApi(hub, route.method, path, { token: forged }), 401, 'UNAUTHORIZED', /signature/);
      expectError(await callApi(hub, route.method, path, { token: expired }), 401, 'UNAUTHORIZED', /expired/);
      expectError(await callApi(hub, route.method, path, { token: noneAlg }), 401, 'UNAUTHORIZED', /HS256/);
    });

    it('rejects a token without the scope or the tenant claim with 403', async () => {
      const otherScopes = Object.values(SCOPES).filter((scope) => scope !== route.scope && scope !== SCOPES.admin);
      const wrongScope = tokenFor(hub, 'T001', otherScopes.join(' '));
      const noTenant = signToken({ sub: 'x', scope: 'commhub/admin' } as never, hub.settings.jwtSecret);
      const badTenant = tokenFor(hub, 'T#1');
      expectError(await callApi(hub, route.method, path, { token: wrongScope }), 403, 'FORBIDDEN', new RegExp(route.scope ?? ''));
      expectError(await callApi(hub, route.method, path, { token: noTenant }), 403, 'FORBIDDEN', /custom:tenant_id/);
      expectError(await callApi(hub, route.method, path, { token: badTenant }), 403, 'FORBIDDEN', /custom:tenant_id/);
    });
  });

  const bodyRoutes = [
    { method: 'POST', path: '/v1/communications', valid: canonicalInput({ sourceRecordId: 'b-1' }), required: 'sourceSystem', wrongType: { field: 'durationSeconds', value: 'long' } },
    { method: 'PUT', path: '/v1/customers/CUST-1', valid: { name: 'ACME' }, required: 'name', wrongType: { field: 'emails', value: 'a@b.com' } },
    { method: 'PATCH', path: '/v1/insights/I-1', valid: { status: 'read' }, required: 'status', wrongType: { field: 'note', value: 42 } },
  ] as const;

  describe.each(bodyRoutes)('$method $path body', ({ method, path, valid, required, wrongType }) => {
    it('rejects invalid JSON, an empty body and a non-JSON content type', async () => {
      expectError(await callApi(hub, method, path, { token, rawBody: '{"name": ', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON', /not valid JSON/);
      expectError(await callApi(hub, method, path, { token, rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON', /empty/);
      expectError(await callApi(hub, method, path, { token, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE', /application\/json/);
      expectError(await callApi(hub, method, path, { token, body: [valid] }), 400, 'VALIDATION_FAILED', /object/);
    });

    it('names the field that is missing, of the wrong type, or unknown', async () => {
      const { [required]: _omitted, ...missing } = valid as Record<string, unknown>;
      expectError(await callApi(hub, method, path, { token, body: missing }), 400, 'VALIDATION_FAILED', new RegExp(required));
      expectError(await callApi(hub, method, path, { token, body: { ...valid, [wrongType.field]: wrongType.value } }), 400, 'VALIDATION_FAILED', new RegExp(wrongType.field));
      expectError(await callApi(hub, method, path, { token, body: { ...valid, tenantId: 'T002' } }), 400, 'VALIDATION_FAILED', /tenantId/);
    });

    it('rejects bodies over 1 MB with 413, and over the gateway limit too', async () => {
      const big = JSON.stringify({ ...valid, padding: 'x'.repeat(1_100_000) });
      expectError(await callApi(hub, method, path, { token, rawBody: big, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE', /1048576/);
      const huge = Buffer.alloc(11 * 1024 * 1024, 'x');
      expectError(await callApi(hub, method, path, { token, rawBody: huge, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  it('validates canonical values: record type, occurredAt offset, email format', async () => {
    const post = (body: unknown) => callApi(hub, 'POST', '/v1/communications', { token, body });
    expectError(await post(canonicalInput({ sourceRecordId: 'v-1', type: 'fax' as never })), 400, 'VALIDATION_FAILED', /type/);
    expectError(await post(canonicalInput({ sourceRecordId: 'v-2', occurredAt: '2024-06-15 10:30' })), 400, 'VALIDATION_FAILED', /occurredAt/);
    expectError(await post(canonicalInput({ sourceRecordId: 'v-3', customer: { email: 'not-an-email' } })), 400, 'VALIDATION_FAILED', /customer\.email/);
    expectError(await post(canonicalInput({ sourceRecordId: 'v-4', attachments: [{ fileName: 'a.pdf' }] as never })), 400, 'VALIDATION_FAILED', /contentBase64 or url/);
  });

  it('validates timeline query parameters and path ids', async () => {
    const get = (query: string) => callApi(hub, 'GET', `/v1/customers/CUST-1/timeline?${query}`, { token });
    expectError(await get('limit=abc'), 400, 'VALIDATION_FAILED', /limit/);
    expectError(await get('limit=1000'), 400, 'VALIDATION_FAILED', /limit/);
    expectError(await get('intent=angry'), 400, 'VALIDATION_FAILED', /intent/);
    expectError(await get('types=email,fax'), 400, 'VALIDATION_FAILED', /types/);
    expectError(await get('from=yesterday'), 400, 'VALIDATION_FAILED', /from/);
    expectError(await get('from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z'), 400, 'VALIDATION_FAILED', /from/);
    expectError(await get('colour=red'), 400, 'VALIDATION_FAILED', /colour/);
    expectError(await get('cursor=abc.def'), 400, 'INVALID_CURSOR');
    expectError(await callApi(hub, 'GET', '/v1/customers/bad%23id/timeline', { token }), 400, 'VALIDATION_FAILED', /letters, digits/);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expectError(await callApi(hub, 'GET', '/v1/nothing-here', { token }), 404, 'NOT_FOUND', /no route/);
    expectError(await callApi(hub, 'DELETE', '/v1/communications', { token }), 405, 'METHOD_NOT_ALLOWED', /POST/);
  });
});
