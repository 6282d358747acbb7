import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageType, RequestOf } from '../../utils/messaging';
import { askOk } from './messages';
import { useExtension } from './support';

/** What the pack server does next; each test sets it. */
let mode = 'ok';
const requests: { ifNoneMatch?: string; ifModifiedSince?: string; mode: string }[] = [];
let bodyAborted = false;

function packText(version: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'alliance-lens-pack',
    version: 1,
    pack: {
      id: 'newsroom',
      title: 'Newsroom pack',
      publisher: 'Test newsroom',
      updated: `2026-11-2${version}T00:00:00Z`,
    },
    companies: [{ id: 'haneul-ai', names: { en: 'Haneul AI', ko: '하늘AI' }, aliases: ['하늘AI'] }],
    alliances: [
      {
        id: 'haneul-openai',
        kind: 'partnership',
        name: null,
        members: [{ company: 'haneul-ai' }, { company: 'openai' }],
        since: '2026-11',
        until: null,
        status: 'announced',
        sources: [{ url: 'https://example.com/haneul' }],
      },
    ],
    ...extra,
  });
}

function serve(req: IncomingMessage, res: ServerResponse) {
  requests.push({
    ifNoneMatch: req.headers['if-none-match'] as string,
    ifModifiedSince: req.headers['if-modified-since'] as string,
    mode,
  });
  const json = { 'content-type': 'application/json' };
  switch (mode) {
    case 'ok':
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { ...json, etag: '"v1"' }).end(packText(1));
    case 'last-modified':
      if (req.headers['if-modified-since'] === 'Sat, 28 Nov 2026 10:00:00 GMT')
        return res.writeHead(304).end();
      return res
        .writeHead(200, { ...json, 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' })
        .end(packText(2));
    case 'gzip':
      return res
        .writeHead(200, { ...json, 'content-encoding': 'gzip', etag: '"v3"' })
        .end(gzipSync(packText(3)));
    case '404':
      return res.writeHead(404).end('no');
    case '500':
      return res.writeHead(500).end('boom');
    case 'truncated':
      res.writeHead(200, { ...json, 'content-length': '5000' });
      res.write(packText(4).slice(0, 100));
      return setTimeout(() => res.destroy(), 50);
    case 'not-json':
      return res.writeHead(200, json).end('{\n"format": "alliance-lens-pack",\noops\n}');
    case 'invalid':
      return res.writeHead(200, json).end(packText(5).replace('"2026-11"', '"2026-13"'));
    case 'newer':
      return res
        .writeHead(200, json)
        .end(JSON.stringify({ ...JSON.parse(packText(6)), version: 2 }));
    case 'huge': {
      res.writeHead(200, json);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        if (sent < 50) bodyAborted = true;
      });
      return pump();
    }
    case 'loop':
      return res.writeHead(302, { location: 'http://packs.dt.co.kr/pack.json' }).end();
    case 'other-host':
      return res.writeHead(302, { location: 'http://mirror.dt.co.kr/pack.json' }).end();
    case 'hang':
      return; // never answers
  }
}

const env = useExtension({
  locale: 'en-US',
  routes: {
    'packs.dt.co.kr/pack.json': serve,
    'mirror.dt.co.kr/pack.json': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(packText(9)),
  },
});

let manager: Page;

const call = <T extends MessageType>(type: T, payload: RequestOf<T>) =>
  askOk(manager, type, payload);

const syncNow = async () => (await call('syncNow', { origin: 'newsroom' }))[0]!;
const exported = () => call('exportPack', { origin: 'newsroom' }).then((p) => JSON.stringify(p));

