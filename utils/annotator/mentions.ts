// The mentions found on the page, by the block they were found in, and the
// lookups the cards need. Registering their ranges is the registry's job.
import { keepInContext, type Matcher, type Mention } from '../matcher';
import { isHidden, isInlineTag, nodeIndexAt, type TextBlock } from './blocks';
import { HighlightRegistry } from './registry';
import { TaskSlicer } from './tasks';

/**
 * A mention on the page. Its `Range` is made on first use: a long page has
 * tens of thousands of mentions, and only those near the screen are ever
 * registered (see registry.ts), hovered or read aloud. Making every Range up
 * front cost a long page a third of its scan, and Chromium keeps each one
 * up to date on every change to the DOM.
 */
export class PageMention implements Mention {
  readonly start: number;
  readonly end: number;
  readonly type: Mention['type'];
  readonly id: string;
  readonly surface: string;
  readonly block: Element;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  private made: Range | null = null;

  constructor(m: Mention, block: TextBlock, startIndex: number, endIndex: number) {
    this.start = m.start;
    this.end = m.end;
    this.type = m.type;
    this.id = m.id;
    this.surface = m.surface;
    this.block = block.element;
    this.startNode = block.nodes[startIndex]!;
    this.startOffset = m.start - block.starts[startIndex]!;
    this.endNode = block.nodes[endIndex]!;
    this.endOffset = m.end - block.starts[endIndex]!;
  }

  get range(): Range {
    if (!this.made) {
      this.made = this.startNode.ownerDocument.createRange();
      this.made.setStart(this.startNode, this.startOffset);
      this.made.setEnd(this.endNode, this.endOffset);
    }
    return this.made;
  }

  get madeRange(): Range | null {
    return this.made;
  }

  /** Whether the text it was found in is still there, unchanged. */
  intact(): boolean {
    if (!this.startNode.isConnected) return false;
    if (this.startNode === this.endNode)
      return this.startNode.data.slice(this.startOffset, this.endOffset) === this.surface;
    return this.endNode.isConnected && this.range.toString() === this.surface;
  }

  /** Whether a caret position lies in the mention (ends included, like `isPointInRange`). */
  contains(node: Node, offset: number): boolean {
    if (this.startNode === this.endNode)
      return node === this.startNode && offset >= this.startOffset && offset <= this.endOffset;
    return this.range.isPointInRange(node, offset);
  }
}

export interface FoundIds {
  companies: ReadonlySet<string>;
  alliances: ReadonlySet<string>;
}

/** The ids a scan found, collected as it goes. */
export interface Found {
  companies: Set<string>;
  alliances: Set<string>;
}

export const noneFound = (): Found => ({ companies: new Set(), alliances: new Set() });

export function noteFound(found: Found, mentions: readonly Mention[]): void {
  for (const m of mentions) (m.type === 'company' ? found.companies : found.alliances).add(m.id);
}

/** The page's mentions by block, kept in step with the highlight registry. */
export class PageMentions {
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly registry: HighlightRegistry;

  constructor(highlight: Highlight) {
    this.registry = new HighlightRegistry(highlight);
  }

  /** Matches one block and records its mentions; returns them. */
  read(block: TextBlock, matcher: Matcher): Mention[] {
    const found = keepInContext(block.text, matcher.findMentions(block.text));
    if (!found.length) return [];
    const list = this.byBlock.get(block.element) ?? [];
    const added: PageMention[] = [];
    for (const m of found) {
      const first = nodeIndexAt(block, m.start, false);
      const last = nodeIndexAt(block, m.end, true);
      const mention = new PageMention(m, block, first, last);
      list.push(mention);
      added.push(mention);
    }
    this.byBlock.set(block.element, list);
    this.registry.addBlock(block.element, added);
    return found;
  }

  /** The mentions found in a block, if any. */
  of(block: Element): readonly PageMention[] | undefined {
    return this.byBlock.get(block);
  }

  /** The blocks holding mentions, in the order they were first read. */
  blocks(): Element[] {
    return [...this.byBlock.keys()];
  }

  /**
   * Drops the mentions of every block inside any of `els`, and of blocks gone
   * from the page, in one pass over the blocks: one pass per changed element
   * made a burst of many changed blocks quadratic.
   */
  dropWithin(els: readonly Element[]): void {
    const set = new Set<Node>(els);
    // Deleting the entry being visited is safe while iterating a Map.
    for (const block of this.byBlock.keys()) {
      let hit = !block.isConnected;
      for (let p: Node | null = block; !hit && p; p = p.parentNode) hit = set.has(p);
      if (!hit) continue;
      this.registry.removeBlock(block);
      this.byBlock.delete(block);
    }
  }

  /**
   * Drops mentions in text that styles hide (display: none, visibility: hidden).
   * Called once the highlights are up and a frame has passed: asking for styles
   * earlier would force the page's first style pass into the first scan. Hidden
   * text is never painted, so its highlights were invisible in the meantime.
   */
  async dropHidden(signal: AbortSignal): Promise<void> {
    const slicer = new TaskSlicer(signal);
    const hidden = new Map<Element, boolean>();
    const isHiddenCached = (el: Element) => {
      let h = hidden.get(el);
      if (h === undefined) {
        h = isHidden(el);
        hidden.set(el, h);
      }
      return h;
    };
    for (const [block, list] of [...this.byBlock]) {
      if (!block.isConnected) continue;
      const keep = isHiddenCached(block)
        ? []
        : list.filter((m) => {
            const parent = m.startNode.parentElement;
            return !parent || !isHiddenCached(parent);
          });
      if (keep.length !== list.length) {
        this.registry.removeBlock(block);
        if (keep.length) {
          this.byBlock.set(block, keep);
          this.registry.addBlock(block, keep);
        } else this.byBlock.delete(block);
      }
      if (slicer.due) await slicer.next();
    }
  }

  /** Every mention in reading order. Sorts blocks, not mentions: a long page has thousands. */
  inReadingOrder(): PageMention[] {
    const blocks = [...this.byBlock.keys()].filter((b) => b.isConnected);
    blocks.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return blocks.flatMap((b) => this.byBlock.get(b)!);
  }

  /** Brings the registered ranges of long blocks to where the reader is (see registry.ts). */
  updateWindows(): void {
    this.registry.updateWindows();
  }

  /** The ids mentioned (no ordering, so cheap enough for every card). */
  ids(): Set<string> {
    const ids = new Set<string>();
    for (const list of this.byBlock.values()) for (const m of list) ids.add(m.id);
    return ids;
  }

  /** The mention under a caret position, if any. */
  atCaret(node: Node, offset: number): PageMention | undefined {
    if (node.nodeType !== 3) return undefined;
    const block = blockOfText(node as Text);
    return block ? this.byBlock.get(block)?.find((m) => m.contains(node, offset)) : undefined;
  }

  clear(): void {
    this.registry.clear();
    this.byBlock.clear();
  }
}

/**
 * The block element a text node was collected under (see `collectBlocks`):
 * its nearest ancestor that is not inline, through shadow roots to their host.
 */
function blockOfText(node: Text): Element | null {
  let el = node.parentElement ?? hostOf(node);
  while (el && isInlineTag(el.tagName)) {
    const up = el.parentElement ?? hostOf(el);
    if (!up) break;
    el = up;
  }
  return el;
}

const hostOf = (node: Node): Element | null => {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};
