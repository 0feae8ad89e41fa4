import type { KeyValueStorage } from '../key-value-storage.js';
import { looksLikeJwt, storeToken } from './token-store.js';

/** The parts of `location` and `history` used (window's satisfy them; tests pass stand-ins). */
interface AddressBar {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
}

/**
 * Embedded mode's console link (`npm start` prints `http://127.0.0.1:3000/#devToken=<jwt>`): takes
 * the token from the fragment (never sent to a server, so it is in no access log), keeps it in
 * sessionStorage and removes it from the address bar and the history entry.
 *
 * @returns whether a token was taken
 */
export function takeDevTokenFromFragment({ location, history }: AddressBar, storage: KeyValueStorage): boolean {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('devToken');
  if (token === null) return false;
  fragment.delete('devToken');
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  if (!looksLikeJwt(token)) return false;
  storeToken(storage, token);
  return true;
}
