import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../utils/matcher';
import { ask } from './messages';
import { cardState, DT_ARTICLE, highlightTexts, useExtension, waitForHighlights } from './support';

const env = useExtension({ locale: 'en-US' });

async function activeTabId(page: Page): Promise<number> {
  await page.bringToFront();
  return env.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** Opens the popup as a page speaking about `article`'s tab. */
async function openPopup(article: Page): Promise<Page> {
  const tabId = await activeTabId(article);
  const popup = await env.context.newPage();
  await popup.goto(env.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

/** Company ids of the highlighted mentions, with how often each occurs. */
async function highlightedCompanies(page: Page): Promise<Record<string, number>> {
  const texts = await highlightTexts(page);
  const popup = await env.context.newPage();
  await popup.goto(env.extensionUrl('popup.html'));
  const reply = await ask(popup, 'getDictionary', {});
  if (!reply.ok || !('matcher' in reply.value))
    throw new Error('no dictionary from the background');
  await popup.close();
  // What each highlighted text names, by the extension's own compiled matcher.
  const matcher = loadMatcher(reply.value.matcher);
  const counts: Record<string, number> = {};
  for (const text of texts) {
    const [mention] = matcher.findMentions(text);
    if (mention?.type === 'company') counts[mention.id] = (counts[mention.id] ?? 0) + 1;
  }
  return counts;
}

describe('popup', () => {
  it('lists the companies highlighted on the page, and opens one’s card on click', async () => {
    const article = await env.context.newPage();
    await article.goto(DT_ARTICLE);
    await waitForHighlights(article, 50);
    const expected = await highlightedCompanies(article);
    const popup = await openPopup(article);
    await expect
      .poll(() => popup.getByTestId('found-list').locator('button.found').count())
      .toBeGreaterThan(0);
    const listed = await popup.$$eval('button.found', (buttons) =>
      Object.fromEntries(
        buttons.map((b) => [b.getAttribute('data-company'), Number(b.getAttribute('data-count'))]),
      ),
    );
    expect(listed).toEqual(expected);
    expect(await popup.getByTestId('ties').textContent()).toMatch(
      /^[1-9]\d* known alliances tie them together$/,
    );
    expect(await popup.locator('.site-host').textContent()).toBe('www.dt.co.kr');

    await popup.locator('button.found[data-company="naver"]').click();
    await expect.poll(async () => (await cardState(article))?.company).toBe('naver');
    await popup.close();
    await article.close();
  });

  it('turns the site off and on again', async () => {
    const article = await env.context.newPage();
    await article.goto(DT_ARTICLE);
    const count = (await waitForHighlights(article, 50)).length;
    const popup = await openPopup(article);
    const toggle = popup.getByTestId('site-toggle');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect
      .poll(() => article.evaluate(() => CSS.highlights.has('alliance-lens')))
      .toBe(false);
    await expect
      .poll(() => popup.locator('.page-panel').textContent())
      .toContain('off on this site');
    await toggle.click();
    await expect.poll(async () => (await highlightTexts(article)).length).toBe(count);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await popup.close();
    await article.close();
  });
});
