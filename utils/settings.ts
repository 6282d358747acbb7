// User settings, kept in extension storage (never the page's).
import type { Lang } from './i18n';

export interface Settings {
  /** Wait before a card opens on hover. */
  hoverDelayMs: number;
  /** `auto` follows the browser's language. */
  uiLang: 'auto' | Lang;
  /** Sites (hostnames) where the user turned the extension off. */
  disabledHosts: string[];
  /** Sites beyond the default news sites where the user turned it on (host permission granted). */
  enabledHosts: string[];
  /** The small "Clip alliance" button beside a selection. */
  clipButton: boolean;
  /** Hosts the user confirmed for plain-http pack subscriptions. */
  httpPackHosts: string[];
  highlightStyle: 'underline' | 'background';
  highlightColor: string;
}

export const DEFAULT_SETTINGS: Settings = {
  hoverDelayMs: 250,
  uiLang: 'auto',
  disabledHosts: [],
  enabledHosts: [],
  httpPackHosts: [],
  clipButton: true,
  highlightStyle: 'underline',
  highlightColor: '#3a5bd9',
};

export const SETTINGS_KEY = 'settings';
/** When the settings last changed, for the merge across the user's browsers. */
export const SETTINGS_UPDATED_KEY = 'settingsUpdated';
/** The sync storage's current problem in plain words, or null. */
export const SYNC_STATUS_KEY = 'syncStorageStatus';

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
    disabledHosts: hostList(s.disabledHosts),
    enabledHosts: hostList(s.enabledHosts),
    httpPackHosts: hostList(s.httpPackHosts),
    clipButton: s.clipButton !== false,
    highlightStyle: s.highlightStyle === 'background' ? 'background' : 'underline',
    highlightColor:
      typeof s.highlightColor === 'string' && /^#[0-9a-f]{6}$/i.test(s.highlightColor)
        ? s.highlightColor
        : DEFAULT_SETTINGS.highlightColor,
  };
}

function hostList(raw: unknown): string[] {
  return Array.isArray(raw)
    ? raw.filter((h): h is string => typeof h === 'string' && /^[a-z0-9.-]+$/i.test(h))
    : [];
}

/** The settings after the user turned a site on or off from the popup. */
export function withSite(
  settings: Settings,
  hostname: string,
  enabled: boolean,
  isDefaultSite: boolean,
): Settings {
  const disabledHosts = settings.disabledHosts.filter((h) => h !== hostname);
  const enabledHosts = settings.enabledHosts.filter((h) => h !== hostname);
  if (!enabled && isDefaultSite) disabledHosts.push(hostname);
  if (enabled && !isDefaultSite) enabledHosts.push(hostname);
  return { ...settings, disabledHosts, enabledHosts };
}
