// Content scripts for sites the user turned on beyond the default news sites:
// registered dynamically (kept across restarts) for exactly the granted hosts.
import { browser } from 'wxt/browser';
import { type Settings, withSite } from '../settings';
import { defaultSiteOf, siteMatchPattern } from '../site-rules';
import type { SettingsOwner } from './settings-owner';

const SCRIPT_ID = 'alliance-lens-user-sites';
const CONTENT_JS = '/content-scripts/content.js';
const CONTENT_CSS = '/content-scripts/content.css';

/** Brings the registered scripts in line with the granted, enabled hosts. */
export async function syncUserSiteScripts(settings: Settings): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = settings.enabledHosts.map(siteMatchPattern).filter((m) => granted.includes(m));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: [CONTENT_JS],
      css: [CONTENT_CSS],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** Turns a site on or off through the settings' one writer (which re-registers user-site scripts). */
export async function setSiteEnabled(
  settings: SettingsOwner,
  hostname: string,
  enabled: boolean,
  tabId?: number,
): Promise<void> {
  const isDefault = defaultSiteOf(hostname) !== undefined;
  await settings.update((s) => withSite(s, hostname, enabled, isDefault));
  if (isDefault) return; // the manifest's content script is there; it follows the setting.
  // Start reading the open page now rather than on its next load (the script ignores a second injection).
  if (enabled && tabId !== undefined) {
    await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] }).catch(() => {});
    await browser.scripting
      .executeScript({ target: { tabId }, files: [CONTENT_JS] })
      .catch(() => {});
  }
}
