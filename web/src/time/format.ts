import type { Language } from '../i18n/languages.js';

/**
 * Dates and times as people read them, always in the tenant's zone. Pure (Intl only).
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function format(lang: Language, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** `14:05` in the zone. */
export const formatTime = (instant: string, lang: Language, timeZone: string) =>
  format(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** `2024年6月15日 14:05` / `Jun 15, 2024, 14:05` in the zone. */
export const formatDateTime = (instant: string, lang: Language, timeZone: string) =>
  format(lang, timeZone, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** A local day (`yyyy-mm-dd`) with its weekday: `6月15日 周六` / `Sat, Jun 15`. Noon UTC keeps the date in any zone. */
export const formatDay = (day: string, lang: Language) =>
  format(lang, 'UTC', { month: 'short', day: 'numeric', weekday: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));

/** `5:00`, `1:02:03` — a call's length. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** `3 小时前` / `3 hours ago`: how long since an instant, in the largest whole unit. */
export function formatSince(instant: string, now: number, lang: Language): string {
  const seconds = Math.round((Date.parse(instant) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  if (abs < 365 * 86_400) return rtf.format(Math.round(seconds / (30 * 86_400)), 'month');
  return rtf.format(Math.round(seconds / (365 * 86_400)), 'year');
}

/** `17 B`, `2.4 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
