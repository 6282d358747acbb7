// The Firefox build in Firefox ESR: highlights on a news page, a card on
// hover and by keyboard (the real shortcut, through xdotool), the manager and
// the popup, a pack import through the manager's file picker, and a clip.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { RealInput, realInputProblem } from '../e2e/real-input';
import {
  focusedMention,
  hrefOf,
  settledHighlights,
  sleep,
  tabAt,
  until,
  useFirefox,
} from './support';

const ARTICLE = 'www.dt.co.kr/contents.html?article_no=2024072102109931081001';

const CLIP_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>바다AI, 네이버와 손잡다 - 데모신문</title>
<meta property="og:site_name" content="데모신문">
<meta property="article:published_time" content="2025-10-02T09:00:00+09:00">
<style>body { font: 20px/1.8 sans-serif; margin: 40px; max-width: 900px }</style>
</head><body><article>
<h1>바다AI, 네이버와 손잡다</h1>
<p id="deal">인천의 스타트업 바다AI는 네이버와 손잡고 항만 물류용 AI를 함께 만든다고 밝혔다.</p>
<p>파도랩스는 이 소식에 대해 말을 아꼈다.</p>
</article></body></html>`;

const env = useFirefox({
  routes: {
    'www.dt.co.kr/firefox-clip.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CLIP_PAGE),
  },
});

beforeAll(() => {
  const problem = realInputProblem();
  if (problem) throw new Error(`the Firefox tests cannot run: ${problem}`);
});

async function openArticle(path = ARTICLE, min = 50): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(env.url(path));
  await settledHighlights(page, min);
  return page;
}

/** Viewport centre of the first highlighted range whose text is `text`. */
const mentionPoint = (page: Page, text: string) =>
  page.evaluate((t) => {
    const r = [...(CSS.highlights.get('alliance-lens') as unknown as Set<Range>)].find(
      (x) => x.toString() === t,
    );
    if (!r) return null;
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom } : null;
  }, text);

/** Reading mode, on to the first company (the article opens with a named alliance), then M. */
async function openManagerByKeyboard(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const input = await RealInput.attach(page);
  input.key('alt+shift+l');
  await until(async () => (await focusedMention(page)) === 'AI 얼라이언스', 'reading mode');
  input.key('Right');
  await until(async () => (await focusedMention(page)) !== 'AI 얼라이언스', 'a company');
  input.key('m');
}

const ourUiHasFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.tagName === 'ALLIANCE-LENS-UI');

describe('Firefox ESR', () => {
  it('highlights the companies of a news article', async () => {
    const page = await openArticle();
    const texts = await settledHighlights(page, 50);
    expect(texts).toContain('메타');
    expect(texts).toContain('리벨리온');
    await page.close();
  });

  it('opens a card on hover', async () => {
    const page = await openArticle();
    const at = await mentionPoint(page, '리벨리온');
    if (!at) throw new Error('no 리벨리온 on the page');
    await page.mouse.move(Math.max(1, at.x - 40), at.y + 30);
    await page.mouse.move(at.x, at.y, { steps: 6 });
    expect(await until(() => focusedMention(page), 'a card')).toBe('리벨리온');
    // The card is drawn right under (or over) the name, in our closed shadow root.
    const hit = await page.evaluate(
      (p) =>
        [p.bottom + 24, p.y - 40].map((y) => document.elementFromPoint(p.x, y)?.tagName ?? null),
      at,
    );
    expect(hit).toContain('ALLIANCE-LENS-UI');
    await page.close();
  });

  it('reads by keyboard with the real shortcut, and M opens the company in the manager', async () => {
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    const input = await RealInput.attach(page);
    input.key('alt+shift+l');
    const first = await until(() => focusedMention(page), 'reading mode');
    expect(await ourUiHasFocus(page)).toBe(true);
    input.key('Right');
    const second = await until(
      async () => ((await focusedMention(page)) !== first ? focusedMention(page) : null),
      'the next mention',
    );
    expect(second).not.toBe(first);
    input.key('m');
    const manager = await tabAt(env.browser, env.extensionUrl('options.html'));
    expect(await hrefOf(manager)).toContain('#company=');
    await until(
      () => manager.evaluate(() => !!document.querySelector('[data-testid="company-editor"]')),
      'the company editor',
    );
    await manager.close();
    await page.close();
  });

  it('imports a pack through the manager, and the article highlights its company at once', async () => {
    const page = await openArticle();
    await openManagerByKeyboard(page);
    const manager = await tabAt(env.browser, env.extensionUrl('options.html'));
    await manager.evaluate(() => {
      location.hash = '#packs';
    });
    const pack = {
      format: 'alliance-lens-pack',
      version: 1,
      pack: { id: 'firefox-test', title: 'Firefox test pack', updated: '2026-12-01' },
      companies: [
        { id: 'pado-labs', names: { en: 'Pado Labs', ko: '파도랩스' }, aliases: ['파도랩스'] },
      ],
      alliances: [],
    };
    const file = join(tmpdir(), `firefox-pack-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(pack));
    await until(
      () => manager.evaluate(() => !!document.querySelector('[data-testid="import-file"]')),
      'the import file picker',
    );
    const picker = await manager.$('[data-testid="import-file"]');
    await (picker as unknown as { uploadFile: (f: string) => Promise<void> }).uploadFile(file);
    await until(
      () => manager.evaluate(() => !!document.querySelector('[data-testid="import-apply"]')),
      'the preview',
    );
    const apply = await until(() => manager.$('[data-testid="import-apply"]'), 'the preview');
    await apply?.click();
    await until(
      () =>
        manager.evaluate(
          () => document.querySelector('[data-testid="import-result"]')?.textContent ?? '',
        ),
      'the import result',
    );
    await manager.close();
    const clipPage = await openArticle('www.dt.co.kr/firefox-clip.html', 1);
    expect(
      await until(async () => (await settledHighlights(clipPage)).includes('파도랩스'), '파도랩스'),
    ).toBe(true);
    await clipPage.close();
    await page.close();
  });

  it('opens the popup page, and its search finds a company', async () => {
    const page = await openArticle();
    await openManagerByKeyboard(page);
    const manager = await tabAt(env.browser, env.extensionUrl('options.html'));
    // From an extension page to another of ours (WebDriver may not navigate to moz-extension:).
    await manager.evaluate(() => location.assign('popup.html'));
    await until(async () => (await hrefOf(manager)).endsWith('popup.html'), 'the popup page');
    const search = await until(() => manager.$('[data-testid="popup-search"]'), 'the search box');
    await search?.type('openai');
    const results = await until(
      () =>
        manager.evaluate(
          () => document.querySelector('[data-testid="search-results"]')?.textContent ?? '',
        ),
      'search results',
    );
    expect(results).toMatch(/OpenAI|오픈AI/);
    await manager.close();
    await page.close();
  });

  it('clips an alliance with the real shortcut and Enter', async () => {
    const page = await openArticle('www.dt.co.kr/firefox-clip.html', 1);
    await page.evaluate(() => {
      const p = document.getElementById('deal')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(p, 0);
      range.setEnd(p, p.data.indexOf('손잡고') + 3);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const input = await RealInput.attach(page);
    input.key('alt+shift+k');
    await until(() => ourUiHasFocus(page), 'the clip form');
    await sleep(300);
    input.key('Return');
    expect(
      await until(async () => (await settledHighlights(page)).includes('바다AI'), '바다AI'),
    ).toBe(true);
    await page.close();
  });
});
