import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from '../functions/http/http-route.js';
import { logger } from '../functions/http/logger.js';
import { summarizeError } from '../functions/observability/error-summary.js';
import { acceptedScopes, type RouteId } from '../functions/http/routes.js';
import type { ConsoleCspOptions } from '../web/security-headers.js';
import { apiGatewayEventOf } from './api-gateway-event.js';
import { isConsolePath, serveConsole } from './console-assets.js';
import { verifyToken } from './jwt.js';
import { matchRoute } from './router.js';

/** API Gateway's own payload limit; the handlers enforce the API's smaller one. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly jwtSecret: string;
  /** The same handlers the Lambda functions run, by route id. */
  readonly handlers: ReadonlyMap<RouteId, HttpHandler>;
  /** Origins the web console (served at every path outside `/v1/`) may load media from: the S3 endpoint. */
  readonly console?: ConsoleCspOptions;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

const gatewayError = (code: string, message: string) => ({ error: { code, message, details: [] } });

/** Reads a body up to the gateway limit; `null` when it is larger (the rest is drained, not buffered). */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size <= GATEWAY_MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > GATEWAY_MAX_BODY_BYTES ? null : Buffer.concat(chunks);
}

/** The JWT authorizer's part: a valid bearer token's claims, or a 401 reason. */
function authorize(request: IncomingMessage, secret: string): { claims: Record<string, unknown> } | { reason: string } {
  const header = request.headers.authorization;
  if (!header) return { reason: 'a bearer token is required (Authorization: Bearer <JWT>)' };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { reason: 'Authorization header must be "Bearer <JWT>"' };
  try {
    return { claims: verifyToken(match[1] as string, secret) };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

/**
 * The embedded stand-in for API Gateway: matches the shared route table, verifies HS256 tokens
 * where API Gateway's JWT authorizer would, builds the same v2 event and calls the route's handler.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const started = performance.now();
    handle(request, response, options)
      .catch((error: unknown) => {
        logger.error('embedded gateway failure', { error: summarizeError(error) });
        if (!response.headersSent) sendJson(response, 500, gatewayError('INTERNAL', 'internal error; it has been logged'));
      })
      .finally(() => {
        logger.info('request', { method: request.method, path: request.url?.split('?')[0], status: response.statusCode, ms: Math.round(performance.now() - started) });
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}` };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  if (isConsolePath(url.pathname)) return serveConsole(request, response, url.pathname, options.console ?? {});
  const matched = matchRoute(method, url.pathname);
  if ('notFound' in matched) return sendJson(response, 404, gatewayError('NOT_FOUND', `no route for ${method} ${url.pathname}`));
  if ('methodNotAllowed' in matched) {
    return sendJson(response, 405, gatewayError('METHOD_NOT_ALLOWED', `${url.pathname} accepts ${matched.methodNotAllowed.join(', ')}`), {
      allow: matched.methodNotAllowed.join(', '),
    });
  }
  const { route, pathParameters } = matched.route;
  const body = await readBody(request);
  if (body === null) return sendJson(response, 413, gatewayError('PAYLOAD_TOO_LARGE', `request body exceeds ${GATEWAY_MAX_BODY_BYTES} bytes`));
  let claims: Record<string, unknown> | undefined;
  if (acceptedScopes(route).length > 0) {
    const auth = authorize(request, options.jwtSecret);
    if ('reason' in auth) return sendJson(response, 401, gatewayError('UNAUTHORIZED', auth.reason), { 'www-authenticate': 'Bearer' });
    claims = auth.claims;
  }
  const handler = options.handlers.get(route.id as RouteId);
  if (!handler) return sendJson(response, 404, gatewayError('NOT_FOUND', `no handler for ${route.id}`));
  const event = apiGatewayEventOf({ request, url, routeKey: `${route.method} ${route.path}`, pathParameters, body, claims });
  const result = await handler(event);
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}
