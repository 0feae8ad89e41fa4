import { useEffect, useState } from 'preact/hooks';

/**
 * A small history router: paths are real URLs (the servers answer every non-API path with the app,
 * which Cognito's `/auth/callback` needs anyway), links are plain `<a href>`.
 */
const NAVIGATED = 'commhub:navigate';

/**
 * Turns a hash-style link (`/#/customers/CUST-AUX`, as some tools print) into the path it names,
 * without a reload or a history entry. Other fragments are left alone.
 */
export function adoptHashRoute(): void {
  const match = /^#(\/[^#]*)$/.exec(location.hash);
  if (match) history.replaceState(null, '', match[1]);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATED));
}

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

const current = (): Location => ({ path: location.pathname, query: new URLSearchParams(location.search) });

/** The current path and query; re-renders on navigation and back / forward. */
export function useLocation(): Location {
  const [value, setValue] = useState(current);
  useEffect(() => {
    const update = () => setValue(current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return value;
}

/** Click handler for in-app links: plain clicks navigate without reload; modified clicks (new tab) are left to the browser. */
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
}

/** Goes to `to` (replacing the current entry) once rendered: navigation is a side effect, not rendering. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
