import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageType, RequestOf } from '../../utils/messaging';
import { askOk } from './messages';
import { DT_ARTICLE, useExtension, waitForHighlights } from './support';

const env = useExtension({ locale: 'en-US' });
const bundled = JSON.parse(readFileSync('public/packs/core.json', 'utf8'));

/** Asks the background from an extension page, as the manager does. */
async function ask<T extends MessageType>(type: T, payload: RequestOf<T>) {
  const page = await env.context.newPage();
  await page.goto(env.extensionUrl('popup.html'));
  try {
    return await askOk(page, type, payload);
  } finally {
    await page.close();
  }
}

describe('foundation, in the built extension', () => {
  it('has the bundled pack in the database after install, as the manager shows', async () => {
    const status = await ask('getStatus', {});
    expect(status.counts.companies).toBe(bundled.companies.length);
    expect(status.counts.alliances).toBe(bundled.alliances.length);
    expect(status.packs.map((p) => p.origin)).toEqual(['bundled']);

    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('options.html#packs'));
    await expect
      .poll(() => page.getByTestId('counts').textContent())
      .toContain(String(bundled.companies.length));
    await expect
      .poll(() => page.getByTestId('pack-list').textContent())
      .toContain(bundled.pack.title);
    await page.close();
  });

  it('shows every problem of a bad pack imported through the options page and changes nothing', async () => {
    const before = await ask('exportPack', { origin: 'bundled' });
    const statusBefore = await ask('getStatus', {});
    const bad = {
      format: 'alliance-lens-pack',
      version: 1,
      pack: { id: 'bad-pack', title: 'Bad', updated: '2026-11-01T00:00:00Z' },
      companies: [{ id: 'acme-ai', names: { en: 'Acme AI', ko: '애크미AI' }, aliases: [] }],
      alliances: [
        {
          id: 'acme-openia',
          kind: 'partnership',
          name: null,
          members: [{ company: 'acme-ai' }, { company: 'openia' }],
          since: '2024-13',
          until: null,
          status: 'active',
          sources: [{ url: 'javascript:alert(1)' }],
        },
      ],
    };
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('options.html#packs'));
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent()).toContain('nothing was imported');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('alliances[0].members[1]: unknown company "openia"');
    expect(text).toContain('alliances[0].since: not a date: "2024-13"');
    expect(text).toContain(
      'alliances[0].sources[0].url: not an http(s) link: "javascript:alert(1)"',
    );

    // Not JSON at all: says where it breaks.
    await page.getByTestId('import-file').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n"format": \n}'),
    });
    await expect.poll(() => result.textContent()).toMatch(/line 3, column \d+: not JSON/);
    await page.close();

    expect(await ask('exportPack', { origin: 'bundled' })).toEqual(before);
    expect((await ask('getStatus', {})).version).toBe(statusBefore.version);
  });

  it('imports a good pack through the options page and lists it', async () => {
    const good = {
      format: 'alliance-lens-pack',
      version: 1,
      pack: { id: 'newsroom', title: 'Newsroom pack', updated: '2026-11-20T00:00:00Z' },
      companies: [
        {
          id: 'acme-ai',
          names: { en: 'Acme AI', ko: '애크미AI' },
          aliases: ['Acme AI', '애크미AI'],
        },
      ],
      alliances: [
        {
          id: 'acme-openai',
          kind: 'partnership',
          name: null,
          members: [{ company: 'acme-ai' }, { company: 'openai' }],
          since: '2026-11',
          until: null,
          status: 'announced',
          sources: [{ url: 'https://example.com/acme' }],
        },
      ],
    };
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('options.html#packs'));
    await page.getByTestId('import-file').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    // A preview first: what the pack would add, then apply.
    await expect
      .poll(() => page.getByTestId('import-preview').textContent())
      .toContain('2 new records');
    await page.getByTestId('import-apply').click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toContain('Newsroom pack');
    await expect.poll(() => page.getByTestId('pack-list').textContent()).toContain('Newsroom pack');
    await page.close();
    const exported = await ask('exportPack', {
      origin: 'newsroom',
    });
    expect(exported.companies).toEqual(good.companies);
    expect(exported.alliances).toEqual(good.alliances);
  });

  it('runs the content script on the demo article at its news hostname', async () => {
    const page = await env.context.newPage();
    await page.goto(DT_ARTICLE);
    expect(new URL(page.url()).hostname).toBe('www.dt.co.kr');
    const texts = await waitForHighlights(page, 10);
    expect(texts).toContain('오픈AI');
    await page.close();
  });
});
