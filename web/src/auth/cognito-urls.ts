import type { AwsConsoleConfig } from '../../console-config.js';
import { AUTH_CALLBACK_PATH } from '../../console-config.js';

/** Where Cognito sends the browser back: the configured URI, else this origin's `/auth/callback`. */
export const redirectUriOf = (auth: AwsConsoleConfig['auth'], origin: string) => auth.redirectUri ?? `${origin}${AUTH_CALLBACK_PATH}`;

/** The hosted UI's authorize URL for the authorization-code flow with PKCE (S256). */
export function authorizeUrl(auth: AwsConsoleConfig['auth'], params: { redirectUri: string; state: string; challenge: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: params.redirectUri,
    scope: auth.scopes.join(' '),
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: 'S256',
  });
  return `${auth.domainUrl}/oauth2/authorize?${query}`;
}

/** The hosted UI's logout URL (ends its session too), coming back to the console. */
export function signOutUrl(auth: AwsConsoleConfig['auth'], origin: string): string {
  return `${auth.domainUrl}/logout?${new URLSearchParams({ client_id: auth.clientId, logout_uri: `${origin}/` })}`;
}
