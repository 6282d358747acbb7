// Data the reader did not write: a hostile pack rendered as inert text, and a
// pack imported while an article is open, read at once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hover, openArticle as openArticleIn } from './article-page';
import { ask, waitForPublishedDictionary } from './messages';
import { DT_ARTICLE, highlightTexts, inCard, useExtension, waitForHighlights } from './support';

const HOSTILE_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>t</title></head>
<body><article><p>해커AI는 오픈AI와 손잡았다고 밝혔다.</p></article></body></html>`;

const env = useExtension({
  routes: {
    'www.dt.co.kr/hostile.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE);
    },
  },
});

const openArticle = (url = DT_ARTICLE, waitUntil: 'load' | 'commit' = 'load'): Promise<Page> =>
  openArticleIn(env, url, waitUntil);

describe('hostile data', () => {
  it('renders a hostile pack’s names and summaries as inert text', async () => {
    const pack = {
      format: 'alliance-lens-pack',
      version: 1,
      pack: { id: 'hostile', title: 'Hostile', updated: '2026-11-01T00:00:00Z' },
      companies: [
        {
          id: 'hacker-ai',
          names: { en: '<img src=x onerror="window.__pwned=1">', ko: '해커AI' },
          aliases: ['해커AI'],
        },
      ],
      alliances: [
        {
          id: 'hacker-openai',
          kind: 'partnership',
          name: null,
          members: [{ company: 'hacker-ai' }, { company: 'openai' }],
          since: '2026-01',
          until: null,
          status: 'active',
          summary: { ko: '<script>window.__pwned=2</script><b>굵게</b>', en: 'x' },
          sources: [
            {
              url: 'https://example.com/"><script>window.__pwned=3</script>',
              title: '<a href="javascript:alert(1)">x</a>',
            },
          ],
        },
      ],
    };
    const manager = await env.context.newPage();
    await manager.goto(env.extensionUrl('popup.html'));
    const reply = await ask(manager, 'importPack', { text: JSON.stringify(pack) });
    expect(reply.ok).toBe(true);
    await waitForPublishedDictionary(manager);
    await manager.close();

    const page = await openArticle('http://www.dt.co.kr/hostile.html');
    await waitForHighlights(page, 2);
    const card = await hover(page, '해커AI');
    expect(card?.text).toContain('<b>굵게</b>');
    expect(card?.text).toContain('<img src=x onerror="window.__pwned=1">');
    const active = await inCard(
      page,
      `(root) => ({ elements: root.querySelectorAll('.card img, .card script, .card b').length,
         links: [...root.querySelectorAll('.card a')].map((a) => a.protocol) })`,
    );
    expect(active).toEqual({ elements: 0, links: ['https:'] });
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.close();
  });
});

describe('live dataset changes', () => {
  it('highlights a company imported while the article is open, without a reload', async () => {
    const page = await openArticle();
    const before = await waitForHighlights(page, 50);
    expect(before).not.toContain('하늘AI');
    const manager = await env.context.newPage();
    await manager.goto(env.extensionUrl('popup.html'));
    const pack = {
      format: 'alliance-lens-pack',
      version: 1,
      pack: { id: 'live', title: 'Live', updated: '2026-11-29T00:00:00Z' },
      companies: [
        { id: 'haneul-ai', names: { en: 'Haneul AI', ko: '하늘AI' }, aliases: ['하늘AI'] },
      ],
      alliances: [],
    };
    const reply = await ask(manager, 'importPack', { text: JSON.stringify(pack) });
    expect(reply.ok).toBe(true);
    await manager.close();
    await expect
      .poll(async () => (await highlightTexts(page)).filter((t) => t === '하늘AI').length)
      .toBe(2);
    await page.close();
  });
});
