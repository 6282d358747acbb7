import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BrowserSync } from '../../utils/background/browser-sync';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch, type Effects } from '../../utils/background/handlers';
import { DictionaryCompiler } from '../../utils/background/published-dictionary';
import { SettingsOwner } from '../../utils/background/settings-owner';
import { openShortcutSettings } from '../../utils/background/shortcut-settings';
import { setSiteEnabled, syncUserSiteScripts } from '../../utils/background/site-scripts';
import { alarmName, originOfAlarm, Subscriptions } from '../../utils/background/subscriptions';
import { AllianceStore } from '../../utils/db/store';
import { DICTIONARY_KEY, DICTIONARY_STAMP_KEY } from '../../utils/dictionary';
import { COMPILED_MATCHER_FORMAT } from '../../utils/matcher';
import type { Sender, TabMessage } from '../../utils/messaging';
import { SETTINGS_KEY, SETTINGS_UPDATED_KEY, SYNC_STATUS_KEY } from '../../utils/settings';
import { fetchPack } from '../../utils/sync/fetch-pack';
import { nextCheck, startupDelay } from '../../utils/sync/schedule';

export default defineBackground(() => {
  const store = new AllianceStore();

  /** Open pages follow the stored dictionary (storage.onChanged reaches every tab). */
  const dictionary = new DictionaryCompiler(store);
  const publishNow = async () => {
    const stamp = (await browser.storage.local.get(DICTIONARY_STAMP_KEY))[DICTIONARY_STAMP_KEY] as
      | { version?: unknown; format?: unknown }
      | undefined;
    // An older extension version stored another format (and no stamp): replace it.
    if (
      stamp?.version === (await store.datasetVersion()) &&
      stamp.format === COMPILED_MATCHER_FORMAT
    )
      return;
    const published = await dictionary.current();
    await browser.storage.local.set({
      [DICTIONARY_KEY]: published,
      [DICTIONARY_STAMP_KEY]: { version: published.version, format: published.matcher.format },
    });
  };
  // One publish at a time, in order: an older dictionary compiled slowly must never
  // be stored after a newer one.
  let publishing: Promise<void> = Promise.resolve();
  const publishDictionary = () => {
    publishing = publishing.catch(() => {}).then(publishNow);
    return publishing;
  };

  let httpPackHosts = new Set<string>();
  // Settings have one writer: this queue. Pages send patches (updateSettings).
  const settings = new SettingsOwner(
    {
      read: async () => {
        const got = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_UPDATED_KEY]);
        const updated = got[SETTINGS_UPDATED_KEY];
        return {
          raw: got[SETTINGS_KEY],
          updated: typeof updated === 'string' ? updated : undefined,
        };
      },
      write: (value, updated) =>
        browser.storage.local.set({ [SETTINGS_KEY]: value, [SETTINGS_UPDATED_KEY]: updated }),
      remove: async (updated) => {
        await browser.storage.local.remove(SETTINGS_KEY);
        await browser.storage.local.set({ [SETTINGS_UPDATED_KEY]: updated });
      },
    },
    async (next, previous, local) => {
      httpPackHosts = new Set(next.httpPackHosts);
      if (next.enabledHosts.join() !== previous.enabledHosts.join())
        await syncUserSiteScripts(next).catch((e) => console.error('[alliance-lens]', e));
      if (local) scheduleBrowserSync();
    },
  );
  void settings.current().then((s) => {
    httpPackHosts = new Set(s.httpPackHosts);
  });

  const effects: Effects = {
    async openManager(companyId) {
      const hash = companyId ? `#company=${encodeURIComponent(companyId)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    },
    shortcuts: async () =>
      (await browser.commands.getAll()).map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        shortcut: c.shortcut ?? '',
      })),
    openShortcutSettings: () => openShortcutSettings(),
    datasetChanged: () => {
      void publishDictionary().catch((e) => console.error('[alliance-lens]', e));
      // The user's own records may have changed: carry them to their other browsers.
      scheduleBrowserSync();
    },
    setSiteEnabled: (hostname, enabled, tabId) =>
      setSiteEnabled(settings, hostname, enabled, tabId),
    updateSettings: (patch) => settings.update(patch),
    deleteAll: () => ready.then(() => browserSync.deleteEverywhere()),
    subscriptionsChanged: () => void browserSync.sync(),
    restored: () => loadBundled(false),
  };
  const subscriptions = new Subscriptions(store, {
    fetchPack,
    now: () => Date.now(),
    nextCheck: (now, state) => nextCheck(now, state, Math.random),
    schedule: async (origin, when) => {
      await browser.alarms.create(alarmName(origin), { when });
    },
    unschedule: async (origin) => {
      await browser.alarms.clear(alarmName(origin));
    },
    online: () => navigator.onLine !== false,
    // Plain http beyond this computer only for hosts the user confirmed in the manager.
    allowHttpHost: (url) => httpPackHosts.has(url.hostname),
    // Not awaited: the manager shows a synced pack as soon as it is stored, as after an
    // import; pages get the new dictionary a moment later, when it is compiled.
    changed: async () => {
      void publishDictionary().catch((e) => console.error('[alliance-lens]', e));
    },
  });
  const handlers = createHandlers(store, effects, subscriptions, dictionary);

  // The user's own records, settings and subscriptions across their browsers.
  const browserSync = new BrowserSync(store, {
    storage: {
      get: () => browser.storage.sync.get(null),
      set: (items) => browser.storage.sync.set(items),
      remove: (keys) => browser.storage.sync.remove(keys),
    },
    settings: {
      get: () => settings.dated(),
      set: async (value, updated) => {
        await settings.replace(value, updated);
      },
      reset: (updated) => settings.reset(updated),
    },
    subscriptions: {
      add: async (url, updated) => {
        // A pack that cannot be fetched now is tried again at the next sync.
        await subscriptions.subscribe(url, updated);
      },
      remove: async (url, updated) => {
        const origin = await subscriptions.originOf(url);
        if (origin) await subscriptions.unsubscribe(origin, updated);
      },
    },
    changed: async () => publishDictionary(),
    report: async (problem) => {
      await browser.storage.local.set({ [SYNC_STATUS_KEY]: problem });
    },
  });
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleBrowserSync() {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void ready.then(() => browserSync.sync()), 2000);
  }
  // Content scripts need no sync storage: where the browser allows it (Chromium),
  // only the extension's own pages and this worker may read or write it.
  const syncArea = browser.storage.sync as unknown as {
    setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
  };
  void syncArea
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((e: unknown) => console.warn('[alliance-lens] sync storage access level', e));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') scheduleBrowserSync();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    const origin = originOfAlarm(alarm.name);
    // sync() records its own failures; the catch keeps any rejection from going unhandled.
    if (origin)
      void ready
        .then(() => subscriptions.sync(origin))
        .catch((e) => console.error('[alliance-lens]', e));
  });

  const loadBundled = async (force: boolean) => {
    const res = await fetch(browser.runtime.getURL('/packs/core.json'));
    await loadBundledPack(store, await res.text(), force);
  };
  // Handlers wait for the bundled pack, so the first page after install sees it.
  let ready = loadBundled(false)
    .then(publishDictionary)
    .then(() => subscriptions.scheduleAll((i) => startupDelay(i, Math.random)))
    .then(() => browserSync.sync())
    .catch((e) => console.error('[alliance-lens]', e));
  // A host permission revoked in the browser's own UI drops that site's script.
  browser.permissions.onRemoved.addListener(() => {
    settings
      .current()
      .then(syncUserSiteScripts)
      .catch((e) => console.error('[alliance-lens]', e));
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The context menu on a selection: "Clip alliance".
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: 'clip-alliance',
        title: browser.i18n.getMessage('clipMenu'),
        contexts: ['selection'],
      }),
    );
    // A fresh install is covered above; an update reloads even if the pack kept its date.
    if (reason !== 'update') return;
    ready = ready
      .then(() => loadBundled(true))
      .then(publishDictionary)
      .catch((e) => console.error('[alliance-lens]', e));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'clip-alliance' && tab?.id !== undefined) {
      browser.tabs.sendMessage(tab.id, { type: 'clip' } satisfies TabMessage).catch(() => {});
    }
  });

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    // Content scripts share the page's renderer; only our own pages may write.
    const from: Sender =
      sender.url && new URL(sender.url).origin === extensionOrigin ? 'extension' : 'content';
    ready.then(() => dispatch(handlers, message, from)).then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    const target =
      tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    if (command === 'clip-alliance')
      browser.tabs.sendMessage(target, { type: 'clip' } satisfies TabMessage).catch(() => {});
    if (command === 'reading-mode')
      browser.tabs
        .sendMessage(target, { type: 'readingMode' } satisfies TabMessage)
        .catch(() => {});
  });
});
