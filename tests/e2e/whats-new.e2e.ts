// "What's new" in the built extension: a pack that brings an alliance marks it
// "New" on the first card of each of its companies, and not on the next; the
// popup says how many arrived and since when, until marked as read.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hover, openArticle, serve } from './article-page';
import { ask, askOk, waitForPublishedDictionary } from './messages';
import { inCard, useExtension, waitForHighlights } from './support';

const PAGE_URL = 'http://www.dt.co.kr/whats-new.html';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><article><p>Haneul Robotics said on Monday that it signed a partnership with OpenAI
to build models for warehouse robots.</p></article></body></html>`;

const env = useExtension({
  locale: 'en-US',
  routes: { 'www.dt.co.kr/whats-new.html': serve(PAGE) },
});

const NEWS_PACK = {
  format: 'alliance-lens-pack',
  version: 1,
  pack: { id: 'robot-news', title: 'Robot news', updated: '2026-12-01T00:00:00Z' },
  companies: [
    {
      id: 'haneul-robotics',
      names: { en: 'Haneul Robotics', ko: '하늘로보틱스' },
      aliases: ['Haneul Robotics'],
    },
  ],
  alliances: [
    {
      id: 'haneul-robotics-openai',
      kind: 'partnership',
      name: null,
      members: [{ company: 'haneul-robotics' }, { company: 'openai' }],
      since: '2026-11',
      until: null,
      status: 'active',
      sources: [
        {
          url: 'https://example.com/haneul-openai',
          title: 'Haneul and OpenAI',
          publisher: 'Example',
        },
      ],
    },
  ],
};

/** The alliance ids the open card marks "New", in the card's order, and the card's first alliance. */
async function marks(page: Page): Promise<{ marked: string[]; first: string | null }> {
  return (await inCard(
    page,
    `(root) => ({
      marked: [...root.querySelectorAll('[data-testid="new-mark"]')].map((m) => m.closest('li.alliance').dataset.alliance),
      first: root.querySelector('li.alliance')?.dataset.alliance ?? null,
    })`,
  )) as { marked: string[]; first: string | null };
}

async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect
    .poll(() => inCard(page, '(root) => root.querySelector(".card") === null'))
    .toBe(true);
}

async function popupPage(): Promise<Page> {
  const popup = await env.context.newPage();
  await popup.goto(env.extensionUrl('popup.html'));
  return popup;
}

describe("what's new", () => {
  it('marks a new alliance on each company’s first card, and the popup counts it', async () => {
    const popup = await popupPage();
    // The bundled pack, installed into the empty database, is the baseline: nothing is new.
    expect((await askOk(popup, 'getWhatsNew', {})).count).toBe(0);
    expect(await popup.getByTestId('whats-new').count()).toBe(0);
    await askOk(popup, 'importPack', { text: JSON.stringify(NEWS_PACK) });
    await waitForPublishedDictionary(popup);
    await popup.close();

    const page = await openArticle(env, PAGE_URL);
    await waitForHighlights(page, 2);
    expect((await hover(page, 'Haneul Robotics'))?.company).toBe('haneul-robotics');
    expect(await marks(page)).toEqual({
      marked: ['haneul-robotics-openai'],
      first: 'haneul-robotics-openai',
    });
    await closeCard(page);
    expect((await hover(page, 'Haneul Robotics'))?.company).toBe('haneul-robotics');
    expect((await marks(page)).marked).toEqual([]);
    await closeCard(page);

    // OpenAI's card was never opened: the new alliance is marked there too, first of its many.
    const openai = await hover(page, 'OpenAI');
    expect(openai?.company).toBe('openai');
    expect(await marks(page)).toEqual({
      marked: ['haneul-robotics-openai'],
      first: 'haneul-robotics-openai',
    });
    expect(openai?.text).toContain('New');
    await closeCard(page);

    // Seen is the background's: once it has the card's word, a reload still marks nothing.
    const check = await popupPage();
    await expect
      .poll(async () => {
        const r = await askOk(check, 'getAlliances', { companyIds: ['openai'], allianceIds: [] });
        return r.newFor;
      })
      .toEqual({});
    await check.close();
    await page.reload();
    await waitForHighlights(page, 2);
    await hover(page, 'OpenAI');
    expect((await marks(page)).marked).toEqual([]);
    await page.close();

    // The popup: how many, since when (today, in the reader's language), and Mark as read.
    const again = await popupPage();
    const panel = again.getByTestId('whats-new');
    const today = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(new Date());
    await expect
      .poll(() => panel.locator('h2').textContent())
      .toBe(`1 new alliance since ${today}`);
    await again.getByTestId('whats-new-toggle').click();
    expect(
      await again
        .getByTestId('whats-new-list')
        .locator('button')
        .first()
        .getAttribute('data-alliance'),
    ).toBe('haneul-robotics-openai');
    await again.getByTestId('whats-new-dismiss').click();
    await expect.poll(() => panel.count()).toBe(0);
    await again.reload();
    await again.getByTestId('counts').waitFor();
    expect(await again.getByTestId('whats-new').count()).toBe(0);
    const reply = await ask(again, 'getWhatsNew', {});
    expect(reply.ok && reply.value.count).toBe(0);
    await again.close();
  });
});
