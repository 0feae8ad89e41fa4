import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from '../../web/console-config.js';
import { authorizeUrl, redirectUriOf, signOutUrl } from '../../web/src/auth/cognito-urls.js';
import { takeDevTokenFromFragment } from '../../web/src/auth/dev-token.js';
import { base64Url, codeChallengeS256, createPkcePair } from '../../web/src/auth/pkce.js';
import { readToken, storeToken, tokenExpiry } from '../../web/src/auth/token-store.js';
import { actionTaskKey } from '../../web/src/report/action-task-key.js';

/** A Map-backed sessionStorage. */
function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}
const jwtWith = (claims: Record<string, unknown>) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('signing in to the console', () => {
  it('derives the PKCE S256 challenge of RFC 7636 appendix B', async () => {
    // The appendix's 32 random octets, its verifier and its challenge
    const octets = new Uint8Array([116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]);
    expect(base64Url(octets)).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier each time, with its challenge', async () => {
    const [a, b] = await Promise.all([createPkcePair(), createPkcePair()]);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await codeChallengeS256(a.verifier));
  });

  it("sends the hosted UI an authorization-code request with the S256 challenge and this tab's state", () => {
    const auth = { domainUrl: 'https://commhub.auth.eu-west-1.amazoncognito.com', clientId: 'client123', scopes: ['openid', 'commhub/read'] };
    const url = new URL(authorizeUrl(auth, { redirectUri: redirectUriOf(auth, 'https://console.example.com'), state: 'st4te', challenge: 'ch4llenge' }));
    expect(url.origin + url.pathname).toBe('https://commhub.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://console.example.com/auth/callback',
      scope: 'openid commhub/read',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
    });
    expect(signOutUrl(auth, 'https://console.example.com')).toBe('https://commhub.auth.eu-west-1.amazoncognito.com/logout?client_id=client123&logout_uri=https%3A%2F%2Fconsole.example.com%2F');
  });

  it('takes the dev token from the fragment into sessionStorage and clears it from the address bar', () => {
    // Prepare
    const storage = memoryStorage();
    const token = jwtWith({ sub: 'dev-user', exp: Math.floor(Date.now() / 1000) + 3600 });
    const replaced: string[] = [];
    const bar = { location: { hash: `#devToken=${token}`, pathname: '/customers/CUST-AUX', search: '?pageSize=5' }, history: { state: null, replaceState: (_d: unknown, _u: string, url: string) => void replaced.push(url) } };
    // Act
    const taken = takeDevTokenFromFragment(bar, storage);
    // Assess
    expect(taken).toBe(true);
    expect(replaced).toEqual(['/customers/CUST-AUX?pageSize=5']);
    expect(readToken(storage)).toBe(token);
  });

  it('ignores a fragment without a token, refuses one that is not a JWT, and forgets an expired token', () => {
    const storage = memoryStorage();
    const noop = { state: null, replaceState: () => undefined };
    expect(takeDevTokenFromFragment({ location: { hash: '#section', pathname: '/', search: '' }, history: noop }, storage)).toBe(false);
    expect(takeDevTokenFromFragment({ location: { hash: '#devToken=<script>', pathname: '/', search: '' }, history: noop }, storage)).toBe(false);
    expect(storage.map.size).toBe(0);
    const expired = jwtWith({ exp: 1_000 });
    storeToken(storage, expired);
    expect(tokenExpiry(expired)).toBe(1_000);
    expect(readToken(storage)).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('reads the runtime config of either runtime and names what is missing', () => {
    expect(parseConsoleConfig({ mode: 'embedded' })).toEqual({ mode: 'embedded' });
    expect(parseConsoleConfig({ mode: 'aws', apiUrl: 'https://api.example.com/', auth: { domainUrl: 'https://x.auth.example.com/', clientId: 'c', scopes: ['openid'] } })).toEqual({
      mode: 'aws',
      apiUrl: 'https://api.example.com',
      auth: { domainUrl: 'https://x.auth.example.com', clientId: 'c', redirectUri: undefined, scopes: ['openid'] },
    });
    expect(() => parseConsoleConfig({ mode: 'aws', auth: {} })).toThrow(/apiUrl/);
    expect(() => parseConsoleConfig(null)).toThrow(/mode/);
  });
});

describe('creating a task from a report action', () => {
  it('uses one idempotency key per report and action, so a double click makes one task', () => {
    const key = actionTaskKey('RPT-customer-20261108-CUST-AUX-c735fde3', '推进 宁波奥克斯 的机会');
    expect(key).toBe(actionTaskKey('RPT-customer-20261108-CUST-AUX-c735fde3', '推进 宁波奥克斯 的机会'));
    expect(key).toMatch(/^report:RPT-customer-20261108-CUST-AUX-c735fde3:[0-9a-f]{8}$/);
    expect(actionTaskKey('RPT-other', '推进 宁波奥克斯 的机会')).not.toBe(key);
    expect(actionTaskKey('RPT-customer-20261108-CUST-AUX-c735fde3', '另一项')).not.toBe(key);
    expect(actionTaskKey('R', 'x'.repeat(500)).length).toBeLessThan(200);
  });
});
