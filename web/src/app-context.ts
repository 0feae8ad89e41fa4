import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleConfig } from '../console-config.js';
import type { ApiClient } from './api/api-client.js';
import type { Translate } from './i18n/i18n.js';
import type { Language } from './i18n/languages.js';

/** What every page needs: the API, the language and the tenant's time zone. */
export interface AppContextValue {
  readonly config: ConsoleConfig;
  readonly api: ApiClient;
  readonly lang: Language;
  readonly t: Translate;
  /** The tenant's IANA zone: every date and day grouping follows it, not the browser's. */
  readonly timeZone: string;
  /** Says a short status to screen readers (and shows it) — "insight dismissed", "task created". */
  readonly announce: (message: string) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
