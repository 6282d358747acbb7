// The browser's own page for changing extension shortcuts. Extension pages
// cannot link to it (chrome:// and about: links are blocked), so the background
// opens it: Firefox 137+ has an API for it, Chromium a fixed address.
import { browser } from 'wxt/browser';

export const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (typeof commands.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: CHROMIUM_SHORTCUTS_URL });
}
