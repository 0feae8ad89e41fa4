import type { AwsConsoleConfig } from '../../console-config.js';
import { authorizeUrl, redirectUriOf } from './cognito-urls.js';
import { createPkcePair, randomUrlSafe } from './pkce.js';

/** What the tab remembers between leaving for the hosted UI and coming back. */
interface PendingSignIn {
  readonly state: string;
  readonly verifier: string;
  /** The console path to return to after sign-in. */
  readonly returnTo: string;
}

const PENDING_KEY = 'commhub.signin';

export class SignInError extends Error {
  override readonly name = 'SignInError';
}

/** Leaves for the Cognito hosted UI; `returnTo` is where the console goes once signed in. */
export async function beginCognitoSignIn(auth: AwsConsoleConfig['auth'], returnTo: string): Promise<void> {
  const { verifier, challenge } = await createPkcePair();
  const pending: PendingSignIn = { state: randomUrlSafe(16), verifier, returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizeUrl(auth, { redirectUri: redirectUriOf(auth, location.origin), state: pending.state, challenge }));
}

/**
 * Handles `/auth/callback?code=&state=`: checks `state` against the one this tab sent (a callback
 * this tab did not start is refused: login CSRF), then swaps the code and verifier for tokens.
 *
 * @returns the access token (what the API's authorizer accepts) and the path to go back to
 */
export async function completeCognitoSignIn(auth: AwsConsoleConfig['auth'], search: string): Promise<{ accessToken: string; returnTo: string }> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY); // one use, whatever happens next
  if (params.get('error')) throw new SignInError(`${params.get('error')}: ${params.get('error_description') ?? ''}`.trim());
  const code = params.get('code');
  const pending = stored ? (JSON.parse(stored) as PendingSignIn) : null;
  if (!code || !pending || params.get('state') !== pending.state) throw new SignInError('the sign-in response does not match a sign-in started in this tab');
  const response = await fetch(`${auth.domainUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: auth.clientId, code, redirect_uri: redirectUriOf(auth, location.origin), code_verifier: pending.verifier }),
  });
  const tokens = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !tokens.access_token) throw new SignInError(`token exchange failed: ${tokens.error ?? `HTTP ${response.status}`}`);
  return { accessToken: tokens.access_token, returnTo: pending.returnTo.startsWith('/') ? pending.returnTo : '/' };
}
