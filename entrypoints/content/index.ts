import { h } from 'preact';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AllianceCard } from '../../components/content/AllianceCard';
import { ClipForm } from '../../components/content/ClipForm';
import { ReadingSession } from '../../utils/content/session';
import { DICTIONARY_KEY, readDictionary } from '../../utils/dictionary';
import { tabMessageSchema } from '../../utils/messaging';
import { readSettings, SETTINGS_KEY } from '../../utils/settings';
import { isSiteEnabled, NEWS_MATCHES } from '../../utils/site-rules';
// Sends the storage read as the modules load (see early-read.ts).
import { storedAtStart } from './early-read';
import './highlight.css';

export default defineContentScript({
  matches: NEWS_MATCHES,
  // Start while the page is still loading: settings, dictionary and matcher are
  // ready by the time the DOM is, so highlighting starts at DOMContentLoaded.
  runAt: 'document_start',
  async main(ctx) {
    // Injected again into a page that already runs it (turning a site on): keep the first.
    const marker = globalThis as { __allianceLensLoaded?: boolean };
    if (marker.__allianceLensLoaded) return;
    marker.__allianceLensLoaded = true;
    performance.mark('alliance-lens:start');
    ctx.onInvalidated(() => {
      marker.__allianceLensLoaded = false;
    });
    const hostname = location.hostname;
    // Settings and the dictionary in one read of extension storage: no wait for the background.
    const stored = await storedAtStart;
    let settings = readSettings(stored[SETTINGS_KEY]);
    const session = new ReadingSession(window, settings, {
      card: (props) => h(AllianceCard, props),
      clipForm: (props) => h(ClipForm, props),
    });
    const dictionary = readDictionary(stored[DICTIONARY_KEY]);
    const enabled = isSiteEnabled(settings, hostname);
    if (dictionary && enabled && session.useDictionary(dictionary)) session.streamWhileLoading();
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) =>
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
      );
    }
    if (enabled) await session.start();

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const changedDictionary = readDictionary(changes[DICTIONARY_KEY]?.newValue);
      if (changedDictionary) void session.onDictionary(changedDictionary);
      if (!(SETTINGS_KEY in changes)) return;
      settings = readSettings(changes[SETTINGS_KEY].newValue);
      const off = !isSiteEnabled(settings, hostname);
      if (off && session.running) session.stop();
      else if (!off && !session.running) void session.start();
      else session.updateSettings(settings);
    };
    browser.storage.onChanged.addListener(onStorage);

    // Only the extension can send these (the page cannot reach runtime messaging); still validate.
    const onMessage = (
      raw: unknown,
      sender: { id?: string },
      sendResponse: (r: unknown) => void,
    ) => {
      if (sender.id !== browser.runtime.id) return false;
      const parsed = v.safeParse(tabMessageSchema, raw);
      if (!parsed.success) return false;
      const message = parsed.output;
      if (message.type === 'clip') session.clip();
      else if (message.type === 'readingMode') session.enterReadingMode();
      else if (message.type === 'showCompany')
        sendResponse({ ok: true, value: session.showCompany(message.companyId) });
      else if (message.type === 'pageSummary') {
        // Once the alliances on their way have arrived: "0 alliances tie them" would be wrong.
        void session.summary().then((value) => sendResponse({ ok: true, value }));
        return true;
      }
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);

    // SPA navigation: a new article under the same document.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      void session.rescan();
    });
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
      session.stop();
    });
  },
});
