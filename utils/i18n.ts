// UI strings in Korean and English (utils/i18n/*.json). The same tables generate public/_locales
// (scripts/gen-locales.mjs) for the manifest and the browser's own i18n; the
// UI reads it directly so the user can pick a language other than the browser's.
import core from './i18n/core.json';
import graph from './i18n/graph.json';
import manager from './i18n/manager.json';
import packs from './i18n/packs.json';
import whatsnew from './i18n/whatsnew.json';

// One table per area, so areas can grow without touching each other's files.
const messages = { ...core, ...graph, ...manager, ...packs, ...whatsnew };

export type Lang = 'en' | 'ko';
export type MessageKey = keyof typeof messages;

let current: Lang = 'en';

export function detectLang(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export function t(key: MessageKey, subs?: Record<string, string | number>): string {
  const entry = messages[key] as { en: string; ko?: string };
  const text = (current === 'ko' ? entry.ko : undefined) ?? entry.en;
  return subs
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in subs ? String(subs[name]) : m))
    : text;
}

/** Dates in the reader's language; partial dates keep their precision ("2024-06" → "June 2024"). */
export function formatPartialDate(date: string | null | undefined, lang: Lang = current): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const at = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (m) opts.month = d ? 'short' : 'long';
  if (d) opts.day = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(at);
}

/** The heading of an alliance kind (message keys may not contain "-"). */
export function kindLabel(kind: string): string {
  return t(`kind_${kind.replace(/-/g, '_')}` as MessageKey);
}
