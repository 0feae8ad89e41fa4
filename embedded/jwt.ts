import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims the hub reads, as in ARCHITECTURE.md (Cognito's names, so both runtimes see the same). */
export interface HubClaims {
  readonly sub: string;
  readonly 'custom:tenant_id': string;
  /** Space-separated scopes: `commhub/read commhub/ingest commhub/admin`. */
  readonly scope: string;
  readonly iat?: number;
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Signs an HS256 JWT (embedded mode's stand-in for Cognito-issued tokens). */
export function signToken(claims: HubClaims, secret: string, ttlSeconds = 12 * 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = b64url(JSON.stringify({ iat, exp: iat + ttlSeconds, ...claims }));
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/**
 * Verifies an HS256 JWT: algorithm, signature (constant time) and expiry. Throws `TokenError`
 * saying what is wrong; `alg: none` and other algorithms are refused.
 */
export function verifyToken(token: string, secret: string, now = Date.now()): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('token is not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  let alg: unknown;
  let claims: Record<string, unknown>;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new TokenError('token is not a JWT');
  }
  if (alg !== 'HS256') throw new TokenError('token algorithm must be HS256');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new TokenError('token signature is invalid');
  if (typeof claims !== 'object' || claims === null) throw new TokenError('token payload is not an object');
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) throw new TokenError('token has expired');
  return claims;
}
