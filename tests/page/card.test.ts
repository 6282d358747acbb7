// The card controller and its host in a real page. Synthetic events are not
// trusted and the controller ignores them, so the card is driven through its
// public methods; keys and the pointer come from Playwright, which Chromium trusts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Annotator } from '../../utils/annotator/annotator';
import { CardController, type CardData } from '../../utils/card/controller';
import { HOST_TAG, UiHost } from '../../utils/card/host';
import { setLang, t } from '../../utils/i18n';
import {
  ALLIANCES,
  COMPANIES,
  focused,
  highlighted,
  PAGE_VIEWS,
  tinyMatcher,
  writePage,
} from './support';

interface Setup {
  annotator: Annotator;
  host: UiHost;
  cards: CardController;
  ensure: ReturnType<typeof vi.fn>;
  loading: { on: boolean };
  data: { -readonly [K in keyof CardData]: CardData[K] };
}

let setup: Setup | null = null;

async function openPage(html: string, hoverDelayMs = 50): Promise<Setup> {
  setLang('en');
  writePage(html);
  const annotator = new Annotator(document, { hostname: 'news.example.com' });
  await annotator.annotate(tinyMatcher());
  const host = new UiHost(document);
  const ensure = vi.fn();
  const loading = { on: false };
  const data: Setup['data'] = {
    companies: new Map(COMPANIES.map((c) => [c.id, c])),
    alliances: ALLIANCES,
    loading: () => loading.on,
    ensure,
    opened: () => {},
    newIn: () => new Set(),
  };
  const cards = new CardController(window, annotator, host, {
    hoverDelayMs,
    lang: 'en',
    getData: () => data,
    onOpenManager: () => {},
    renderCard: PAGE_VIEWS.card,
  });
  cards.start();
  setup = { annotator, host, cards, ensure, loading, data };
  return setup;
}

function card(s: Setup): HTMLElement | null {
  return s.host.query<HTMLElement>('.card');
}

