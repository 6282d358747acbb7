// The three ways into a clip, with real keyboard and mouse input (X events
// from xdotool to a headful Chromium on Xvfb): the browser's own shortcut
// handling and context menu see them exactly as they see a reader's.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { RealInput, realInputProblem } from './real-input';
import { cardState, highlightTexts, inCard, useExtension, waitForHighlights } from './support';

const PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>실제 입력 시험 - 데모신문</title>
<meta property="og:site_name" content="데모신문">
<meta property="article:published_time" content="2025-10-02T09:00:00+09:00">
<style>body { font: 20px/1.8 sans-serif; margin: 40px; max-width: 900px }</style>
</head><body><article>
<h1>바다AI, 네이버와 손잡다</h1>
<p id="deal">인천의 스타트업 바다AI는 네이버와 손잡고 항만 물류용 AI를 함께 만든다고 밝혔다.</p>
<p id="other">바다AI는 이 밖에도 여러 협력을 검토하고 있다.</p>
<p id="names">카카오와 오픈AI의 협력 소식도 이어졌다.</p>
</article></body></html>`;

const env = useExtension({
  headless: false,
  routes: {
    'www.dt.co.kr/real-input.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  },
});

beforeAll(() => {
  const problem = realInputProblem();
  if (problem) throw new Error(`real-input tests cannot run: ${problem}`);
});

/** Viewport points of the first and last character of `text` in the paragraph `id`. */
async function textSpan(page: Page, id: string, text: string) {
  return page.evaluate(
    ([pid, t]) => {
      const node = document.getElementById(pid)!.firstChild as Text;
      const i = node.data.indexOf(t);
      const rectAt = (k: number) => {
        const r = document.createRange();
        r.setStart(node, k);
        r.setEnd(node, k + 1);
        return r.getBoundingClientRect();
      };
      const a = rectAt(i);
      const b = rectAt(i + t.length - 1);
      return {
        start: { x: a.left + 1, y: a.top + a.height / 2 },
        end: { x: b.right - 1, y: b.top + b.height / 2 },
      };
    },
    [id, text] as const,
  );
}

const formState = (page: Page) =>
  inCard(
    page,
    `(root) => { const f = root.querySelector('[data-testid="clip-form"]'); if (!f) return null;
      const a = root.activeElement;
      return { focus: a ? (a.getAttribute('name') ?? a.getAttribute('type') ?? a.tagName) : null,
        hint: root.querySelector('[data-testid="clip-shortcut"]')?.textContent ?? '' }; }`,
  ) as Promise<{ focus: string | null; hint: string } | null>;

const toastText = (page: Page) =>
  inCard(page, `(root) => root.querySelector('[data-testid="toast"]')?.textContent ?? null`);

const centreOf = async (page: Page, selector: string) =>
  (await inCard(
    page,
    `(root) => { const e = root.querySelector(${JSON.stringify(selector)}); if (!e) return null;
      const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
  )) as { x: number; y: number } | null;

async function openArticle(): Promise<{ page: Page; input: RealInput }> {
  const page = await env.context.newPage();
  await page.goto('http://www.dt.co.kr/real-input.html');
  await waitForHighlights(page, 3);
  const input = await RealInput.attach(page);
  return { page, input };
}

/** Selects the deal sentence with a real mouse drag. */
async function selectDeal(page: Page, input: RealInput) {
  const span = await textSpan(page, 'deal', '인천의 스타트업 바다AI는 네이버와 손잡고');
  await input.drag(span.start, span.end);
  await expect
    .poll(() => page.evaluate(() => getSelection()?.toString() ?? ''))
    .toContain('네이버');
}

/** Clicks the toast's Undo with the real pointer and waits until it is done. */
async function undoLastClip(page: Page, input: RealInput) {
  const undo = await centreOf(page, '.toast-action');
  if (!undo) throw new Error('no Undo in the toast');
  input.click(undo.x, undo.y);
  await expect.poll(() => toastText(page)).toContain('되돌렸습니다');
}

