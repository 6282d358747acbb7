// Firefox ESR with the built extension (.output/firefox-mv2) installed as a
// temporary add-on, driven by puppeteer-core over WebDriver BiDi, on the X
// display npm test provides (headful, so xdotool can send real keys for the
// extension's commands). Every hostname resolves to the local news server.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startNewsServer } from '../../scripts/lib/news-server.mjs';
import { highlightsSettled } from '../e2e/settled';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'alliance-lens@alliance-lens.dev';
/** Pinned so the extension's pages have a known address. */
export const ADDON_UUID = '6b1e0a55-3c2f-4d7a-9e61-2b8f4c0d9a17';

type Routes = Parameters<typeof startNewsServer>[0]['routes'];

export interface FirefoxEnv {
  browser: Browser;
  /** The news server's port: URLs keep it (every host resolves to 127.0.0.1). */
  port: number;
  url: (hostAndPath: string) => string;
  extensionUrl: (path: string) => string;
}

export function useFirefox(options: { routes?: Routes } = {}): FirefoxEnv {
  const env = {} as FirefoxEnv;
  let close = async () => {};
  beforeAll(async () => {
    const server = await startNewsServer({ root: 'demo/sites', routes: options.routes });
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: false,
      defaultViewport: null,
      args: ['--width=1280', '--height=960'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
        'intl.accept_languages': 'ko-KR, ko, en',
        'intl.locale.requested': 'ko',
      },
    });
    await browser.installExtension(resolve('.output/firefox-mv2'));
    Object.assign(env, {
      browser,
      port: server.port,
      url: (hostAndPath: string) => `http://${hostAndPath.replace('/', `:${server.port}/`)}`,
      extensionUrl: (path: string) => `moz-extension://${ADDON_UUID}/${path}`,
    });
    close = async () => {
      await browser.close();
      await server.close();
    };
  });
  afterAll(async () => close());
  return env;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value (or fails after `ms`). */
export async function until<T>(check: () => Promise<T>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Highlighted texts, once the annotator has settled with at least `min` of them. */
export async function settledHighlights(page: Page, min = 1): Promise<string[]> {
  await until(() => page.evaluate(highlightsSettled, min), `${min} highlights`);
  return page.evaluate(() =>
    [...((CSS.highlights.get('alliance-lens') as unknown as Set<Range>) ?? [])].map((r) =>
      r.toString(),
    ),
  );
}

/** The text of the focused mention (the open card's), or null. */
export const focusedMention = (page: Page) =>
  page.evaluate(() => {
    const set = CSS.highlights.get('alliance-lens-focus') as unknown as Set<Range> | undefined;
    const first = set ? [...set][0] : undefined;
    return first ? first.toString() : null;
  });

/** The address a page is really at (WebDriver BiDi reports moz-extension: pages as about:blank). */
export const hrefOf = (page: Page) => page.evaluate(() => location.href).catch(() => page.url());

/** Finds the tab whose address starts with `prefix` (a page the extension opened), once loaded. */
export async function tabAt(browser: Browser, prefix: string): Promise<Page> {
  const found = await until(async () => {
    for (const page of await browser.pages()) {
      if (!(await hrefOf(page)).startsWith(prefix)) continue;
      const ready = await page
        .evaluate(
          () =>
            document.readyState === 'complete' &&
            !!document.querySelector('main, form, nav, section'),
        )
        .catch(() => false);
      if (ready) return page;
    }
    return undefined;
  }, `a tab at ${prefix}`);
  return found as Page;
}
