import { useEffect, useState } from 'preact/hooks';
import type { AwsConsoleConfig } from '../../console-config.js';
import { completeCognitoSignIn } from '../auth/cognito.js';
import type { Translate } from '../i18n/i18n.js';

/** `/auth/callback`: finishes the Cognito sign-in, then goes where the user was going. */
export function AuthCallbackPage({ auth, t, onSignedIn }: { auth: AwsConsoleConfig['auth']; t: Translate; onSignedIn: (token: string, returnTo: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    completeCognitoSignIn(auth, location.search).then(
      ({ accessToken, returnTo }) => onSignedIn(accessToken, returnTo),
      (error: unknown) => setProblem((error as Error).message),
    );
  }, []);
  return (
    <div class="sign-in">
      <h1>{t('signIn.title')}</h1>
      {problem ? (
        <>
          <p class="error" role="alert">{t('signIn.failed')}: {problem}</p>
          <a class="button" href="/sign-in">{t('signIn.again')}</a>
        </>
      ) : (
        <p role="status">{t('signIn.completing')}</p>
      )}
    </div>
  );
}
