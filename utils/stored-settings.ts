// The user's settings as stored in extension storage (settings.ts stays pure:
// no browser API, so it is unit-tested in Node).
import { browser } from 'wxt/browser';
import { readSettings, SETTINGS_KEY, type Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}
