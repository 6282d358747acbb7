// The release channel end to end: the manager's catalog subscribes with one click to the
// official pack at its jsDelivr address, answered here by a local static https server at
// cdn.jsdelivr.net that behaves like the CDN (ETag, Last-Modified, 304 on a match, CORS on GET
// but a preflight answer without Access-Control-Allow-Headers). The manifest grants the
// catalog's host, so no permission prompt and no preflight are needed.
// Then the pack is updated on the server, "Sync now" brings the update, and an unchanged
// re-check costs a 304.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_PACK_URL } from '../../utils/pack/catalog';
import { askOk } from './messages';
import { useExtension } from './support';

/** The pack the server publishes now, with its validators. */
let published = { text: '', etag: '', lastModified: '' };
const log: { ifNoneMatch?: string; status: number }[] = [];
let preflights = 0;

function publish(text: string, lastModified: string) {
  const etag = `W/"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
  published = { text, etag, lastModified };
}

function serveCdn(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'OPTIONS') {
    preflights++;
    return res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  }
  const ifNoneMatch = req.headers['if-none-match'];
  const headers = {
    etag: published.etag,
    'last-modified': published.lastModified,
    'access-control-allow-origin': '*',
    'cache-control': 'public, max-age=604800',
  };
  if (ifNoneMatch === published.etag) {
    log.push({ ifNoneMatch, status: 304 });
    return res.writeHead(304, headers).end();
  }
  log.push({ ifNoneMatch, status: 200 });
  res
    .writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(published.text);
}

const cdnRoute = new URL(OFFICIAL_PACK_URL);
const env = useExtension({
  locale: 'en-US',
  httpsRoutes: { [`${cdnRoute.hostname}${cdnRoute.pathname}`]: serveCdn },
});

const core = JSON.parse(readFileSync('public/packs/core.json', 'utf8'));

/** The next release of the pack: one company and one alliance more. */
function nextRelease() {
  const next = structuredClone(core);
  next.pack.updated = '2026-12-01T00:00:00Z';
  next.companies.push({
    id: 'haneul-ai',
    names: { en: 'Haneul AI', ko: '하늘AI' },
    aliases: ['하늘AI', 'Haneul AI'],
  });
  next.alliances.push({
    id: 'haneul-ai-openai-2026',
    kind: 'partnership',
    name: null,
    members: [{ company: 'haneul-ai' }, { company: 'openai' }],
    since: '2026-11',
    until: null,
    status: 'announced',
    sources: [{ url: 'https://example.com/haneul-openai' }],
  });
  return JSON.stringify(next);
}

let manager: Page;
const coreRow = () => manager.locator('[data-origin="core"]');
const catalogButton = () =>
  manager.locator('[data-catalog-id="core"] [data-testid="catalog-subscribe"]');
/** What the subscribed pack holds now, as the extension exports it. */
const counts = async () => {
  const pack = await askOk(manager, 'exportPack', { origin: 'core' });
  return { companies: pack.companies.length, alliances: pack.alliances.length };
};

describe('the catalog of suggested packs', () => {
  beforeAll(async () => {
    publish(JSON.stringify(core), 'Sun, 29 Nov 2026 00:00:00 GMT');
    manager = await env.context.newPage();
    await manager.goto(env.extensionUrl('options.html#packs'));
  });

  it('lists the official pack first, with its license and address', async () => {
    const first = manager.locator('[data-testid="pack-catalog"] li').first();
    expect(await first.getAttribute('data-catalog-id')).toBe('core');
    expect(await first.textContent()).toContain('Official');
    expect(await first.getByTestId('catalog-license').textContent()).toBe('License: CC-BY-4.0');
    expect(await first.textContent()).toContain(OFFICIAL_PACK_URL);
  });

  it('subscribes with one click over https, and the pack shows its license', async () => {
    await catalogButton().click();
    await expect.poll(() => coreRow().count(), { timeout: 30_000 }).toBe(1);
    expect(log).toEqual([{ ifNoneMatch: undefined, status: 200 }]);
    expect(await coreRow().getByTestId('sync-state').textContent()).toContain(OFFICIAL_PACK_URL);
    expect(await coreRow().getByTestId('pack-license').textContent()).toBe('License: CC-BY-4.0');
    expect(await catalogButton().textContent()).toBe('Subscribed');
    expect(await catalogButton().isDisabled()).toBe(true);
    expect(await counts()).toEqual({
      companies: core.companies.length,
      alliances: core.alliances.length,
    });
  });

  it('an unchanged pack is re-checked with If-None-Match and costs a 304', async () => {
    log.length = 0;
    await coreRow().getByTestId('sync-one').click();
    await expect.poll(() => log.length).toBe(1);
    expect(log[0]).toEqual({ ifNoneMatch: published.etag, status: 304 });
    expect(preflights).toBe(0);
    await expect.poll(() => coreRow().getByTestId('sync-error').count()).toBe(0);
    expect((await counts()).companies).toBe(core.companies.length);
  });

  it('"Sync now" brings the next release, then re-checks it with its new ETag', async () => {
    const before = published.etag;
    publish(nextRelease(), 'Tue, 01 Dec 2026 00:00:00 GMT');
    log.length = 0;
    await coreRow().getByTestId('sync-one').click();
    await expect
      .poll(() => coreRow().textContent(), { timeout: 30_000 })
      .toContain(`${core.alliances.length + 1} alliances`);
    expect(log).toEqual([{ ifNoneMatch: before, status: 200 }]);
    const pack = await askOk(manager, 'exportPack', { origin: 'core' });
    expect(pack.alliances.map((a) => a.id)).toContain('haneul-ai-openai-2026');
    expect(pack.pack.updated).toBe('2026-12-01T00:00:00Z');

    log.length = 0;
    await coreRow().getByTestId('sync-one').click();
    await expect.poll(() => log.length).toBe(1);
    expect(log[0]).toEqual({ ifNoneMatch: published.etag, status: 304 });
  });

  it('shows a pack file’s license in the import preview', async () => {
    const licensed = { ...JSON.parse(nextRelease()), pack: { ...core.pack, id: 'mirror' } };
    licensed.pack.license = 'CC0-1.0';
    await manager.getByTestId('import-file').setInputFiles({
      name: 'mirror.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(licensed)),
    });
    await expect
      .poll(() => manager.getByTestId('import-license').textContent(), { timeout: 30_000 })
      .toBe('License: CC0-1.0');
    await manager.getByTestId('import-cancel').click();
  });
});
