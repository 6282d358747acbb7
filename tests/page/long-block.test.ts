// An article body that is one element of <br>-separated lines, with thousands
// of mentions: only the ranges within a screen of the viewport are registered,
// and they follow the reader's scrolling. Every mention is still found.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, HIGHLIGHT_NAME } from '../../utils/annotator/annotator';
import { tinyMatcher, writePage } from './support';

let annotator: Annotator | null = null;

afterEach(() => {
  annotator?.clear();
  annotator = null;
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

const LINES = 2000;

/** One div of lines, two names on each, numbered so each line's text differs. */
function writeOneBlockArticle(): HTMLElement {
  const lines = Array.from({ length: LINES }, (_, i) => `${i}: OpenAI and Microsoft met.`);
  return writePage(`<article>${lines.join('<br>')}</article>`);
}

/** The registered ranges' boxes, relative to the viewport. */
function registeredBoxes(): DOMRect[] {
  const set = CSS.highlights.get(HIGHLIGHT_NAME) as unknown as Set<Range> | undefined;
  return [...(set ?? [])].map((r) => r.getBoundingClientRect());
}

/** Whether every registered range lies within a screen of the viewport, and some on it. */
function windowAtViewport(): boolean {
  const h = innerHeight;
  const boxes = registeredBoxes();
  const near = boxes.every((b) => b.bottom >= -h - 30 && b.top <= 2 * h + 30);
  const onScreen = boxes.filter((b) => b.bottom > 0 && b.top < h).length;
  return near && onScreen > 0;
}

describe('a long article that is one block', () => {
  it('registers only the ranges near the viewport, following the scroll', async () => {
    const body = writeOneBlockArticle();
    annotator = new Annotator(document, { hostname: 'news.example.com' });
    await annotator.annotate(tinyMatcher());
    // Every mention is found (cards and the popup use them all)...
    expect(annotator.mentions()).toHaveLength(2 * LINES);
    // ...but only those near the screen are registered.
    const atTop = registeredBoxes().length;
    expect(atTop).toBeGreaterThan(0);
    expect(atTop).toBeLessThan(LINES / 4);
    expect(windowAtViewport()).toBe(true);

    const article = body.querySelector('article')!;
    expect(article.getBoundingClientRect().height).toBeGreaterThan(10 * innerHeight);
    for (const fraction of [0.5, 0.9]) {
      window.scrollTo(0, fraction * article.getBoundingClientRect().height);
      await vi.waitFor(() => expect(windowAtViewport()).toBe(true), { timeout: 3000 });
      expect(registeredBoxes().length).toBeLessThan(LINES / 4);
    }
  });

  it('registers nothing of it while it is far from the screen', async () => {
    const body = writePage(
      `<div style="height: 30000px">Above the article</div><article>${Array.from(
        { length: LINES },
        (_, i) => `${i}: OpenAI and Microsoft met.`,
      ).join('<br>')}</article>`,
    );
    annotator = new Annotator(document, { hostname: 'news.example.com' });
    window.scrollTo(0, 0);
    await annotator.annotate(tinyMatcher());
    await vi.waitFor(() => expect(registeredBoxes()).toHaveLength(0), { timeout: 3000 });
    expect(annotator.mentions()).toHaveLength(2 * LINES);
    body.querySelector('article')!.scrollIntoView();
    await vi.waitFor(() => expect(windowAtViewport()).toBe(true), { timeout: 3000 });
  });
});
