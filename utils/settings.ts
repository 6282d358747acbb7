// User settings, kept in extension storage (never the page's).
import type { Lang } from './i18n';

export interface Settings {
  /** Wait before a card opens on hover. */
  hoverDelayMs: number;
  /** `auto` follows the browser's language. */
  uiLang: 'auto' | Lang;
  /** Sites (hostnames) where the user turned the extension off. */
  disabledHosts: string[];
  highlightStyle: 'underline' | 'background';
  highlightColor: string;
}

export const DEFAULT_SETTINGS: Settings = {
  hoverDelayMs: 250,
  uiLang: 'auto',
  disabledHosts: [],
  highlightStyle: 'underline',
  highlightColor: '#3a5bd9',
};

export const SETTINGS_KEY = 'settings';

/** Fills in defaults and drops anything malformed, so old or hand-edited storage never breaks a page. */
export function readSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const delay =
    typeof s.hoverDelayMs === 'number' && s.hoverDelayMs >= 0 && s.hoverDelayMs <= 3000
      ? s.hoverDelayMs
      : undefined;
  return {
    hoverDelayMs: delay ?? DEFAULT_SETTINGS.hoverDelayMs,
    uiLang: s.uiLang === 'en' || s.uiLang === 'ko' ? s.uiLang : 'auto',
    disabledHosts: Array.isArray(s.disabledHosts)
      ? s.disabledHosts.filter((h): h is string => typeof h === 'string')
      : [],
    highlightStyle: s.highlightStyle === 'background' ? 'background' : 'underline',
    highlightColor:
      typeof s.highlightColor === 'string' && /^#[0-9a-f]{6}$/i.test(s.highlightColor)
        ? s.highlightColor
        : DEFAULT_SETTINGS.highlightColor,
  };
}

/** A site is off when the user turned off its hostname or a parent domain of it. */
export function isHostDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledHosts.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}
