// Trust, across the browser: what the reader deletes stays deleted, an
// unsubscribe sticks, what comes back from sync storage is validated, content
// scripts cannot write sync storage, and settings have one writer.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageType, RequestOf } from '../../utils/messaging';
import { ask, askOk } from './messages';
import { DT_ARTICLE, useExtension, waitForHighlights } from './support';

const PACK_URL = 'http://packs.dt.co.kr/trust.json';
const pack = JSON.stringify({
  format: 'alliance-lens-pack',
  version: 1,
  pack: { id: 'trust-pack', title: 'Trust pack', updated: '2026-11-20T00:00:00Z' },
  companies: [{ id: 'trust-co', names: { en: 'Trustco', ko: '트러스트코' }, aliases: ['Trustco'] }],
  alliances: [],
});

const env = useExtension({
  locale: 'en-US',
  routes: {
    'packs.dt.co.kr/trust.json': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(pack),
  },
});

let manager: Page;

type Chrome = typeof import('webextension-polyfill');

const call = <T extends MessageType>(type: T, payload: RequestOf<T>) =>
  askOk(manager, type, payload);

const syncItems = () =>
  manager.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get(null),
  ) as Promise<Record<string, string>>;
const syncText = async () =>
  Object.entries(await syncItems())
    .filter(([k]) => k.startsWith('al:') && k !== 'al:meta')
    .sort(([a], [b]) => Number(a.slice(3)) - Number(b.slice(3)))
    .map(([, v]) => v)
    .join('');