describe('clipping with real input', () => {
  it('binds the clip shortcut, shows it, and opens the form when it is pressed', async () => {
    const commands = (await env.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.commands.getAll(),
    )) as { name?: string; shortcut?: string }[];
    const clip = commands.find((c) => c.name === 'clip-alliance');
    expect(clip?.shortcut).toBe('Alt+Shift+K');

    const { page, input } = await openArticle();
    await selectDeal(page, input);
    input.key('alt+shift+k');
    await expect.poll(() => formState(page)).toMatchObject({ focus: 'kind' });
    expect((await formState(page))?.hint).toContain('Alt+Shift+K');

    // The manager's settings show the same key.
    const manager = await env.context.newPage();
    await manager.goto(env.extensionUrl('options.html#settings'));
    await expect
      .poll(() => manager.locator('[data-command="clip-alliance"]').textContent())
      .toContain('Alt+Shift+K');
    await manager.close();
    await page.close();
  });

  it('keeps the form from the selection button while the pointer moves away, until Escape', async () => {
    const { page, input } = await openArticle();
    await selectDeal(page, input);
    await expect.poll(() => centreOf(page, '[data-testid="clip-button"]')).not.toBeNull();
    const button = (await centreOf(page, '[data-testid="clip-button"]'))!;
    input.click(button.x, button.y);
    await expect.poll(() => formState(page)).not.toBeNull();
    // The pointer leaves the form, crosses a highlighted name and rests on empty page.
    const names = await textSpan(page, 'names', '카카오');
    input.move(names.start.x + 5, names.start.y);
    await page.waitForTimeout(400);
    input.move(30, 860);
    await page.waitForTimeout(1200);
    expect(await formState(page)).not.toBeNull();
    // Escape from the page itself (focus left the form with a click on the page) cancels.
    input.click(30, 860);
    input.key('Escape');
    await expect.poll(() => formState(page)).toBeNull();

    // The button works again for the next selection, and hover cards work too.
    await selectDeal(page, input);
    await expect.poll(() => centreOf(page, '[data-testid="clip-button"]')).not.toBeNull();
    input.click(30, 860);
    const kakao = await textSpan(page, 'names', '카카오');
    input.move(kakao.start.x - 20, kakao.start.y + 30);
    input.move(kakao.start.x + 8, kakao.start.y);
    await expect.poll(async () => (await cardState(page))?.company).toBe('kakao');
    await page.close();
  });

  it('saves on Enter from every field of the form, and on Ctrl+Enter in the quote', async () => {
    const { page, input } = await openArticle();
    // Focus starts on the kind; Tab walks the fields in order, Shift+Tab reaches the members.
    const fields: [string, string[]][] = [
      ['kind', []],
      ['member-name', ['shift+Tab']],
      ['member', ['shift+Tab', 'shift+Tab']],
      ['status', ['Tab']],
      ['since', ['Tab', 'Tab']],
      ['summary', ['Tab', 'Tab', 'Tab']],
      ['source.url', ['Tab', 'Tab', 'Tab', 'Tab']],
      ['source.title', ['Tab', 'Tab', 'Tab', 'Tab', 'Tab']],
      ['source.publisher', ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab']],
      ['source.published', ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab']],
    ];
    for (const [field, keys] of fields) {
      await selectDeal(page, input);
      input.key('alt+shift+k');
      await expect.poll(() => formState(page)).toMatchObject({ focus: 'kind' });
      if (keys.length) input.key(...keys);
      await expect.poll(async () => (await formState(page))?.focus, { message: field }).toBe(field);
      input.key('Return');
      await expect.poll(() => formState(page), { message: `Enter in ${field}` }).toBeNull();
      await expect.poll(() => toastText(page)).toContain('제휴를 저장했습니다');
      await undoLastClip(page, input);
    }

    // In the quote, Enter is a new line and Ctrl+Enter saves; the new company is read at once.
    await selectDeal(page, input);
    input.key('alt+shift+k');
    await expect.poll(() => formState(page)).toMatchObject({ focus: 'kind' });
    input.key(...Array(8).fill('Tab'));
    await expect.poll(async () => (await formState(page))?.focus).toBe('source.quote');
    input.key('Return');
    await page.waitForTimeout(300);
    expect(await formState(page)).not.toBeNull();
    input.key('ctrl+Return');
    await expect.poll(() => formState(page)).toBeNull();
    await expect.poll(() => toastText(page)).toContain('제휴를 저장했습니다');
    await expect
      .poll(async () => (await highlightTexts(page)).filter((t) => t === '바다AI').length)
      .toBe(3);
    await undoLastClip(page, input);
    await page.close();
  });

  it('cancels on Escape from a field, saving nothing', async () => {
    const { page, input } = await openArticle();
    await selectDeal(page, input);
    input.key('alt+shift+k');
    await expect.poll(() => formState(page)).toMatchObject({ focus: 'kind' });
    input.key('Tab', 'Tab', 'Escape');
    await expect.poll(() => formState(page)).toBeNull();
    expect(await toastText(page)).toBeNull();
    expect((await highlightTexts(page)).includes('바다AI')).toBe(false);
    await page.close();
  });

  it('clips from the context menu of a selection', async () => {
    const { page, input } = await openArticle();
    await selectDeal(page, input);
    const span = await textSpan(page, 'deal', '네이버');
    input.click(span.start.x + 4, span.start.y, 3);
    await page.waitForTimeout(500);
    // The extension's item sits just above "Inspect", the menu's last entry.
    input.key('Up', 'Up', 'Return');
    await expect.poll(() => formState(page)).toMatchObject({ focus: 'kind' });
    input.key('Return');
    await expect.poll(() => toastText(page)).toContain('제휴를 저장했습니다');
    await undoLastClip(page, input);
    await page.close();
  });
});
