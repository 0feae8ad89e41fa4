import { useApp } from '../app-context.js';
import { ApiError } from '../api/api-client.js';

/** An error as an alert: the API's message when it gave one. */
export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useApp();
  const detail = error instanceof ApiError ? `${error.message} (${error.code})` : error.message;
  return (
    <p class="error" role="alert">
      {t('common.error')}: {detail}
    </p>
  );
}