describe('subscriptions', () => {
  beforeAll(async () => {
    manager = await env.context.newPage();
    manager.on('dialog', (d) => void d.accept()); // confirms the plain-http host
    await manager.goto(env.extensionUrl('options.html#packs'));
  });

  it('subscribes by URL from the manager and lists the pack with its sync state', async () => {
    mode = 'ok';
    await manager.getByTestId('subscribe-url').fill('http://packs.dt.co.kr/pack.json');
    await manager.getByTestId('subscribe').click();
    await expect
      .poll(() => manager.getByTestId('pack-list').textContent())
      .toContain('Newsroom pack');
    expect(
      await manager.locator('[data-origin="newsroom"] [data-testid="sync-state"]').textContent(),
    ).toContain('http://packs.dt.co.kr/pack.json');
  });

  it('sends If-None-Match, and a 304 changes nothing', async () => {
    const before = await exported();
    requests.length = 0;
    const state = await syncNow();
    expect(requests[0]!.ifNoneMatch).toBe('"v1"');
    expect(state.sync?.lastError).toBeUndefined();
    expect(await exported()).toBe(before);
  });

  it('sends If-Modified-Since after a Last-Modified answer', async () => {
    mode = 'last-modified';
    await syncNow();
    requests.length = 0;
    const state = await syncNow();
    expect(requests[0]!.ifModifiedSince).toBe('Sat, 28 Nov 2026 10:00:00 GMT');
    expect(state.sync?.lastError).toBeUndefined();
  });

  it('accepts a gzip-encoded pack', async () => {
    mode = 'gzip';
    const state = await syncNow();
    expect(state.sync?.lastError).toBeUndefined();
    expect(state.sync?.etag).toBe('"v3"');
  });

  it.each([
    ['404', 'the server answered 404'],
    ['500', 'the server answered 500'],
    ['truncated', ''],
    ['not-json', 'line 3, column 1: not JSON'],
    ['invalid', 'alliances[0].since: not a date: "2026-13"'],
    ['newer', 'made for a newer Alliance Lens'],
    ['huge', 'larger than 20 MB'],
    ['loop', 'redirect'],
    ['other-host', 'mirror.dt.co.kr'],
  ])('keeps the previous version on %s and says why', async (m, words) => {
    const before = await exported();
    mode = m;
    const state = await syncNow();
    expect(state.sync?.lastError).toBeTruthy();
    expect(state.sync?.lastError).toContain(words);
    expect(await exported()).toBe(before);
    if (m === 'huge') expect(bodyAborted).toBe(true);
  });

  it('gives up on a server that hangs past the 20 s timeout', async () => {
    const before = await exported();
    mode = 'hang';
    const state = await syncNow();
    expect(state.sync?.lastError).toBe('the server did not answer within 20 seconds');
    expect(await exported()).toBe(before);
  }, 40_000);

  it('shows the last error in the manager, and recovers on the next good answer', async () => {
    await manager.reload();
    await expect
      .poll(() =>
        manager.locator('[data-origin="newsroom"] [data-testid="sync-error"]').textContent(),
      )
      .toContain('did not answer');
    mode = 'ok';
    await manager.locator('[data-origin="newsroom"] [data-testid="sync-one"]').click();
    await expect
      .poll(() => manager.locator('[data-origin="newsroom"] [data-testid="sync-error"]').count())
      .toBe(0);
  });

  it('removing the pack removes its records but not the user’s', async () => {
    await call('saveAlliance', {
      alliance: {
        id: 'my-haneul-naver',
        kind: 'partnership',
        name: null,
        members: [{ company: 'haneul-ai' }, { company: 'naver' }],
        since: '2026-11',
        until: null,
        status: 'announced',
        sources: [{ url: 'https://example.com/mine' }],
      },
    });
    await call('removePack', { origin: 'newsroom' });
    const mine = await call('exportView', {
      scope: { kind: 'mine' },
    });
    expect(mine.alliances.map((a) => a.id)).toEqual(['my-haneul-naver']);
  });
});

describe('the user’s records in the browser’s sync storage', () => {
  it('writes the user’s own records to storage.sync after an edit', async () => {
    await call('saveAlliance', {
      alliance: {
        id: 'my-synced-one',
        kind: 'supply',
        name: null,
        members: [{ company: 'naver' }, { company: 'intel' }],
        since: '2026-11',
        until: null,
        status: 'announced',
        sources: [{ url: 'https://example.com/synced' }],
      },
    });
    const synced = () =>
      env.worker.evaluate(async () => {
        const items = await (
          globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
        ).chrome.storage.sync.get(null);
        return Object.entries(items)
          .filter(([k]) => k.startsWith('al:') && k !== 'al:meta')
          .sort(([a], [b]) => Number(a.slice(3)) - Number(b.slice(3)))
          .map(([, v]) => v)
          .join('');
      });

    await expect.poll(synced, { timeout: 10_000 }).toContain('my-synced-one');
  });
});
