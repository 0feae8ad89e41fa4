import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signToken, TokenError, verifyToken } from '../../embedded/jwt.js';
import { matchRoute } from '../../embedded/router.js';
import { ROUTES } from '../../functions/http/routes.js';

describe('embedded HS256 tokens', () => {
  const claims = { sub: 'u1', 'custom:tenant_id': 'T001', scope: 'commhub/read' };

  it('round-trips claims and refuses tampering, other secrets, expiry and other algorithms', () => {
    const token = signToken(claims, 'secret');
    expect(verifyToken(token, 'secret')).toMatchObject(claims);
    const [h, p, s] = token.split('.') as [string, string, string];
    const elevated = Buffer.from(JSON.stringify({ ...claims, scope: 'commhub/admin' })).toString('base64url');
    expect(() => verifyToken(`${h}.${elevated}.${s}`, 'secret')).toThrow(TokenError);
    expect(() => verifyToken(token, 'other')).toThrow(/signature/);
    expect(() => verifyToken(signToken(claims, 'secret', 10, Date.now() - 20_000), 'secret')).toThrow(/expired/);
    const hs512 = Buffer.from('{"alg":"HS512"}').toString('base64url');
    expect(() => verifyToken(`${hs512}.${p}.${s}`, 'secret')).toThrow(/HS256/);
    expect(() => verifyToken('a.b', 'secret')).toThrow(/not a JWT/);
  });
});

describe('embedded router', () => {
  it('finds every route of the shared table, with decoded path parameters', () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{(\w+)\}/g, 'A%3AB');
      const match = matchRoute(route.method, path);
      expect('route' in match && match.route.route.id).toBe(route.id);
      if ('route' in match) for (const value of Object.values(match.route.pathParameters)) expect(value).toBe('A:B');
    }
  });

  it('has a handler module exporting build and handler for every route', async () => {
    for (const route of ROUTES) {
      const module = (await import(`../../functions/api/${route.id}.ts`)) as Record<string, unknown>;
      expect(typeof module.build, route.id).toBe('function');
      expect(typeof module.handler, route.id).toBe('function');
    }
  });
});

describe('embedded API Gateway events', () => {
  it('carry the same top-level and requestContext fields as a real HTTP API v2 event', async () => {
    const { apiGatewayEventOf } = await import('../../embedded/api-gateway-event.js');
    const real = JSON.parse(readFileSync(fileURLToPath(new URL('../../../shared/fixtures/apigw/lambda-go-apigw-v2-request-jwt-authorizer.json', import.meta.url)), 'utf8'));
    const request = { method: 'POST', headers: { host: 'h', cookie: 'a=1; b=2', 'x-multi': ['1', '2'] }, httpVersion: '1.1', socket: { remoteAddress: '127.0.0.1' } };
    const event = apiGatewayEventOf({
      request: request as never,
      url: new URL('http://h/v1/communications?a=1&a=2'),
      routeKey: 'POST /v1/communications',
      pathParameters: { id: 'x' },
      body: Buffer.from('{"x":1}'),
      claims: { sub: 'u', exp: 123 },
    });
    for (const key of ['version', 'routeKey', 'rawPath', 'rawQueryString', 'headers', 'requestContext', 'body', 'isBase64Encoded', 'cookies']) {
      expect(Object.keys(real)).toContain(key);
      expect(Object.keys(event)).toContain(key);
    }
    for (const key of Object.keys(real.requestContext).filter((k) => k !== 'authentication')) expect(Object.keys(event.requestContext)).toContain(key);
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers['x-multi']).toBe('1,2');
    expect(event.queryStringParameters).toEqual({ a: '1,2' });
    expect(event.requestContext.authorizer.jwt.claims).toEqual({ sub: 'u', exp: '123' });
    expect(event.isBase64Encoded).toBe(false);
    const binary = apiGatewayEventOf({ request: request as never, url: new URL('http://h/'), routeKey: 'x', pathParameters: {}, body: Buffer.from([0xff, 0xfe, 0x00]) });
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body ?? '', 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0x00]));
  });
});
