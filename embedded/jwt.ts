import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims the hub reads, as in ARCHITECTURE.md (Cognito's names, so both runtimes see the same). */
export interface HubClaims {
  readonly sub: string;
  readonly 'custom:tenant_id': string;
  /** Space-separated scopes: `commhub/read commhub/ingest commhub/admin`. */
  readonly scope: string;
  readonly iss?: string;
  /** Cognito access tokens name their app client here and carry no `aud`. */
  readonly client_id?: string;
  readonly aud?: string | readonly string[];
  /** `access` for Cognito access tokens (`id` for ID tokens, which the API refuses). */
  readonly token_use?: string;
  readonly iat?: number;
  readonly nbf?: number;
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
}

/** The issuer of embedded tokens (on AWS: `https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
export const EMBEDDED_ISSUER = 'urn:commhub:embedded';
/** The app client embedded tokens are issued to (on AWS: the machine and people clients' ids). */
export const EMBEDDED_CLIENT_ID = 'commhub-embedded';
/**
 * Leeway on `exp`, `nbf` and `iat`. API Gateway's JWT authorizer documents none; a few seconds
 * absorb clocks that differ between the machine that minted a token and the hub.
 */
export const CLOCK_SKEW_SECONDS = 5;

/** What a token must have been issued for; the defaults are the embedded hub's own. */
export interface TokenExpectations {
  /** @default EMBEDDED_ISSUER */
  readonly issuer?: string;
  /** `aud`, or `client_id` when there is no `aud`, must be one of these. @default [EMBEDDED_CLIENT_ID] */
  readonly audiences?: readonly string[];
  /** @default CLOCK_SKEW_SECONDS */
  readonly clockSkewSeconds?: number;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs an HS256 JWT (embedded mode's stand-in for a Cognito access token): `iss`, `client_id`,
 * `token_use: access`, `iat` and `exp` are set unless `claims` gives them.
 */
export function signToken(claims: HubClaims, secret: string, ttlSeconds = 12 * 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = b64url(
    JSON.stringify({ iss: EMBEDDED_ISSUER, client_id: EMBEDDED_CLIENT_ID, token_use: 'access', iat, exp: iat + ttlSeconds, ...claims }),
  );
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/**
 * Verifies an HS256 JWT as API Gateway's JWT authorizer verifies Cognito's: algorithm and signature
 * (constant time), then `iss`, `aud` — or `client_id` when there is no `aud` —, `exp` (required),
 * `nbf` and `iat`, each time within {@link CLOCK_SKEW_SECONDS}; and only access tokens
 * (`token_use`, when present, must be `access`). Throws `TokenError` saying what is wrong; `alg: none`
 * and other algorithms are refused. Scopes and the tenant claim are checked per route by `callerOf`.
 */
export function verifyToken(token: string, secret: string, now = Date.now(), expected: TokenExpectations = {}): Record<string, unknown> {
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
  const digest = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== digest.length || !timingSafeEqual(given, digest)) throw new TokenError('token signature is invalid');
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new TokenError('token payload is not an object');
  checkClaims(claims, now, expected);
  return claims;
}

function checkClaims(claims: Record<string, unknown>, now: number, expected: TokenExpectations): void {
  const issuer = expected.issuer ?? EMBEDDED_ISSUER;
  const audiences = expected.audiences ?? [EMBEDDED_CLIENT_ID];
  const skew = (expected.clockSkewSeconds ?? CLOCK_SKEW_SECONDS) * 1000;
  if (claims.iss !== issuer) throw new TokenError(`token issuer must be ${issuer}`);
  // API Gateway evaluates aud when present and client_id only without it (Cognito access tokens).
  const audience = claims.aud !== undefined ? [claims.aud].flat() : [claims.client_id];
  if (!audience.some((value) => typeof value === 'string' && audiences.includes(value))) {
    throw new TokenError(`token audience (aud or client_id) must be one of ${audiences.join(', ')}`);
  }
  if (claims.token_use !== undefined && claims.token_use !== 'access') throw new TokenError('token must be an access token (token_use access)');
  if (typeof claims.exp !== 'number') throw new TokenError('token has no exp claim');
  if (claims.exp * 1000 + skew <= now) throw new TokenError('token has expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf * 1000 - skew > now)) throw new TokenError('token is not valid yet (nbf)');
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || claims.iat * 1000 - skew > now)) throw new TokenError('token is issued in the future (iat)');
}
