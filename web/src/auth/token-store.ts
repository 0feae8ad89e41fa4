import type { KeyValueStorage } from '../key-value-storage.js';
/**
 * The signed-in user's bearer token, in sessionStorage: it lives as long as the tab, is not shared
 * with other tabs or sent with any request by the browser itself (no cookie, so no CSRF).
 */
const TOKEN_KEY = 'commhub.token';

/** Seconds since the epoch at which a JWT expires (`exp`), or `null` when it has none or is not a JWT. */
export function tokenExpiry(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/** Whether a string is shaped like a JWT (three base64url parts) — what the sign-in form accepts. */
export const looksLikeJwt = (value: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value);

/** The stored token unless it has expired (it is then removed). */
export function readToken(storage: KeyValueStorage, nowSeconds = Date.now() / 1000): string | null {
  const token = storage.getItem(TOKEN_KEY);
  if (!token) return null;
  const exp = tokenExpiry(token);
  if (exp !== null && exp <= nowSeconds) {
    storage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export const storeToken = (storage: KeyValueStorage, token: string) => storage.setItem(TOKEN_KEY, token);
export const clearToken = (storage: KeyValueStorage) => storage.removeItem(TOKEN_KEY);
