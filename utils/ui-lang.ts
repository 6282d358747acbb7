// Extension pages speak the language the user chose, else the browser's.
import { detectLang, type Lang, setLang } from './i18n';
import { loadSettings } from './stored-settings';

export async function initUiLang(): Promise<Lang> {
  const settings = await loadSettings();
  const lang = settings.uiLang === 'auto' ? detectLang(navigator.language) : settings.uiLang;
  setLang(lang);
  document.documentElement.lang = lang;
  return lang;
}
