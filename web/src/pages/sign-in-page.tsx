import { useState } from 'preact/hooks';
import type { ConsoleConfig } from '../../console-config.js';
import { beginCognitoSignIn } from '../auth/cognito.js';
import { looksLikeJwt } from '../auth/token-store.js';
import type { Translate } from '../i18n/i18n.js';

/**
 * Sign-in. On AWS: off to the Cognito hosted UI. Embedded: the console link `npm start` prints
 * signs in by itself; here a token (`npm run token`) can be pasted instead.
 */
export function SignInPage({ config, t, returnTo, onToken, notice }: { config: ConsoleConfig; t: Translate; returnTo: string; onToken: (token: string) => void; notice?: string }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (config.mode === 'aws') {
    return (
      <div class="sign-in">
        <h1>{t('signIn.title')}</h1>
        {notice && <p class="notice" role="status">{notice}</p>}
        <p>{t('signIn.aws')}</p>
        <button type="button" class="button button-primary" onClick={() => void beginCognitoSignIn(config.auth, returnTo)}>
          {t('signIn.withCognito')}
        </button>
      </div>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    const value = token.trim();
    if (!looksLikeJwt(value)) return setProblem(t('signIn.notAToken'));
    onToken(value);
  };
  return (
    <div class="sign-in">
      <h1>{t('signIn.title')}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <p>{t('signIn.embedded')}</p>
      <form onSubmit={submit} class="stack">
        <label for="token">{t('signIn.token')}</label>
        <textarea id="token" rows={4} value={token} spellcheck={false} aria-describedby="token-help" aria-invalid={problem !== null} onInput={(event) => setToken((event.currentTarget as HTMLTextAreaElement).value)} />
        <p id="token-help" class="muted small">{t('signIn.tokenHelp')}</p>
        {problem && <p class="error" role="alert">{problem}</p>}
        <button type="submit" class="button button-primary">{t('signIn.submit')}</button>
      </form>
    </div>
  );
}