function mention(s: Setup, id: string) {
  const m = s.annotator.mentions().find((x) => x.id === id);
  if (!m) throw new Error(`no mention of ${id}`);
  return m;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  setup?.cards.stop();
  setup?.host.destroy();
  setup?.annotator.clear();
  setup = null;
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

const ARTICLE = `
  <article style="font: 16px/1.5 sans-serif; width: 600px">
    <p>Yesterday <b id="openai">OpenAI</b> said that <b id="msft">Microsoft</b> will invest more.</p>
    <p>삼성전자는 AI Alliance에 합류했다.</p>
  </article>`;

describe('the card', () => {
  it('lives in a closed shadow root on <html>, out of the page’s reach', async () => {
    const s = await openPage(ARTICLE);
    s.cards.open(mention(s, 'openai'));
    const hostEl = document.querySelector(HOST_TAG);
    expect(hostEl?.parentElement).toBe(document.documentElement);
    expect(hostEl?.shadowRoot).toBeNull();
    expect(document.querySelector('.card')).toBeNull();
    expect(card(s)?.dataset.company).toBe('openai');
    // The page's text is unchanged: the mention is a highlight, not markup.
    expect(document.body.querySelector('article')?.textContent).toContain('Yesterday OpenAI said');
  });

  it('opens a company’s card below its line, with its alliances, and focuses the mention', async () => {
    const s = await openPage(ARTICLE);
    const m = mention(s, 'openai');
    s.cards.open(m);
    expect(s.cards.isOpen).toBe(true);
    expect(s.ensure).toHaveBeenCalledWith({ type: 'company', id: 'openai' });
    expect(focused()).toEqual(['OpenAI']);
    const el = card(s)!;
    expect(el.querySelector('.title')?.textContent).toBe('OpenAI');
    expect(el.textContent).toContain('Microsoft');
    expect(el.dataset.side).toBe('below');
    const line = m.range.getClientRects()[0]!;
    const box = el.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(line.bottom);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    expect(el.style.visibility).toBe('visible');
  });

  it('opens above a mention near the bottom of the screen', async () => {
    const s = await openPage(
      `<article><p style="position: absolute; top: ${window.innerHeight - 40}px">OpenAI</p></article>`,
    );
    const m = mention(s, 'openai');
    s.cards.open(m);
    const el = card(s)!;
    expect(el.dataset.side).toBe('above');
    expect(el.getBoundingClientRect().bottom).toBeLessThanOrEqual(m.range.getClientRects()[0]!.top);
    expect(el.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
  });

  it('opens the card of a named alliance and of each company', async () => {
    const s = await openPage(ARTICLE);
    s.cards.open(mention(s, 'ai-alliance'));
    expect(card(s)?.dataset.alliance).toBe('ai-alliance');
    expect(card(s)?.querySelector('.title')?.textContent).toBe('AI Alliance');
    s.cards.open(mention(s, 'samsung-electronics'));
    expect(card(s)?.dataset.company).toBe('samsung-electronics');
    expect(card(s)?.textContent).toContain('AI Alliance');
    expect(focused()).toEqual(['삼성전자']);
  });

  it('says Loading while the alliances are on their way, and shows them once they came', async () => {
    const s = await openPage('<article><p>마이크로소프트</p></article>');
    s.loading.on = true;
    s.data.alliances = [];
    s.cards.open(mention(s, 'microsoft'));
    expect(card(s)?.querySelector('[data-testid="card-loading"]')?.textContent).toBe(
      t('cardLoading'),
    );
    s.loading.on = false;
    s.data.alliances = ALLIANCES;
    s.cards.refresh();
    expect(card(s)?.querySelector('[data-testid="card-loading"]')).toBeNull();
    expect(card(s)?.textContent).toContain('OpenAI');
  });

  it('close() removes the card and the focus highlight', async () => {
    const s = await openPage(ARTICLE);
    s.cards.open(mention(s, 'openai'));
    s.cards.close();
    expect(s.cards.isOpen).toBe(false);
    expect(card(s)).toBeNull();
    expect(focused()).toEqual([]);
    expect(highlighted()).toEqual(['OpenAI', 'Microsoft', '삼성전자', 'AI Alliance']);
  });

  it('closes on Escape, but not on an Escape the page makes up', async () => {
    const s = await openPage(ARTICLE);
    s.cards.reveal(mention(s, 'openai'));
    expect(s.host.activeElement).toBe(card(s));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(s.cards.isOpen).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(s.cards.isOpen).toBe(false);
    expect(card(s)).toBeNull();
  });

  it('opens on a real hover after the delay, and not on pointer events the page makes up', async () => {
    const s = await openPage(ARTICLE, 50);
    const target = document.getElementById('openai')!;
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    for (const type of ['pointermove', 'pointerup']) {
      target.dispatchEvent(
        new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }),
      );
    }
    await pause(200);
    expect(s.cards.isOpen).toBe(false);

    await userEvent.hover(target);
    await vi.waitFor(() => expect(card(s)?.dataset.company).toBe('openai'), { timeout: 2000 });
    expect(focused()).toEqual(['OpenAI']);
  });

  it('opens nothing on hover while suspended (another dialog is open)', async () => {
    const s = await openPage(ARTICLE, 0);
    s.cards.setSuspended(true);
    await userEvent.hover(document.getElementById('msft')!);
    await pause(200);
    expect(s.cards.isOpen).toBe(false);
    s.cards.setSuspended(false);
    await userEvent.hover(document.getElementById('openai')!);
    await vi.waitFor(() => expect(card(s)?.dataset.company).toBe('openai'), { timeout: 2000 });
  });

  it('reading mode walks the mentions in order with the arrow keys, and Escape leaves it', async () => {
    const s = await openPage(ARTICLE);
    s.cards.enterReadingMode();
    expect(s.cards.inReadingMode).toBe(true);
    expect(s.host.query('[data-testid="toast"]')?.textContent).toBe(t('readingModeOn'));
    expect(card(s)?.dataset.company).toBe('openai');
    expect(s.host.activeElement).toBe(card(s));
    await userEvent.keyboard('{ArrowRight}');
    expect(card(s)?.dataset.company).toBe('microsoft');
    await userEvent.keyboard('{ArrowDown}');
    expect(card(s)?.dataset.company).toBe('samsung-electronics');
    await userEvent.keyboard('{ArrowRight}');
    expect(card(s)?.dataset.alliance).toBe('ai-alliance');
    // Past the last mention it wraps around to the first.
    await userEvent.keyboard('{ArrowRight}');
    expect(card(s)?.dataset.company).toBe('openai');
    await userEvent.keyboard('{ArrowLeft}');
    expect(card(s)?.dataset.alliance).toBe('ai-alliance');
    await userEvent.keyboard('{Escape}');
    expect(s.cards.inReadingMode).toBe(false);
    expect(s.cards.isOpen).toBe(false);
  });

  it('reading mode on a page without mentions only says so', async () => {
    const s = await openPage('<article><p>Nothing to see.</p></article>');
    s.cards.enterReadingMode();
    expect(s.cards.inReadingMode).toBe(false);
    expect(s.cards.isOpen).toBe(false);
    expect(s.host.query('[data-testid="toast"]')?.textContent).toBe(t('readingModeEmpty'));
  });

  it('reveal() scrolls a mention far down the page into view and opens its card', async () => {
    const s = await openPage(
      '<article><p style="margin-bottom: 3000px">OpenAI</p><p id="far">Microsoft</p></article>',
    );
    const m = mention(s, 'microsoft');
    expect(m.range.getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    s.cards.reveal(m);
    const top = m.range.getBoundingClientRect().top;
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(window.innerHeight);
    expect(card(s)?.dataset.company).toBe('microsoft');
    expect(s.host.activeElement).toBe(card(s));
    // Its own scrolling did not close it.
    await pause(50);
    expect(s.cards.isOpen).toBe(true);
  });
});
