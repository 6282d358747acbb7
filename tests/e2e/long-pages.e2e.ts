// Long articles: only the ranges near the screen are registered, following
// the reader's scrolling, whether the article is made of paragraphs or is one
// block of <br>-separated lines (Digital Times and many Korean sites); and a
// body of lines is read while it loads.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bigArticleHtml, bigBrArticleHtml } from '../../scripts/lib/bench-pages.mjs';
import {
  bodyThenAndNow,
  fromBackground,
  hover,
  openArticle,
  readyStateAtHighlights,
  serve,
  slowly,
} from './article-page';
import { cardState, highlightTexts, useExtension, waitForHighlights } from './support';

/** A long article (~300,000 characters, thousands of mentions). */
const LONG_PAGE = bigArticleHtml(300_000);

/** The same long article in Digital Times' shape: one div of text lines separated by <br>. */
const LONG_BR_PAGE = bigBrArticleHtml(300_000);

/** An article body of <br>-separated lines, arriving slowly: read line by line while it loads. */
const SLOW_BR_PARTS = [
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>slow</title></head><body>
<div class="article_view" itemprop="articleBody">오픈AI와 MS가 손잡았다.<br><br>
삼성전자는 구글과 협력한다.<br><br>
`,
  `네이버는 <b>인텔</b>과 손잡았다.<br><br>
애플은 오라클과 협력한다.<br>
`,
  `마지막: 메타와 IBM.</div></body></html>`,
];

const env = useExtension({
  routes: {
    'www.dt.co.kr/long-generated.html': serve(LONG_PAGE),
    'www.dt.co.kr/long-br.html': serve(LONG_BR_PAGE),
    'www.dt.co.kr/slow-br.html': slowly(SLOW_BR_PARTS),
  },
});

/**
 * The registered ranges: how many, how many lie within a screen of the
 * viewport, and how many on it.
 */
const registered = (page: Page) =>
  page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('alliance-lens') as unknown as Set<Range>)];
    const h = innerHeight;
    const boxes = ranges.map((r) => r.getBoundingClientRect());
    return {
      size: ranges.length,
      near: boxes.filter((b) => b.bottom > -2 * h && b.top < 3 * h).length,
      onScreen: boxes.filter((b) => b.bottom > 0 && b.top < h).length,
      scrollY,
    };
  });

/** Every mention found on the page, as the popup hears of them. */
async function mentionsFound(page: Page): Promise<number> {
  const summary = (await fromBackground(env, page, { type: 'pageSummary' })) as {
    value: { companies: { count: number }[] };
  };
  return summary.value.companies.reduce((n, c) => n + c.count, 0);
}

describe('long articles', () => {
  it('on a long article registers only the mentions near the screen, following the scroll', async () => {
    const page = await openArticle(env, 'http://www.dt.co.kr/long-generated.html');
    await page.waitForFunction(() => performance.getEntriesByName('alliance-lens:complete').length);
    await waitForHighlights(page);
    const found = await mentionsFound(page);
    const top = await registered(page);
    expect(found).toBeGreaterThan(3000);
    expect(top.size).toBeGreaterThan(10);
    expect(top.size).toBeLessThan(found / 10);
    expect(top.near).toBe(top.size);

    // Scrolled to the end, the ranges there are registered and those at the top are not.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(async () => {
        const now = await registered(page);
        return now.scrollY > 10_000 && now.size > 10 && now.near === now.size;
      })
      .toBe(true);
    // A mention down there opens its card.
    await hover(page, '오픈AI');
    expect((await cardState(page))?.company).toBe('openai');
    const { before, after } = await bodyThenAndNow(page);
    expect(after).toBe(before);
    await page.close();
  });
  it('on a long article that is one block of <br> lines, registers only the ranges near the screen, following the scroll', async () => {
    const page = await openArticle(env, 'http://www.dt.co.kr/long-br.html');
    await page.waitForFunction(() => performance.getEntriesByName('alliance-lens:settled').length);
    await waitForHighlights(page);
    // The whole article is one element: windowing by block would register every range.
    expect(await page.evaluate(() => document.querySelectorAll('.article_view p').length)).toBe(0);
    const found = await mentionsFound(page);
    const top = await registered(page);
    expect(found).toBeGreaterThan(3000);
    expect(top.onScreen).toBeGreaterThan(10);
    expect(top.size).toBeLessThan(found / 10);
    expect(top.near).toBe(top.size);

    // Halfway down and at the end, what is on screen is highlighted, and only what is near it.
    for (const fraction of [0.5, 1]) {
      await page.evaluate((f) => window.scrollTo(0, f * document.body.scrollHeight), fraction);
      await expect
        .poll(async () => {
          const now = await registered(page);
          return now.scrollY > 10_000 && now.onScreen > 10 && now.near === now.size;
        })
        .toBe(true);
      expect((await registered(page)).size).toBeLessThan(found / 10);
    }
    await hover(page, '오픈AI');
    expect((await cardState(page))?.company).toBe('openai');
    const { before, after } = await bodyThenAndNow(page);
    expect(after).toBe(before);
    await page.close();
  });
  it('highlights a body of <br> lines while it loads, line by line, each name once', async () => {
    const page = await openArticle(env, 'http://www.dt.co.kr/slow-br.html', 'commit');
    expect(await readyStateAtHighlights(page, 4)).toBe('loading');
    await page.waitForLoadState('load');
    await expect
      .poll(() => highlightTexts(page), { timeout: 5000 })
      .toEqual([
        '오픈AI',
        'MS',
        '삼성전자',
        '구글',
        '네이버',
        '인텔',
        '애플',
        '오라클',
        '메타',
        'IBM',
      ]);
    const { before, after } = await bodyThenAndNow(page);
    expect(after).toBe(before);
    await page.close();
  });
});
