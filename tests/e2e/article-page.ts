// Opening an article with the extension and acting on it as a reader does,
// shared by the reading suites.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardState, DT_ARTICLE, type E2E, mentionPoint } from './support';

/** Opens `url`, recording the body's HTML at DOMContentLoaded (before the scan starts). */
export async function openArticle(
  env: E2E,
  url = DT_ARTICLE,
  waitUntil: 'load' | 'commit' = 'load',
): Promise<Page> {
  const page = await env.context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __bodyBefore: string }).__bodyBefore = document.body.innerHTML;
    });
  });
  await page.goto(url, { waitUntil });
  return page;
}

/** The body's HTML as `openArticle` recorded it, and now. */
export const bodyThenAndNow = (page: Page) =>
  page.evaluate(() => ({
    before: (window as unknown as { __bodyBefore: string }).__bodyBefore,
    after: document.body.innerHTML,
  }));

/** Moves the pointer onto the `nth` mention of `text`; resolves once its card is open. */
export async function hover(page: Page, text: string, nth = 0) {
  const { x, y } = await mentionPoint(page, text, nth);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 5 });
  await expect
    .poll(async () => (await cardState(page))?.company ?? null, { timeout: 5000 })
    .not.toBeNull();
  return cardState(page);
}

/** Sends a message to the active tab's content script from the background, as a command does. */
export async function fromBackground(env: E2E, page: Page, message: unknown): Promise<unknown> {
  await page.bringToFront();
  return env.worker.evaluate(async (m) => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return c.tabs.sendMessage(tab!.id!, m);
  }, message);
}

/** The page's readyState when `min` names were first highlighted: 'loading' if before it loaded. */
export async function readyStateAtHighlights(page: Page, min: number): Promise<unknown> {
  const handle = await page.waitForFunction(
    (m) => {
      const size = (CSS.highlights.get('alliance-lens') as unknown as Set<Range>)?.size ?? 0;
      return size >= m ? document.readyState : null;
    },
    min,
    { polling: 20 },
  );
  return handle.jsonValue();
}

type Response = import('node:http').ServerResponse;

/** A route that serves `html`. */
export const serve = (html: string) => (_req: unknown, res: Response) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
};

/** A route that serves a page in parts, 600 ms apart (a page still loading). */
export const slowly =
  (parts: string[]) =>
  async (_req: unknown, res: Response): Promise<void> => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    for (const [i, part] of parts.entries()) {
      if (i) await new Promise((r) => setTimeout(r, 600));
      res.write(part);
    }
    res.end();
  };
