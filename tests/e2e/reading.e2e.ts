import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  bodyThenAndNow,
  fromBackground as fromBackgroundIn,
  hover,
  openArticle as openArticleIn,
  readyStateAtHighlights,
  slowly,
} from './article-page';
import {
  cardState,
  DT_ARTICLE,
  highlightTexts,
  inCard,
  mentionPoint,
  useExtension,
  waitForHighlights,
} from './support';

const SPA_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>spa</title></head><body>
<nav>메뉴: 삼성전자</nav>
<style>.gone { display: none }</style>
<article id="first"><p>첫 기사: 네이버는 인텔과 손잡았다.</p><p class="gone">숨은 문단: 카카오</p><div id="host"></div></article>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>그림자 속 문단: 엔비디아와 AMD</p>';
  window.navigateToNext = () => {
    history.pushState({}, '', '/spa/next');
    document.getElementById('first').remove();
    const next = document.createElement('article');
    next.innerHTML = '<p>두 번째 기사: 카카오와 오픈AI가 협력한다.</p>';
    document.body.append(next);
  };
</script></body></html>`;

/**
 * An article arriving in three parts, 600 ms apart, as over a slow network;
 * between the second and third a page script rewrites the first paragraph.
 */
const SLOW_PARTS = [
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>slow</title></head><body>
<nav>메뉴: 카카오</nav>
<article><h1>느린 기사</h1>
<p id="first">오픈AI와 MS가 손잡았다.</p>
<p id="second">삼성전자는 구글과 협력한다.</p>
<div id="host"><p>그림자 자리</p></div>
`,
  `<p>네이버는 인텔과 손잡았다.</p>
<script>
  document.getElementById('first').textContent = '엔비디아와 AMD도 손잡았다.';
  document.getElementById('second').append(' ASML도 함께한다.');
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>그림자 속: 앤트로픽</p>';
</script>
<p>애플은 오라클과 협력한다.</p>
`,
  `<p>마지막 문단: 메타와 IBM.</p></article>
</body></html>`,
];

