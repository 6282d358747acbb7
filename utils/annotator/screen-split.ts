// Orders what a scan reads so that the text on screen comes first: a long
// article's first screen should not wait for its last paragraph.
import { type ChildRun, isInlineTag, isSkippedElement } from './blocks';

/** Something a scan reads whole: an element, an open shadow root, or the rest of a body of lines. */
export type ScanUnit = Element | ShadowRoot | ChildRun;

export interface ScreenSplit {
  onScreen: ScanUnit[];
  offScreen: ScanUnit[];
}

/** About a screenful and a half of article text, for splitting without measuring. */
export const FIRST_SCREEN_CHARS = 3000;

/**
 * Where the reader is: at the top of a page that has just loaded (split by
 * text length, without measuring), or anywhere on a page already laid out.
 */
export type ScreenPosition = { atTop: true; topChars: number } | { atTop: false; height: number };

/**
 * Splits units into those on or near the screen and the rest. At the top, the
 * first `topChars` characters of text count as the screen: even reading scrollY
 * would force the first layout of a long page (hundreds of ms) into this task.
 */
export function splitForScreen(units: Iterable<ScanUnit>, screen: ScreenPosition): ScreenSplit {
  const onScreen: ScanUnit[] = [];
  const offScreen: ScanUnit[] = [];
  let topChars = screen.atTop ? screen.topChars : 0;
  for (const unit of units) {
    const split = screen.atTop ? splitAtTop(unit, topChars) : splitAtViewport(unit, screen.height);
    if (screen.atTop)
      topChars = Math.max(0, topChars - split.onScreen.reduce((n, u) => n + textLength(u), 0));
    onScreen.push(...split.onScreen);
    offScreen.push(...split.offScreen);
  }
  return { onScreen, offScreen };
}

/** Characters of text in a unit (a run of children: its first child's, a lower bound). */
const textLength = (u: ScanUnit): number =>
  ('parent' in u ? u.first.textContent : u.textContent)?.length ?? 0;

/** Back/forward navigation restores the scroll position: the page may not be at its top. */
export function restoresScroll(win: Window | null): boolean {
  const nav = win?.performance.getEntriesByType('navigation')[0] as
    | PerformanceNavigationTiming
    | undefined;
  return nav?.type === 'back_forward';
}

/** Splits a long container into its first children (up to `budget` characters) and the rest. */
export function splitAtTop(root: ScanUnit, budget: number): ScreenSplit {
  if (!isSplittable(root))
    return budget > 0 ? { onScreen: [root], offScreen: [] } : { onScreen: [], offScreen: [root] };
  const kids = readableChildren(root as Element);
  let i = 0;
  for (let chars = 0; i < kids.length && chars < budget; i++)
    chars += kids[i]!.textContent?.length ?? 0;
  return { onScreen: kids.slice(0, i), offScreen: kids.slice(i) };
}

/**
 * Splits a long container into its children, those on or near the screen first.
 * Children of an article follow each other down the page, so a binary search
 * over their boxes finds the screen without measuring every paragraph.
 */
export function splitAtViewport(root: ScanUnit, viewportHeight: number): ScreenSplit {
  if (!isSplittable(root)) return { onScreen: [root], offScreen: [] };
  const kids = readableChildren(root as Element);
  const margin = viewportHeight / 2;
  const firstBelow = (edge: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = kids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edge(kids[mid]!.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const start = firstBelow((r) => r.bottom >= -margin);
  const end = Math.max(
    start,
    firstBelow((r) => r.top > viewportHeight + margin),
  );
  return {
    onScreen: kids.slice(start, end),
    offScreen: [...kids.slice(0, start), ...kids.slice(end)],
  };
}

/** The children a split scans on their own: never a script, a form or page chrome. */
const readableChildren = (root: Element): Element[] =>
  [...root.children].filter((k) => !isSkippedElement(k));

function isSplittable(root: ScanUnit): boolean {
  if (!(root instanceof Element) || root.childElementCount < 16) return false;
  // Text right inside the root or inline children would be cut apart from their block.
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 ? /\S/.test((n as Text).data) : isInlineTag((n as Element).tagName ?? ''))
      return false;
  }
  return true;
}
