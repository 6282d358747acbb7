// Extension pages speak the language the user chose, else the browser's. The
// one place a page reads the stored settings directly (settings.ts stays pure,
// with no browser API, so it is unit-tested in Node).
import { browser } from 'wxt/browser';
import { detectLang, type Lang, setLang } from './i18n';
import { readSettings, SETTINGS_KEY } from './settings';

export async function initUiLang(): Promise<Lang> {
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const lang = settings.uiLang === 'auto' ? detectLang(navigator.language) : settings.uiLang;
  setLang(lang);
  document.documentElement.lang = lang;
  return lang;
}
