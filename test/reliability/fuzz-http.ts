import fc from 'fast-check';
import { signToken } from '../../embedded/jwt.js';
import { ROUTES, SCOPES } from '../../functions/http/routes.js';

/** The 4xx statuses the API documents (functions/http/api-errors.ts and the gateway in embedded/http-server.ts). */
export const DOCUMENTED_4XX = [400, 401, 403, 404, 405, 409, 413, 415] as const;

/** One generated HTTP request. */
export interface HttpCase {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const segment = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('T001', 'CUST-REL-0', 'CUST-FUZZ', 'telephony', 'wecom', 'teams', 'EML-20240615-abc', '%', '%E4%B8', '..', '%2F', 'a'.repeat(2000), '%00', '%F0%9F%98%80'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
);
const queryValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '0', '-1', '101', '1e9', 'NaN', 'true', 'eyJ4IjoxfQ', '2024-13-45', 'email,wechat', '%'), fc.integer().map(String));
const QUERY_KEYS = ['limit', 'cursor', 'types', 'from', 'to', 'intent', 'sentiment', 'urgency', 'status', 'assignee', 'customerId', 'type', 'echostr', 'validationToken', 'x'];
const json = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('{', '[]', 'null', '{"items":[]}', '{"items":[{}]}', '{"sourceSystem":"x","sourceRecordId":"1","type":"email","occurredAt":"2024-06-15T10:30:00+08:00","content":"hi"}', '{"name":"Fuzz Ltd","emails":["a@b.cn"]}', '{"from":"2024-01-01","to":"2024-12-31"}', '{"status":"done"}', '{"customerId":"CUST-REL-0"}', '{"type":"weekly"}', '{"fileName":"a.pdf","contentType":"application/pdf","sizeBytes":10}'),
  fc.dictionary(fc.constantFrom('sourceSystem', 'sourceRecordId', 'type', 'occurredAt', 'content', 'customer', 'items', 'name', 'status', 'from', 'to', 'select', 'limit', 'customerId', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);
const body = fc.oneof(
  json.map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Buffer.alloc(0), Buffer.from('\uFEFF{}'), Buffer.from([0xff, 0xfe, 0x7b, 0x7d])),
);
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=gbk', ''];

/** Tokens: valid with every scope, valid read-only, another tenant's, expired, badly signed, garbage, none. */
function tokens(jwtSecret: string): string[] {
  const all = Object.values(SCOPES).join(' ');
  return [
    `Bearer ${signToken({ sub: 'fuzz', 'custom:tenant_id': 'T001', scope: all }, jwtSecret)}`,
    `Bearer ${signToken({ sub: 'fuzz', 'custom:tenant_id': 'T001', scope: SCOPES.read }, jwtSecret)}`,
    `Bearer ${signToken({ sub: 'fuzz', 'custom:tenant_id': 'T-OTHER', scope: all }, jwtSecret)}`,
    `Bearer ${signToken({ sub: 'fuzz', 'custom:tenant_id': 'T001', scope: all }, jwtSecret, -60)}`,
    `Bearer ${signToken({ sub: 'fuzz', 'custom:tenant_id': 'T001', scope: all }, 'not-the-secret')}`,
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    '',
  ];
}

/** Requests for every route of ROUTES (path parameters, query, headers and body arbitrary), and a few unknown paths. */
export function httpCases(jwtSecret: string): fc.Arbitrary<HttpCase> {
  const route = fc.constantFrom(...ROUTES);
  return fc
    .record({
      route,
      params: fc.array(segment, { minLength: 3, maxLength: 3 }),
      method: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
      query: fc.dictionary(fc.constantFrom(...QUERY_KEYS), queryValue, { maxKeys: 3 }),
      authorization: fc.constantFrom(...tokens(jwtSecret)),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      extraPath: fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '/x', '//', '/..') }),
      body,
    })
    .map(({ route: r, params, method, query, authorization, contentType, extraPath, body: raw }) => {
      let i = 0;
      const path = r.path.replace(/\{\w+\}/g, (name) => (name === '{tenantId}' && i++ === 0 && params[0]!.length % 2 === 0 ? 'T001' : (params[i++ % 3] as string)));
      const search = new URLSearchParams(query).toString();
      const chosen = method ?? r.method;
      const headers: Record<string, string> = {};
      if (authorization) headers.authorization = authorization;
      if (contentType) headers['content-type'] = contentType;
      return { method: chosen, path: `${path}${extraPath}${search ? `?${search}` : ''}`, headers, body: chosen === 'GET' || chosen === 'DELETE' ? undefined : raw };
    });
}

/** Sends one case; `failure` is `null` when the answer is fine, else what was wrong (`status` 0: no answer). */
export async function checkHttpCase(baseUrl: string, c: HttpCase): Promise<{ status: number; failure: string | null }> {
  let status = 0;
  const failure = await check(baseUrl, c, (s) => (status = s));
  return { status, failure };
}

async function check(baseUrl: string, c: HttpCase, seen: (status: number) => void): Promise<string | null> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(baseUrl + c.path, { method: c.method, headers: c.headers, body: c.body, signal: AbortSignal.timeout(15_000) });
    status = response.status;
    seen(status);
    text = await response.text();
  } catch (error) {
    return `${c.method} ${c.path}: no answer (${(error as Error).message})`;
  }
  const what = `${c.method} ${c.path.slice(0, 200)} → ${status} ${text.slice(0, 200)}`;
  if (status < 300) return null;
  if (!(DOCUMENTED_4XX as readonly number[]).includes(status)) return `undocumented status: ${what}`;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') return `not the JSON error shape: ${what}`;
  } catch {
    return `not JSON: ${what}`;
  }
  return null;
}
