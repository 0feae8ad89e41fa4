import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { buildConsole } from '../../web/build-console.js';
import { consoleSecurityHeaders, contentSecurityPolicy } from '../../web/security-headers.js';
import { startTestHub } from '../support/test-hub.js';

/** The budget for the console's built assets. */
const MAX_GZIPPED_BYTES = 300 * 1024;

describe('the embedded hub serves the web console', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  const get = (path: string, init?: RequestInit) => fetch(`${hub.url}${path}`, init);

  it('answers / and every app path with index.html and the security headers; the page has no inline script or style', async () => {
    for (const path of ['/', '/customers/CUST-AUX', '/customers/CUST-AUX/report', '/unmatched', '/auth/callback?code=x&state=y', '/sign-in']) {
      // Act
      const response = await get(path);
      // Assess
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      // Recordings and attachments come from the local S3 server's presigned URLs.
      expect(csp).toContain(`media-src 'self' ${hub.servers.s3Endpoint}`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      const html = await response.text();
      expect(html).toMatch(/<script type="module" src="\/assets\/main-[A-Z0-9]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  });

  it('serves the hashed assets with their types and a year of caching, and config.json in embedded mode', async () => {
    const html = await (await get('/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.map((a) => a.split('.').pop()).sort()).toEqual(['css', 'js']);
    for (const asset of assets) {
      const response = await get(asset);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const config = await get('/config.json');
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(await config.json()).toEqual({ mode: 'embedded' });
    expect((await get('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('keeps the API JSON: unknown /v1 paths, missing files and other methods get the JSON error shape', async () => {
    const unknownApi = await get('/v1/nothing-here');
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no route for GET /v1/nothing-here', details: [] } });
    expect((await get('/v1')).status).toBe(404);
    expect((await get('/v1/health')).status).toBe(200);
    for (const path of ['/assets/main-NOPE.js', '/missing.png']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
    const post = await get('/customers/CUST-AUX', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the console build', () => {
  let outdir: string;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'commhub-console-build-'));
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it(`stays under ${MAX_GZIPPED_BYTES / 1024} KB gzipped, with no eval and hashed asset names`, async () => {
    // Act
    const { files } = await buildConsole({ outdir });
    // Assess
    expect(files).toContain('index.html');
    expect(files.filter((f) => /^assets\/main-[A-Z0-9]+\.(js|css)$/.test(f))).toHaveLength(2);
    let gzipped = 0;
    for (const file of files) {
      const content = await readFile(join(outdir, file));
      gzipped += gzipSync(content).byteLength;
      if (file.endsWith('.js')) expect(content.toString()).not.toMatch(/\beval\(|new Function\(/);
    }
    expect(gzipped).toBeLessThan(MAX_GZIPPED_BYTES);
  });
});

describe('the console security headers', () => {
  it('allow only the given API, Cognito and S3 origins, each normalised to its origin', () => {
    const csp = contentSecurityPolicy({ connectOrigins: ['https://api.example.com/v1', 'https://auth.example.com'], mediaOrigins: ['https://bucket.s3.eu-west-1.amazonaws.com/key?x=1'], upgradeInsecureRequests: true });
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: https://bucket.s3.eu-west-1.amazonaws.com",
      "media-src 'self' https://bucket.s3.eu-west-1.amazonaws.com",
      "connect-src 'self' https://api.example.com https://auth.example.com",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      'upgrade-insecure-requests',
    ]);
    expect(Object.keys(consoleSecurityHeaders()).sort()).toEqual(['content-security-policy', 'permissions-policy', 'referrer-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options']);
  });
});
