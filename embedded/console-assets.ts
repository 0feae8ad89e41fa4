import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { buildConsole } from '../web/build-console.js';
import type { EmbeddedConsoleConfig } from '../web/console-config.js';
import { consoleSecurityHeaders, type ConsoleCspOptions } from '../web/security-headers.js';

/** The built console, in memory: path (`/index.html`, `/assets/main-<hash>.js`, …) → bytes. */
type ConsoleFiles = ReadonlyMap<string, Buffer>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const EMBEDDED_CONFIG: EmbeddedConsoleConfig = { mode: 'embedded' };

let built: Promise<ConsoleFiles> | undefined;

/**
 * Builds the console on first use and keeps it for the life of the process (every hub in it shares
 * it): start-up stays as fast as before, and only the first page load waits for esbuild (~0.3 s).
 */
export function consoleFiles(): Promise<ConsoleFiles> {
  built ??= buildInMemory().catch((error: unknown) => {
    built = undefined; // a failed build is retried by the next request rather than cached
    throw error;
  });
  return built;
}

async function buildInMemory(): Promise<ConsoleFiles> {
  const outdir = await mkdtemp(join(tmpdir(), 'commhub-console-'));
  try {
    const { files } = await buildConsole({ outdir });
    const entries = await Promise.all(files.map(async (file) => [`/${file}`, await readFile(join(outdir, file))] as const));
    return new Map(entries);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** Whether the embedded gateway hands this path to the console rather than to the API. */
export const isConsolePath = (pathname: string) => pathname !== '/v1' && !pathname.startsWith('/v1/');

function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ error: { code, message, details: [] } }));
}

/**
 * Serves the web console: `/config.json` (embedded mode), the hashed `/assets/*` (cached for a
 * year, they never change under one name), other files by name, and `index.html` for every other
 * path (the app routes itself, including `/auth/callback`). Every answer carries the console's
 * security headers; errors keep the API's JSON error shape.
 */
export async function serveConsole(request: IncomingMessage, response: ServerResponse, pathname: string, csp: ConsoleCspOptions): Promise<void> {
  const headers = consoleSecurityHeaders(csp);
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    return sendError(response, 405, 'METHOD_NOT_ALLOWED', `${pathname} accepts GET, HEAD`, { ...headers, allow: 'GET, HEAD' });
  }
  const send = (status: number, type: string, cacheControl: string, body: Buffer) => {
    response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cacheControl, 'content-length': String(body.byteLength) });
    response.end(method === 'HEAD' ? undefined : body);
  };
  if (pathname === '/config.json') return send(200, CONTENT_TYPES['.json']!, 'no-store', Buffer.from(JSON.stringify(EMBEDDED_CONFIG)));
  const files = await consoleFiles();
  const file = files.get(pathname);
  if (file && pathname !== '/index.html') {
    const type = CONTENT_TYPES[extname(pathname)] ?? 'application/octet-stream';
    return send(200, type, pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600', file);
  }
  // A path that names a file (or anything under /assets/) and is not one is a real 404, not the app.
  if (pathname.startsWith('/assets/') || (extname(pathname) !== '' && pathname !== '/index.html')) {
    return sendError(response, 404, 'NOT_FOUND', `no console file ${pathname}`, headers);
  }
  // no-cache: a new build's index.html (new asset hashes) is picked up on the next load.
  return send(200, CONTENT_TYPES['.html']!, 'no-cache', files.get('/index.html')!);
}

