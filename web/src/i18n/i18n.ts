import type { KeyValueStorage } from '../key-value-storage.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.js';
import { MESSAGES, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** `t('timeline.count', { count: 3 })` in one language; `{name}` placeholders are filled from `params`. */
export function translator(lang: Language): Translate {
  const table = MESSAGES[lang];
  return (key, params) => {
    const text = table[key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
}

const LANGUAGE_KEY = 'commhub.language';

/** The language chosen earlier on this browser, else Chinese. */
export function storedLanguage(storage: KeyValueStorage): Language {
  const value = storage.getItem(LANGUAGE_KEY);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export const storeLanguage = (storage: KeyValueStorage, lang: Language) => storage.setItem(LANGUAGE_KEY, lang);