/** Another browser writing its (older) snapshot into the shared sync storage. */
const writeSync = (items: Record<string, string>) =>
  manager.evaluate(async (i) => {
    const sync = (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync;
    await sync.clear();
    await sync.set(i);
  }, items);
const mine = async () =>
  (await call('exportView', { scope: { kind: 'mine' } })).alliances.map((a) => a.id);
const subscribed = async () => (await call('getStatus', {})).packs.map((p) => p.origin);
const settings = () =>
  manager.evaluate(async () => {
    const got = await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(
      'settings',
    );
    return got.settings as { hoverDelayMs?: number; disabledHosts?: string[] } | undefined;
  });

const myAlliance = (id: string) => ({
  id,
  kind: 'partnership',
  name: null,
  members: [{ company: 'naver' }, { company: 'intel' }],
  since: '2026-11',
  until: null,
  status: 'active',
  sources: [{ url: 'https://example.com/trust' }],
});

beforeAll(async () => {
  manager = await env.context.newPage();
  await manager.goto(env.extensionUrl('options.html#settings'));
  await call('allowHttpPackHost', { hostname: 'packs.dt.co.kr' });
});

describe('deletion and subscriptions across browsers', () => {
  it('a subscription reaches sync storage at once, and an unsubscribe sticks against an older snapshot', async () => {
    await call('subscribe', { url: PACK_URL });
    // Pushed at once (not after the 2 s quiet period of record edits).
    await expect.poll(syncText, { timeout: 1500 }).toContain(PACK_URL);
    const older = await syncItems();
    await call('removePack', { origin: 'trust-pack' });
    // The other browser, not yet aware, writes back its snapshot listing the pack.
    await writeSync(older);
    await expect.poll(syncText, { timeout: 10_000 }).toContain('"subscribed":false');
    expect(await subscribed()).not.toContain('trust-pack');
  });

  it('"Delete all my data" deletes the database, sync storage and settings, says what, and stays deleted', async () => {
    await call('saveAlliance', { alliance: myAlliance('trust-mine') });
    await call('subscribe', { url: PACK_URL });
    await call('updateSettings', { patch: { hoverDelayMs: 900 } });
    await expect.poll(syncText, { timeout: 10_000 }).toContain('trust-mine');
    await expect.poll(syncText, { timeout: 10_000 }).toContain('"hoverDelayMs":900');
    const before = await syncItems();

    await manager.goto(env.extensionUrl('options.html#settings'));
    await manager.getByTestId('delete-all').click();
    await manager.getByTestId('delete-all-confirm').click();
    const message = manager.getByTestId('settings-message');
    await expect
      .poll(() => message.textContent())
      .toMatch(/Deleted everywhere: 1 of your records, 1 packs \(1 subscriptions\)/);
    expect(await mine()).toEqual([]);
    expect(await subscribed()).toEqual(['bundled']);
    expect((await settings())?.hoverDelayMs).toBeUndefined();
    const after = await syncText();
    expect(after).not.toContain('trust-mine');
    expect(after).toContain('clearedAt');

    // Another browser that has not synced yet writes its old snapshot back, twice.
    for (let round = 0; round < 2; round++) {
      await writeSync(before);
      await expect.poll(syncText, { timeout: 10_000 }).toContain('clearedAt');
      expect(await mine()).toEqual([]);
      expect(await subscribed()).toEqual(['bundled']);
      expect((await settings())?.hoverDelayMs).toBeUndefined();
    }
  });
});

describe('what comes back from sync storage is validated', () => {
  it('skips a record without names with a visible note, keeps the good one, and highlighting still works', async () => {
    // Dated now: anything before the delete-all above is rightly ignored.
    const now = new Date().toISOString();
    const snapshot = {
      v: 2,
      records: [
        {
          key: 'company:broken-co',
          updated: now,
          record: { id: 'broken-co' },
        },
        {
          key: 'alliance:synced-good',
          updated: now,
          record: myAlliance('synced-good'),
        },
        {
          key: 'alliance:wrong-key',
          updated: now,
          record: myAlliance('other-id'),
        },
      ],
      subscriptions: [{ url: 'javascript:alert(1)', updated: now, subscribed: true }],
    };
    const json = JSON.stringify(snapshot);
    await writeSync({ 'al:0': json, 'al:meta': JSON.stringify({ chunks: 1 }) });
    await expect.poll(mine, { timeout: 10_000 }).toContain('synced-good');
    expect(await mine()).not.toContain('other-id');
    await manager.goto(env.extensionUrl('options.html#settings'));
    await expect
      .poll(() => manager.getByTestId('sync-storage-status').textContent())
      .toMatch(/left out.*company:broken-co: names: missing/);
    const article = await env.context.newPage();
    await article.goto(DT_ARTICLE);
    expect((await waitForHighlights(article)).length).toBeGreaterThan(0);
    await article.close();
  });

  it('content scripts cannot read or write sync storage', async () => {
    const article = await env.context.newPage();
    const cdp = await env.context.newCDPSession(article);
    const contexts: { id: number; origin: string; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await article.goto(DT_ARTICLE);
    await waitForHighlights(article);
    const world = contexts.find((c) => c.origin.startsWith('chrome-extension://'));
    expect(world).toBeDefined();
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: world?.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.storage.sync.set({ 'al:meta': '{"chunks":0}' }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    })) as { result: { value: string } };
    expect(result.value).toMatch(/^refused/);
    await article.close();
  });
});

describe('settings have one writer', () => {
  it('a site turned off from the popup stays off when the manager, open meanwhile, changes another setting', async () => {
    await manager.goto(env.extensionUrl('options.html#settings'));
    const popup = await env.context.newPage();
    await popup.goto(env.extensionUrl('popup.html'));
    // What the popup's site switch sends.
    await ask(popup, 'setSiteEnabled', { hostname: 'www.dt.co.kr', enabled: false });
    await expect.poll(async () => (await settings())?.disabledHosts).toContain('www.dt.co.kr');
    // The manager, opened before, changes the hover delay through its own control.
    await manager.locator('input[name="hoverDelayMs"]').evaluate((el) => {
      (el as HTMLInputElement).value = '600';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(async () => (await settings())?.hoverDelayMs).toBe(600);
    expect((await settings())?.disabledHosts).toContain('www.dt.co.kr');
    await popup.close();
  });
});
