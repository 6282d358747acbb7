// Clipping from a real page: which text a clip starts from, and the clip form
// that stays open until the reader saves or leaves it. The background is faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Annotator } from '../../utils/annotator/annotator';
import { CardController } from '../../utils/card/controller';
import { UiHost } from '../../utils/card/host';
import { Clipper, textToClip } from '../../utils/content/clipper';
import { setLang, t } from '../../utils/i18n';
import { background } from './fake-background';
import { ALLIANCES, COMPANIES, PAGE_VIEWS, textAt, tinyMatcher, writePage } from './support';

vi.mock('../../utils/messaging-client', () => import('./fake-background'));

const ARTICLE = `
  <article>
    <p id="p">OpenAI raised more money. Microsoft invested in OpenAI again. Samsung Electronics watched.</p>
    <input id="field" value="Microsoft invested in OpenAI">
    <textarea id="area">Microsoft invested in OpenAI</textarea>
    <div id="editor" contenteditable="true"><p>Microsoft invested in OpenAI in the editor.</p></div>
  </article>`;

function select(node: Node, start: number, end = start): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Selects `text` inside `el`. */
function selectText(el: Element, text: string): void {
  const { node, offset } = textAt(el, text);
  select(node, offset, offset + text.length);
}

beforeEach(() => {
  setLang('en');
  background.reset();
});

afterEach(() => {
  (document.activeElement as HTMLElement | null)?.blur();
  window.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('textToClip', () => {
  it('takes the selection', () => {
    const body = writePage(ARTICLE);
    selectText(body.querySelector('#p')!, 'Microsoft invested in OpenAI');
    expect(textToClip(window)).toEqual({ ok: true, text: 'Microsoft invested in OpenAI' });
  });

  it('takes the sentence around the caret when nothing is selected', () => {
    const body = writePage(ARTICLE);
    const { node, offset } = textAt(body.querySelector('#p')!, 'invested');
    select(node, offset + 3);
    const found = textToClip(window);
    expect(found.ok && found.text.trim()).toBe('Microsoft invested in OpenAI again.');
  });

  it('asks for a selection when there is none, or the caret is not in text', () => {
    const body = writePage(ARTICLE);
    window.getSelection()!.removeAllRanges();
    expect(textToClip(window)).toEqual({ ok: false, message: t('clipSelectFirst') });
    select(body.querySelector('article')!, 0);
    expect(textToClip(window)).toEqual({ ok: false, message: t('clipSelectFirst') });
  });

  it('refuses text in form fields and editors', () => {
    const body = writePage(ARTICLE);
    const notHere = { ok: false, message: t('clipNotHere') };
    // Focus in a field wins over a selection in the article.
    selectText(body.querySelector('#p')!, 'Microsoft invested in OpenAI');
    (body.querySelector('#field') as HTMLInputElement).focus();
    expect(textToClip(window)).toEqual(notHere);
    (body.querySelector('#area') as HTMLTextAreaElement).focus();
    expect(textToClip(window)).toEqual(notHere);
    (document.activeElement as HTMLElement).blur();
    // A selection in an editor, with or without focus.
    selectText(body.querySelector('#editor')!, 'Microsoft invested');
    expect(textToClip(window)).toEqual(notHere);
    (body.querySelector('#editor') as HTMLElement).focus();
    expect(textToClip(window)).toEqual(notHere);
  });
});

describe('the clip form', () => {
  let parts: { annotator: Annotator; host: UiHost; cards: CardController; clipper: Clipper };
  const prepare = vi.fn(async (_ids: string[]) => {});

  beforeEach(async () => {
    writePage(ARTICLE);
    prepare.mockClear();
    const annotator = new Annotator(document, { hostname: 'news.example.com' });
    await annotator.annotate(tinyMatcher());
    const host = new UiHost(document);
    const cards = new CardController(window, annotator, host, {
      hoverDelayMs: 0,
      lang: 'en',
      getData: () => ({
        companies: new Map(COMPANIES.map((c) => [c.id, c])),
        alliances: ALLIANCES,
        loading: () => false,
        ensure: () => {},
        opened: () => {},
        newIn: () => new Set(),
      }),
      onOpenManager: () => {},
      renderCard: PAGE_VIEWS.card,
    });
    cards.start();
    const matcher = tinyMatcher();
    const clipper = new Clipper({
      win: window,
      host,
      cards,
      annotator,
      lang: () => 'en',
      matcher: () => matcher,
      companies: () => new Map(COMPANIES.map((c) => [c.id, c])),
      alliances: () => ALLIANCES,
      prepare,
      renderForm: PAGE_VIEWS.clipForm,
    });
    parts = { annotator, host, cards, clipper };
  });

  afterEach(() => {
    parts.clipper.stop();
    parts.cards.stop();
    parts.host.destroy();
    parts.annotator.clear();
  });

  const form = () => parts.host.query<HTMLElement>('[data-testid="clip-form"]');

  it('opens from the selection, with the companies in it, and closes the card', async () => {
    const p = document.getElementById('p')!;
    parts.cards.open(parts.annotator.mentions()[0]!);
    selectText(p, 'Microsoft invested in OpenAI again.');
    await parts.clipper.clip();
    expect(form()).not.toBeNull();
    expect(parts.cards.isOpen).toBe(false);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect([...prepare.mock.calls[0]![0]].sort()).toEqual(['microsoft', 'openai']);
    expect(background.of('getShortcuts')).toHaveLength(1);
    expect(parts.host.query('[data-testid="clip-shortcut"]')?.textContent).toContain('Alt+Shift+K');
  });

  it('says what to do instead of opening when there is nothing to clip', async () => {
    window.getSelection()!.removeAllRanges();
    await parts.clipper.clip();
    expect(form()).toBeNull();
    expect(parts.host.query('[data-testid="toast"]')?.textContent).toBe(t('clipSelectFirst'));
  });

  it('stays open while the reader clicks the page, the card closes or the page fakes Escape', async () => {
    selectText(document.getElementById('p')!, 'Microsoft invested in OpenAI again.');
    await parts.clipper.clip();
    await userEvent.click(document.getElementById('p')!);
    parts.cards.close();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(form()).not.toBeNull();
    // While it is open, hovering a name opens no card.
    await userEvent.hover(document.getElementById('p')!, { position: { x: 5, y: 5 } });
    await new Promise((r) => setTimeout(r, 150));
    expect(parts.cards.isOpen).toBe(false);
  });

  it('closes on Escape from the form or from the page', async () => {
    selectText(document.getElementById('p')!, 'Microsoft invested in OpenAI again.');
    await parts.clipper.clip();
    // The form focuses its first field once it has rendered.
    await vi.waitFor(() => expect(parts.host.activeElement).not.toBeNull());
    await userEvent.keyboard('{Escape}');
    expect(form()).toBeNull();

    selectText(document.getElementById('p')!, 'OpenAI raised more money.');
    await parts.clipper.clip();
    expect(form()).not.toBeNull();
    await userEvent.click(document.getElementById('p')!);
    await userEvent.keyboard('{Escape}');
    expect(form()).toBeNull();
    // Closed, it lets cards open again.
    parts.cards.open(parts.annotator.mentions()[0]!);
    expect(parts.cards.isOpen).toBe(true);
  });
});
