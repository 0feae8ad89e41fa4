import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConsoleConfig } from '../console-config.js';
import { AUTH_CALLBACK_PATH } from '../console-config.js';
import { createApiClient } from './api/api-client.js';
import { AppContext, type AppContextValue } from './app-context.js';
import { signOutUrl } from './auth/cognito-urls.js';
import { clearToken, readToken, storeToken } from './auth/token-store.js';
import { storedLanguage, storeLanguage, translator, type Translate } from './i18n/i18n.js';
import { LANGUAGES, type Language } from './i18n/languages.js';
import { InboxPage } from './inbox/inbox-page.js';
import { AuthCallbackPage } from './pages/auth-callback-page.js';
import { HomePage } from './pages/home-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { DEFAULT_PAGE_SIZE, PanoramaPage } from './panorama/panorama-page.js';
import { ReportPage } from './report/report-page.js';
import { followLink, navigate, Redirect, useLocation } from './router.js';
import { useAsync } from './ui/use-async.js';

/** The tenants' default zone (ARCHITECTURE.md), until `/v1/me` says otherwise. */
const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

/** The console: sign-in, then the pages, in the chosen language and the tenant's time zone. */
export function App({ config }: { config: ConsoleConfig }) {
  const [lang, setLang] = useState<Language>(() => storedLanguage(localStorage));
  const t = useMemo(() => translator(lang), [lang]);
  const [token, setToken] = useState(() => readToken(sessionStorage));
  const [notice, setNotice] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const { path, query } = useLocation();
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), 6000);
    return () => clearTimeout(timer);
  }, [announcement]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const api = useMemo(
    () =>
      createApiClient({
        baseUrl: config.mode === 'aws' ? config.apiUrl : '',
        token: () => readToken(sessionStorage),
        onUnauthorized: () => {
          clearToken(sessionStorage);
          setNotice(tRef.current('signIn.expired'));
          setToken(null);
        },
      }),
    [config],
  );
  const me = useAsync(() => (token ? api.me().catch(() => null) : Promise.resolve(null)), [token]);

  const chooseLanguage = (next: Language) => {
    storeLanguage(localStorage, next);
    setLang(next);
  };
  const signIn = (newToken: string, returnTo: string) => {
    storeToken(sessionStorage, newToken);
    setNotice(undefined);
    setToken(newToken);
    navigate(returnTo, { replace: true });
  };
  const signOut = () => {
    clearToken(sessionStorage);
    if (config.mode === 'aws') return location.assign(signOutUrl(config.auth, location.origin));
    setToken(null);
    navigate('/sign-in');
  };

  if (path === AUTH_CALLBACK_PATH && config.mode === 'aws') {
    return (
      <Shell t={t} lang={lang} onLanguage={chooseLanguage}>
        <AuthCallbackPage auth={config.auth} t={t} onSignedIn={signIn} />
      </Shell>
    );
  }
  if (!token || path === '/sign-in') {
    const returnTo = path === '/sign-in' ? (query.get('returnTo') ?? '/') : `${path}${location.search}`;
    if (token) return <Redirect to={returnTo.startsWith('/') && returnTo !== '/sign-in' ? returnTo : '/'} />;
    return (
      <Shell t={t} lang={lang} onLanguage={chooseLanguage}>
        <SignInPage config={config} t={t} returnTo={returnTo} onToken={(value) => signIn(value, returnTo.startsWith('/') && returnTo !== '/sign-in' ? returnTo : '/')} notice={notice} />
      </Shell>
    );
  }

  const context: AppContextValue = {
    config,
    api,
    lang,
    t,
    timeZone: me.data?.timeZone ?? FALLBACK_TIME_ZONE,
    announce: setAnnouncement,
  };
  return (
    <AppContext.Provider value={context}>
      <Shell t={t} lang={lang} onLanguage={chooseLanguage} onSignOut={signOut} path={path} principal={me.data?.principal} announcement={announcement}>
        {me.loading ? <p role="status">{t('common.loading')}</p> : <Page path={path} query={query} t={t} />}
      </Shell>
    </AppContext.Provider>
  );
}

/** Picks the page for a path. */
function Page({ path, query, t }: { path: string; query: URLSearchParams; t: Translate }) {
  const customer = /^\/customers\/([^/]+)(\/report)?\/?$/.exec(path);
  if (customer) {
    const customerId = decodeURIComponent(customer[1] as string);
    if (customer[2]) return <ReportPage key={customerId} customerId={customerId} />;
    const pageSize = Math.min(100, Math.max(1, Number(query.get('pageSize')) || DEFAULT_PAGE_SIZE));
    return <PanoramaPage key={customerId} customerId={customerId} pageSize={pageSize} />;
  }
  if (path === '/unmatched') return <InboxPage />;
  if (path === '/' || path === '') return <HomePage />;
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/" onClick={followLink}>{t('notFound.home')}</a>
      </p>
    </div>
  );
}

interface ShellProps {
  readonly t: Translate;
  readonly lang: Language;
  readonly onLanguage: (lang: Language) => void;
  readonly onSignOut?: () => void;
  readonly path?: string;
  readonly principal?: string;
  readonly announcement?: string;
  readonly children: ComponentChildren;
}

/** Landmarks every page shares: skip link, banner with navigation and language, main, live region. */
function Shell({ t, lang, onLanguage, onSignOut, path, principal, announcement, children }: ShellProps) {
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    // After in-app navigation, start reading (and tabbing) at the new page, as a page load would.
    if (path !== firstPath.current) main.current?.focus();
  }, [path]);
  const current = (href: string) => (href === '/' ? path === '/' || path?.startsWith('/customers') : path?.startsWith(href)) || undefined;
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <header class="app-header">
        <a class="brand" href="/" onClick={followLink}>
          <span class="brand-mark" aria-hidden="true">◆</span> CommHub
        </a>
        {onSignOut && (
          <nav aria-label={t('nav.label')}>
            <ul class="nav-list">
              <li><a href="/" onClick={followLink} aria-current={current('/') ? 'page' : undefined}>{t('nav.customers')}</a></li>
              <li><a href="/unmatched" onClick={followLink} aria-current={current('/unmatched') ? 'page' : undefined}>{t('nav.inbox')}</a></li>
            </ul>
          </nav>
        )}
        <div class="header-tools">
          <label class="sr-only" for="language">{t('nav.language')}</label>
          <select id="language" value={lang} onChange={(event) => onLanguage((event.currentTarget as HTMLSelectElement).value as Language)}>
            {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{t(`language.${code}`)}</option>)}
          </select>
          {principal && <span class="principal muted small">{principal}</span>}
          {onSignOut && <button type="button" class="button button-quiet" onClick={onSignOut}>{t('nav.signOut')}</button>}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>{children}</main>
      <div class="toast" role="status" aria-live="polite">{announcement}</div>
    </>
  );
}
