/**
 * The runtime configuration the console fetches from `/config.json` before it renders.
 *
 * The embedded hub answers `{ "mode": "embedded" }` (API on the same origin, dev tokens); the CDK
 * hosting construct writes the `aws` shape next to the built assets. Dependency-free: the CDK app,
 * the embedded server and the browser bundle all import it.
 */
export type ConsoleConfig = EmbeddedConsoleConfig | AwsConsoleConfig;

export interface EmbeddedConsoleConfig {
  readonly mode: 'embedded';
}

export interface AwsConsoleConfig {
  readonly mode: 'aws';
  /** The HTTP API's base URL, without `/v1` (e.g. `https://abc.execute-api.eu-west-1.amazonaws.com`). */
  readonly apiUrl: string;
  readonly auth: {
    /** The Cognito hosted UI's domain URL (e.g. `https://commhub.auth.eu-west-1.amazoncognito.com`). */
    readonly domainUrl: string;
    /** The user-pool app client (public, no secret: the console uses PKCE). */
    readonly clientId: string;
    /** @default `${location.origin}/auth/callback` */
    readonly redirectUri?: string;
    /** e.g. `['openid', 'commhub/read', 'commhub/admin']`. */
    readonly scopes: readonly string[];
  };
}

/** The path Cognito redirects back to with `?code=&state=`; the console's router handles it. */
export const AUTH_CALLBACK_PATH = '/auth/callback';

/** Narrows what `/config.json` returned; throws naming the field that is wrong. */
export function parseConsoleConfig(value: unknown): ConsoleConfig {
  const config = value as { mode?: string; apiUrl?: unknown; auth?: Partial<AwsConsoleConfig['auth']> } | null;
  if (config?.mode === 'embedded') return { mode: 'embedded' };
  if (config?.mode !== 'aws') throw new Error('config.json: mode must be "embedded" or "aws"');
  if (typeof config.apiUrl !== 'string' || !config.apiUrl) throw new Error('config.json: apiUrl is required in aws mode');
  const auth = config.auth;
  if (typeof auth?.domainUrl !== 'string' || typeof auth.clientId !== 'string') throw new Error('config.json: auth.domainUrl and auth.clientId are required in aws mode');
  if (!Array.isArray(auth.scopes)) throw new Error('config.json: auth.scopes must be a list');
  return {
    mode: 'aws',
    apiUrl: config.apiUrl.replace(/\/+$/, ''),
    auth: { domainUrl: auth.domainUrl.replace(/\/+$/, ''), clientId: auth.clientId, redirectUri: auth.redirectUri, scopes: auth.scopes },
  };
}
