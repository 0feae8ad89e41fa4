import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

export interface EventInput {
  readonly request: IncomingMessage;
  readonly url: URL;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
  readonly body: Buffer;
  /** Verified claims, or `undefined` for a public route. */
  readonly claims?: Record<string, unknown>;
}

/** API Gateway hands text bodies over as strings and anything else base64-encoded. */
function encodeBody(body: Buffer): { body?: string; isBase64Encoded: boolean } {
  if (body.byteLength === 0) return { isBase64Encoded: false };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  return Buffer.byteLength(text, 'utf8') === body.byteLength && !text.includes('\uFFFD')
    ? { body: text, isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

/**
 * Builds the API Gateway HTTP API (payload format 2.0) event for a request, as API Gateway would:
 * lower-cased headers and repeated values joined by commas, decoded path parameters, and the JWT
 * authorizer's claims (all values as strings) under `requestContext.authorizer.jwt`.
 */
export function apiGatewayEventOf(input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, url } = input;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // API Gateway moves cookies out of the headers into their own list.
  const cookies = headers.cookie?.split(/;\s*/).filter(Boolean);
  delete headers.cookie;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.claims ?? {})) claims[name] = typeof value === 'string' ? value : JSON.stringify(value);
  const now = new Date();
  const method = request.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(input.pathParameters).length > 0 ? input.pathParameters : undefined,
    requestContext: {
      accountId: 'embedded',
      apiId: 'embedded',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp: request.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(input.claims === undefined
        ? {}
        : { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: claims.scope ? claims.scope.split(' ') : [] } } }),
    },
    ...encodeBody(input.body),
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}
