// Splits article roots into text blocks: runs of text nodes that read as one
// piece of text (a paragraph), so a name split across inline elements
// (<b>오픈</b>AI, <a>MS</a>와) is matched as one mention.
import { excludedSelectorOf, SKIPPED_TAGS } from './scope';

/** Elements that do not break the flow of text. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
]);

export interface TextBlock {
  /** The nearest non-inline ancestor; re-scanned as a whole when anything in it changes. */
  element: Element;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

/**
 * Some of an element's children, read as if they were all it held: `first` and
 * the siblings after it, up to `end` (excluded) or the last child. A body of
 * text and `<br>`s is read this way while it loads, one finished line at a time.
 */
export interface ChildRun {
  readonly parent: Element;
  readonly first: ChildNode;
  readonly end: ChildNode | null;
}

export function isInlineTag(tagName: string): boolean {
  return INLINE_TAGS.has(tagName.toUpperCase());
}

/** True when `el` or one of its ancestors is never read (scripts, forms, page chrome, our UI). */
export function hasSkippedAncestor(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement)
    if (isSkippedElement(cur)) return true;
  return false;
}

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  // The attribute, not `isContentEditable`: that one brings the page's styles up to
  // date first (hundreds of ms on a long page still loading), and the editable
  // host is skipped with everything in it, so its descendants are never asked.
  if (el.hasAttribute('contenteditable')) return true;
  if ((el as HTMLElement).hidden) return true;
  return el.matches(excludedSelectorOf(el.ownerDocument));
}

/** Class names news sites give text meant only for screen readers or kept hidden. */
const HIDDEN_CLASSES = [
  'blind',
  'sr-only',
  'screen_out',
  'screen-out',
  'visually-hidden',
  'hidden',
  'hide',
  'a11y-hidden',
];
const HIDDEN_CLASS_SET = new Set(HIDDEN_CLASSES);

/**
 * Hidden by what the markup says: no style lookup. Computing styles at
 * DOMContentLoaded would force the page's whole first style pass into our
 * first scan; the exact check (isHidden) runs after the highlights are up.
 */
export function isMarkedHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  const style = el.getAttribute('style');
  if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  // Most elements have no class at all; the rest one or two.
  const classes = el.classList;
  for (let i = 0; i < classes.length; i++) if (HIDDEN_CLASS_SET.has(classes[i]!)) return true;
  return false;
}

/** Hidden by style: costs a style lookup, which forces a style pass if one is due. */
export function isHidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function')
    return !check.call(el, { visibilityProperty: true } as CheckVisibilityOptions);
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/**
 * Collects the text blocks under `root` (an element or a shadow root), in reading order.
 * Open shadow roots met on the way are reported through `onShadowRoot` and not entered;
 * `onElement` hears of every element read (one a script may give a shadow root later).
 */
export function collectBlocks(
  root: Element | ShadowRoot | ChildRun,
  onShadowRoot?: (sr: ShadowRoot) => void,
  onElement?: (el: Element) => void,
): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  const visibility = new Map<Element, boolean>();

  const flush = () => {
    if (current?.text.trim()) blocks.push(current);
    current = null;
  };

  // An explicit stack, not recursion: a hostile page may nest elements 20,000 deep,
  // past the engine's call stack.
  const run = 'parent' in root ? root : null;
  const start = run
    ? run.parent
    : root instanceof Element
      ? root
      : ((root as ShadowRoot).host as Element);
  const end = run ? run.end : null;
  const stack: { next: ChildNode | null; block: Element; flushAfter: boolean }[] = [
    {
      next: run ? run.first : (root as Element | ShadowRoot).firstChild,
      block: start,
      flushAfter: false,
    },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    const child = frame.next;
    if (!child || child === end) {
      stack.pop();
      if (frame.flushAfter) flush();
      continue;
    }
    frame.next = child.nextSibling;
    const block = frame.block;
    if (child.nodeType === 3) {
      const text = child as Text;
      if (!text.data) continue;
      const parent = text.parentElement ?? block;
      let visible = visibility.get(parent);
      if (visible === undefined) {
        visible = !isMarkedHidden(parent);
        visibility.set(parent, visible);
      }
      if (!visible) continue;
      if (!current || current.element !== block) {
        flush();
        current = { element: block, nodes: [], starts: [], text: '' };
      }
      current.nodes.push(text);
      current.starts.push(current.text.length);
      current.text += text.data;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isSkippedElement(el)) {
        flush();
        continue;
      }
      if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
      else onElement?.(el);
      if (el.tagName === 'BR') {
        flush();
        continue;
      }
      const inline = isInlineTag(el.tagName);
      if (!inline) flush();
      stack.push({ next: el.firstChild, block: inline ? block : el, flushAfter: !inline });
    }
  }
  flush();
  return blocks;
}

/**
 * Index in `block.nodes` of the node holding a character offset of the block's
 * text; at a boundary between two nodes, `end` picks the earlier one.
 */
export function nodeIndexAt(block: TextBlock, offset: number, end: boolean): number {
  const { starts } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!end && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The elements of `set` that no other element of it contains, by walking up
 * from each: linear in the changes times the depth. Comparing every pair made a
 * burst of thousands of changed blocks quadratic.
 */
export function outermostOf(set: ReadonlySet<Node>): Element[] {
  const out: Element[] = [];
  for (const el of set) {
    let inner = false;
    for (let p = el.parentNode; p && !inner; p = p.parentNode) inner = set.has(p);
    if (!inner && el.nodeType === 1) out.push(el as Element);
  }
  return out;
}
