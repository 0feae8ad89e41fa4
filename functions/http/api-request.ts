import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type * as z from '../core/zod.js';
import { HttpError } from './api-errors.js';
import { acceptedScopes, type RouteDefinition } from './routes.js';

/** Largest accepted request body (API Gateway itself stops at 10 MB). */
export const MAX_BODY_BYTES = 1_048_576;
/** Tenant ids become key segments: letters, digits, `_` and `-` only, so no key can be forged. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The caller, from the JWT claims API Gateway's authorizer (or the embedded server) verified. */
export interface Caller {
  readonly tenantId: string;
  readonly principal: string;
  readonly scopes: readonly string[];
}

/** What a route's logic sees of an HTTP request: already authenticated and size-checked. */
export interface ApiRequest {
  readonly caller: Caller;
  readonly pathParameters: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: Buffer;
  readonly contentType: string;
  /** Parses the body as JSON and validates it with `schema` (400 naming the problem otherwise). */
  json<S extends z.ZodMiniType>(schema: S): z.infer<S>;
}

function header(event: APIGatewayProxyEventV2WithJWTAuthorizer, name: string): string | undefined {
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/**
 * Who a verified token names, without any scope check — `undefined` without a subject or a valid
 * tenant. Lets the audit log record a call refused for its scope (403) against the caller's tenant.
 *
 * @example
 * const refused = identityOf(event); // { tenantId: 'T001', principal: 'u1', scopes: ['commhub/read'] }
 */
export function identityOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller | undefined {
  const claims = (event.requestContext.authorizer?.jwt?.claims ?? {}) as Record<string, unknown>;
  const { sub: subject, 'custom:tenant_id': tenantId, scope } = claims;
  if (typeof subject !== 'string' || subject === '' || typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) return undefined;
  const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : (event.requestContext.authorizer?.jwt?.scopes ?? []);
  return { tenantId, principal: subject, scopes };
}

/** Reads the verified claims and checks the route's scope; 401/403 otherwise. */
export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer, route: RouteDefinition): Caller {
  const claims = (event.requestContext.authorizer?.jwt?.claims ?? {}) as Record<string, unknown>;
  const accepted = acceptedScopes(route);
  if (accepted.length === 0) return { tenantId: '', principal: 'anonymous', scopes: [] };
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new HttpError(401, 'UNAUTHORIZED', 'a bearer token is required');
  const tenantId = claims['custom:tenant_id'];
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new HttpError(403, 'FORBIDDEN', 'token has no valid custom:tenant_id claim');
  }
  const scopeClaim = claims.scope;
  const scopes = typeof scopeClaim === 'string' ? scopeClaim.split(' ').filter(Boolean) : (event.requestContext.authorizer?.jwt?.scopes ?? []);
  if (!accepted.some((scope) => scopes.includes(scope))) {
    throw new HttpError(403, 'FORBIDDEN', `token lacks the scope ${route.scope ?? ''} this route needs`);
  }
  return { tenantId, principal: subject, scopes };
}

/** Builds the request view of an API Gateway v2 event; 413 for bodies over `MAX_BODY_BYTES`. */
export function apiRequestOf(event: APIGatewayProxyEventV2WithJWTAuthorizer, caller: Caller): ApiRequest {
  const rawBody = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (rawBody.byteLength > MAX_BODY_BYTES) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body is ${rawBody.byteLength} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  const contentType = header(event, 'content-type') ?? '';
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    caller,
    headers,
    pathParameters: event.pathParameters ?? {},
    query: event.queryStringParameters ?? {},
    rawBody,
    contentType,
    json(schema) {
      if (contentType !== '' && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `content-type must be application/json, not ${contentType}`);
      }
      if (rawBody.byteLength === 0) throw new HttpError(400, 'INVALID_JSON', 'request body is empty; a JSON object is required');
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, 'INVALID_JSON', `request body is not valid JSON: ${(error as Error).message}`);
      }
      return schema.parse(parsed);
    },
  };
}