/** Slowly arriving too, with text right inside the article: read whole at DOMContentLoaded. */
const SLOW_INLINE_PARTS = [
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>slow</title></head><body>
<article><p>삼성전자는 구글과 협력한다.</p>
<p>네이버는 인텔과 손잡았다.</p>
`,
  `<b>오픈</b>AI와 <a href="#">MS</a>는 본문에 바로 쓰였다.
<p>애플은 오라클과 협력한다.</p>
`,
  // 메타 is also a prefix (메타데이터): with IBM beside it, the paragraph shows the company.
  `<p>마지막: 메타와 IBM.</p></article></body></html>`,
];

const env = useExtension({
  hasTouch: true,
  routes: {
    'www.dt.co.kr/slow-inline.html': slowly(SLOW_INLINE_PARTS),
    'www.dt.co.kr/slow.html': slowly(SLOW_PARTS),
    'www.dt.co.kr/spa/first': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SPA_PAGE);
    },
  },
});

const openArticle = (url = DT_ARTICLE, waitUntil: 'load' | 'commit' = 'load') =>
  openArticleIn(env, url, waitUntil);
const fromBackground = (page: Page, message: unknown) => fromBackgroundIn(env, page, message);

describe('reading an article', () => {
  it('highlights exactly the article’s company names, and leaves the DOM untouched', async () => {
    const page = await openArticle();
    const texts = await waitForHighlights(page, 50);
    // The article body only: no navigation, ad, sidebar or comment mentions.
    expect(texts).toEqual([
      'AI 얼라이언스',
      '메타',
      'IBM',
      'AMD',
      '인텔',
      '소니',
      '허깅페이스',
      '오픈AI',
      '오픈AI',
      '마이크로소프트',
      'MS',
      'MS',
      '오픈AI',
      '오픈AI',
      'MS',
      '애플',
      '애플',
      '오픈AI',
      'MS',
      '오라클',
      '오픈AI',
      '오라클',
      '오픈AI',
      'MS',
      '오픈AI',
      '앤트로픽',
      '아마존',
      '구글',
      '아마존',
      '구글',
      '앤트로픽',
      'MS',
      '미스트랄AI',
      '미스트랄AI',
      'SK텔레콤',
      'SKT',
      '도이치텔레콤',
      '이앤',
      'e&',
      '싱텔',
      '소프트뱅크',
      '글로벌 텔코 AI 얼라이언스',
      'SKT',
      '앤트로픽',
      'SKT',
      'K-AI 얼라이언스',
      '삼성전자',
      '구글',
      '퀄컴',
      '오픈AI',
      '삼성전자',
      '네이버',
      '네이버',
      '인텔',
      '엔비디아',
      '네이버',
      '엔비디아',
      '네이버',
      '리벨리온',
      '사피온',
      '딥엑스',
      'LG유플러스',
      '업스테이지',
      'AWS',
    ]);
    // Names split across inline elements are one mention each.
    const split = await page.evaluate(() =>
      [...(CSS.highlights.get('alliance-lens') as unknown as Set<Range>)]
        .filter((r) => r.startContainer !== r.endContainer)
        .map((r) => r.toString()),
    );
    expect(split).toEqual(['오픈AI']);
    const unchanged = await page.evaluate(
      () =>
        (window as unknown as { __bodyBefore: string }).__bodyBefore === document.body.innerHTML,
    );
    expect(unchanged).toBe(true);
    // Our UI host sits on <html>, outside the body, and its shadow root is closed.
    expect(
      await page.evaluate(() => document.querySelector('alliance-lens-ui')?.shadowRoot ?? 'closed'),
    ).toBe('closed');
    await page.close();
  });

  it('opens the right card on hover, pivots to a partner, and closes on Escape', async () => {
    const page = await openArticle();
    await waitForHighlights(page, 50);
    const card = await hover(page, '오픈AI');
    expect(card?.company).toBe('openai');
    expect(card?.role).toBe('dialog');
    expect(card?.label).toBe('오픈AI');
    expect(card?.text).toContain('OpenAI');
    expect(card?.text).toContain('마이크로소프트');
    expect(card?.text).toContain('애플');
    expect(card?.text).toContain('스타게이트');

    const clicked = await inCard(
      page,
      `(root) => { const b = [...root.querySelectorAll('.partner')].find((x) => x.textContent.startsWith('애플')); b.click(); return true; }`,
    );
    expect(clicked).toBe(true);
    await expect.poll(async () => (await cardState(page))?.company).toBe('apple');

    await page.keyboard.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();
    await page.close();
  });

  it('ignores events the page forges', async () => {
    const page = await openArticle();
    await waitForHighlights(page, 50);
    const { x, y } = await mentionPoint(page, '삼성전자');
    await page.evaluate(
      ([px, py]) => {
        for (let i = 0; i < 5; i++)
          window.dispatchEvent(
            new PointerEvent('pointermove', { clientX: px, clientY: py, bubbles: true }),
          );
      },
      [x, y] as const,
    );
    await page.waitForTimeout(800);
    expect(await cardState(page)).toBeNull();
    await page.close();
  });

  it('opens a card on tap', async () => {
    const page = await openArticle();
    await waitForHighlights(page, 50);
    const { x, y } = await mentionPoint(page, '네이버');
    await page.touchscreen.tap(x, y);
    await expect.poll(async () => (await cardState(page))?.company).toBe('naver');
    // The card's alliances arrive from the background just after it opens.
    await expect.poll(async () => (await cardState(page))?.text).toContain('인텔');
    await page.close();
  });

  it('moves through mentions with the keyboard in reading mode', async () => {
    const page = await openArticle();
    await waitForHighlights(page, 50);
    await page.evaluate(() => window.scrollTo(0, 0));
    await fromBackground(page, { type: 'readingMode' });
    // The first mention is the named AI Alliance: its own card, with its members.
    await expect.poll(async () => (await cardState(page))?.alliance).toBe('ai-alliance');
    // Opened before its record arrived, the card fills in where it is.
    await expect.poll(async () => (await cardState(page))?.text).toContain('IBM');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await cardState(page))?.company).toBe('meta');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await cardState(page))?.company).toBe('ibm');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await cardState(page))?.company).toBe('meta');
    const focused = await highlightTexts(page, 'alliance-lens-focus');
    expect(focused).toEqual(['메타']);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();
    await page.close();
  });

  it('highlights content added after load, and drops removed content', async () => {
    const page = await openArticle();
    const before = (await waitForHighlights(page, 50)).length;
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '한편 업스테이지는 AWS와 협력을 넓혔다.';
      document.querySelector('.article_view')!.append(p);
    });
    await expect.poll(async () => (await highlightTexts(page)).length).toBe(before + 2);
    await page.evaluate(() => document.querySelector('.article_view p:last-of-type')!.remove());
    await expect.poll(async () => (await highlightTexts(page)).length).toBe(before);
    await page.close();
  });

  it('turning the site off removes every highlight at once, and on brings them back', async () => {
    const page = await openArticle();
    const count = (await waitForHighlights(page, 50)).length;
    await env.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.local.set({
        settings: { disabledHosts: ['dt.co.kr'] },
      }),
    );
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('alliance-lens'))).toBe(false);
    await env.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.local.set({
        settings: { disabledHosts: [] },
      }),
    );
    await expect.poll(async () => (await highlightTexts(page)).length).toBe(count);
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('reads open shadow roots, leaves text hidden by styles out, and follows SPA navigation', async () => {
    const page = await env.context.newPage();
    await page.goto('http://www.dt.co.kr/spa/first');
    await expect.poll(() => highlightTexts(page)).toEqual(['네이버', '인텔', '엔비디아', 'AMD']);
    const card = await hover(page, '엔비디아');
    expect(card?.company).toBe('nvidia');
    await page.evaluate(() =>
      (window as unknown as { navigateToNext: () => void }).navigateToNext(),
    );
    await expect.poll(() => highlightTexts(page)).toEqual(['카카오', '오픈AI']);
    await page.close();
  });
});

describe('highlight settings', () => {
  it('applies the chosen highlight style and colour without touching the DOM', async () => {
    const page = await openArticle();
    await waitForHighlights(page, 50);
    await env.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.local.set({
        settings: { highlightStyle: 'background', highlightColor: '#ff0000' },
      }),
    );
    const rules = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
          .join('\n'),
      );
    await expect.poll(rules).toContain('rgba(255, 0, 0, 0.22)');
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { __bodyBefore: string }).__bodyBefore === document.body.innerHTML,
      ),
    ).toBe(true);
    await env.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.local.remove('settings'),
    );
    await page.close();
  });
  it('highlights a slowly arriving article while it loads, and catches what scripts change meanwhile (text, names added, shadow roots)', async () => {
    const page = await openArticle('http://www.dt.co.kr/slow.html', 'commit');
    // The first part's paragraphs light up before the page has finished loading.
    expect(await readyStateAtHighlights(page, 4)).toBe('loading');
    await page.waitForLoadState('load');
    // Everything once, in order; the rewritten first paragraph read again.
    await expect
      .poll(() => highlightTexts(page), { timeout: 5000 })
      .toEqual([
        '엔비디아',
        'AMD',
        '삼성전자',
        '구글',
        'ASML',
        '앤트로픽',
        '네이버',
        '인텔',
        '애플',
        '오라클',
        '메타',
        'IBM',
      ]);
    const { before, after } = await bodyThenAndNow(page);
    expect(after).toBe(before);

    // An article with text right inside it is read whole at the end, still once.
    await page.goto('http://www.dt.co.kr/slow-inline.html');
    await expect
      .poll(() => highlightTexts(page), { timeout: 5000 })
      .toEqual([
        '삼성전자',
        '구글',
        '네이버',
        '인텔',
        '오픈AI',
        'MS',
        '애플',
        '오라클',
        '메타',
        'IBM',
      ]);
    await page.close();
  });
});
