import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { askOk } from './messages';
import {
  cardState,
  DT_ARTICLE,
  highlightTexts,
  inCard,
  mentionPoint,
  useExtension,
  waitForHighlights,
} from './support';

const CLIP_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>하늘AI, 오픈AI와 손잡다 - 데모신문</title>
<meta property="og:site_name" content="데모신문">
<meta property="og:url" content="https://www.dt.co.kr/clip.html?id=7&utm_source=test&fbclid=abc">
<meta property="article:published_time" content="2025-11-03T08:00:00+09:00">
</head><body><article>
<h1>하늘AI, 오픈AI와 손잡다</h1>
<p id="p1">판교의 스타트업 하늘AI는 오픈AI와 손잡고 한국어 음성비서를 함께 만든다고 밝혔다. 두 회사는 내년 초 시범 서비스를 연다.</p>
<p>하늘AI의 다른 소식은 다음 주에 전한다.</p>
<form><input id="field" value="삼성전자와 네이버가 협력한다"></form>
</article></body></html>`;

const env = useExtension({
  locale: 'ko-KR',
  routes: {
    'www.dt.co.kr/clip.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CLIP_PAGE),
  },
});

/** Selects the sentence of the page that starts with `start`, as a reader would. */
async function selectSentence(page: Page, start: string, end: string) {
  await page.evaluate(
    ([s, e]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(s);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, n.data.indexOf(e, i) + e.length);
        const sel = getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`no text ${s}`);
    },
    [start, end] as const,
  );
}

/** The clip command's code path: the background tells the active tab to clip. */
async function clipCommand(page: Page) {
  await page.bringToFront();
  await env.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    await c.tabs.sendMessage(tab!.id!, { type: 'clip' });
  });
}

interface FormState {
  members: { id: string; text: string; ticked: boolean }[];
  kind: string;
  because: string | null;
  since: string;
  url: string;
  publisher: string;
  published: string;
  quote: string;
  duplicate: boolean;
}

function formState(page: Page) {
  return inCard(
    page,
    `(root) => {
      const f = root.querySelector('.clip-form');
      if (!f) return null;
      const val = (name) => f.querySelector('[name="' + name + '"]')?.value ?? '';
      return {
        members: [...f.querySelectorAll('[data-member]')].map((m) => ({
          id: m.getAttribute('data-member'),
          text: m.textContent + (m.querySelector('input.clip-input')?.value ?? ''),
          ticked: m.querySelector('input[type="checkbox"]').checked,
        })),
        kind: val('kind'),
        because: f.querySelector('[data-testid="clip-because"]')?.textContent ?? null,
        since: val('since'),
        url: val('source.url'),
        publisher: val('source.publisher'),
        published: val('source.published'),
        quote: val('source.quote'),
        duplicate: !!f.querySelector('[data-testid="clip-duplicate"]'),
      };
    }`,
  ) as Promise<FormState | null>;
}

const toastText = (page: Page) =>
  inCard(
    page,
    `(root) => root.querySelector('[data-testid="toast"]')?.textContent ?? null`,
  ) as Promise<string | null>;
const click = (page: Page, testId: string) =>
  inCard(
    page,
    `(root) => { root.querySelector('[data-testid="${testId}"]').click(); return true; }`,
  );

describe('clipping', () => {
  it('prefills the form from the selection and the page, saves, highlights the new company at once, and undoes', async () => {
    const page = await env.context.newPage();
    await page.goto('http://www.dt.co.kr/clip.html');
    await waitForHighlights(page, 1);
    expect(await highlightTexts(page)).not.toContain('하늘AI');
    await selectSentence(page, '판교의 스타트업', '밝혔다.');
    await clipCommand(page);
    await expect.poll(() => formState(page)).not.toBeNull();
    const form = (await formState(page))!;
    // The known company and the new one are ticked; weaker guesses are offered unticked.
    expect(form.members.filter((m) => m.ticked).map((m) => m.id)).toEqual([
      'openai',
      expect.stringMatching(/^company-[a-z0-9]+$/),
    ]);
    expect(form.members.find((m) => m.ticked && m.id !== 'openai')?.text).toContain('하늘AI');
    expect(form).toMatchObject({
      kind: 'partnership',
      since: '2025-11-03',
      url: 'https://www.dt.co.kr/clip.html?id=7',
      publisher: '데모신문',
      published: '2025-11-03',
      duplicate: false,
    });
    expect(form.because).toContain('손잡');
    expect(form.quote).toBe(
      '판교의 스타트업 하늘AI는 오픈AI와 손잡고 한국어 음성비서를 함께 만든다고 밝혔다.',
    );

    await click(page, 'clip-save');
    await expect.poll(() => toastText(page)).toContain('제휴를 저장했습니다');
    await expect
      .poll(async () => (await highlightTexts(page)).filter((t) => t === '하늘AI').length)
      .toBe(3);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    const { x, y } = await mentionPoint(page, '하늘AI', 2);
    await page.mouse.move(x - 30, y + 20);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(async () => (await cardState(page))?.text ?? '').toContain('오픈AI');

    await page.keyboard.press('Escape');
    // Undo acts on trusted clicks only: click it with the mouse, as a reader would.
    const undo = (await inCard(
      page,
      `(root) => { const r = root.querySelector('.toast-action').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
    )) as { x: number; y: number };
    await page.mouse.click(undo.x, undo.y);
    await expect.poll(async () => (await highlightTexts(page)).includes('하늘AI')).toBe(false);
    await page.close();
  });

  it('offers to add the article as a source of an alliance it already knows', async () => {
    const page = await env.context.newPage();
    await page.goto(DT_ARTICLE);
    await waitForHighlights(page, 50);
    await selectSentence(page, '리벨리온과 사피온이 합병', '평가가 나온다.');
    await clipCommand(page);
    await expect.poll(async () => (await formState(page))?.duplicate).toBe(true);
    expect((await formState(page))?.kind).toBe('merger');
    await click(page, 'clip-add-source');
    await expect.poll(() => toastText(page)).toContain('출처로 추가');
    const manager = await env.context.newPage();
    await manager.goto(env.extensionUrl('popup.html'));
    const mine = await askOk(manager, 'exportView', { scope: { kind: 'mine' } });

    const merger = mine.alliances.find((a) => a.kind === 'merger');
    expect(merger?.sources.map((s) => s.url)).toContain(
      'https://www.dt.co.kr/contents.html?article_no=2024072102109931081001',
    );
    expect(merger?.sources.at(-1)?.quote).toContain('리벨리온과 사피온이 합병');
    // "My clips" lists it with its quote.
    await manager.goto(env.extensionUrl('options.html#clips'));
    await expect
      .poll(() => manager.getByTestId('clips-list').textContent())
      .toContain('리벨리온과 사피온이 합병');
    await manager.close();
    await page.close();
  });

  it('offers a "Clip alliance" button beside a selection made with the mouse', async () => {
    const page = await env.context.newPage();
    await page.goto('http://www.dt.co.kr/clip.html');
    await waitForHighlights(page, 1);
    const box = await page.locator('#p1').boundingBox();
    if (!box) throw new Error('no paragraph');
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 4, box.y + 8, { steps: 8 });
    await page.mouse.up();
    const spot = async () =>
      (await inCard(
        page,
        `(root) => { const b = root.querySelector('[data-testid="clip-button"]'); if (!b) return null; const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
      )) as { x: number; y: number } | null;
    await expect.poll(spot).not.toBeNull();
    const at = (await spot())!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await formState(page))?.kind).toBe('partnership');
    await page.keyboard.press('Escape');
    await expect.poll(() => formState(page)).toBeNull();
    await page.close();
  });

  it('says what to do without a selection, and refuses text in form fields', async () => {
    const page = await env.context.newPage();
    await page.goto('http://www.dt.co.kr/clip.html');
    await waitForHighlights(page, 1);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await clipCommand(page);
    await expect.poll(() => toastText(page)).toContain('먼저 제휴에 관한 문장을 선택');
    await page.focus('#field');
    await page.evaluate(() => (document.getElementById('field') as HTMLInputElement).select());
    await clipCommand(page);
    await expect.poll(() => toastText(page)).toContain('입력란');
    expect(await formState(page)).toBeNull();
    await page.close();
  });
});
