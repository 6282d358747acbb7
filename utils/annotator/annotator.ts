// The only code that reads the page's text. It never changes the page: every
// mention becomes a Range registered in CSS.highlights under `alliance-lens`.
import type { Matcher, Mention } from '../matcher';
import { collectBlocks, isSkippedElement, locate, type TextBlock } from './blocks';
import { findArticleRoots } from './scope';

/** Public contract: tests and user styles use `::highlight(alliance-lens)`. */
export const HIGHLIGHT_NAME = 'alliance-lens';
/** The mention whose card is open. */
export const FOCUS_HIGHLIGHT_NAME = 'alliance-lens-focus';

/** Longest stretch of work per task; the rest waits for the next one. */
const TASK_BUDGET_MS = 12;
const MUTATION_DEBOUNCE_MS = 150;

export interface PageMention extends Mention {
  range: Range;
  block: Element;
}

export interface AnnotatorOptions {
  hostname: string;
  /** Called after each scan or re-scan that changed the set of mentions. */
  onChange?: (mentions: readonly PageMention[]) => void;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Annotator {
  private readonly doc: Document;
  private readonly options: AnnotatorOptions;
  private matcher: Matcher | null = null;
  private readonly highlight: Highlight;
  private readonly focusHighlight: Highlight;
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly byNode = new WeakMap<Text, PageMention[]>();
  private observer: MutationObserver | null = null;
  private readonly observedShadowRoots = new Set<ShadowRoot>();
  private pending = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private roots: Element[] = [];

  constructor(doc: Document, options: AnnotatorOptions) {
    this.doc = doc;
    this.options = options;
    this.highlight = new Highlight();
    this.focusHighlight = new Highlight();
    this.focusHighlight.priority = 1;
  }

  /** Scans the article with `matcher`, replacing any earlier highlights. Resolves when done. */
  async annotate(matcher: Matcher): Promise<void> {
    this.clearHighlights();
    this.matcher = matcher;
    const generation = ++this.generation;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    CSS.highlights.set(FOCUS_HIGHLIGHT_NAME, this.focusHighlight);
    this.roots = findArticleRoots(this.doc, this.options.hostname);
    this.startObserving();
    await this.scanElements(this.roots, generation);
  }

  /** Every mention in reading order. */
  mentions(): PageMention[] {
    const all = [...this.byBlock.values()].flat().filter((m) => m.block.isConnected);
    return all.sort((a, b) => {
      if (a.block === b.block) return a.start - b.start;
      return a.block.compareDocumentPosition(b.block) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  /** Open shadow roots holding article text, for hit-testing inside them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observedShadowRoots].filter((sr) => sr.host.isConnected);
  }

  /** The mention under a caret position, if any. */
  mentionAtCaret(node: Node, offset: number): PageMention | undefined {
    if (node.nodeType !== 3) return undefined;
    return this.byNode.get(node as Text)?.find((m) => m.range.isPointInRange(node, offset));
  }

  setFocused(mention: PageMention | null): void {
    this.focusHighlight.clear();
    if (mention) this.focusHighlight.add(mention.range);
  }

  /** Removes every highlight and stops watching the page. */
  clear(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.pending.clear();
    this.clearHighlights();
    CSS.highlights.delete(HIGHLIGHT_NAME);
    CSS.highlights.delete(FOCUS_HIGHLIGHT_NAME);
  }

  private clearHighlights(): void {
    this.highlight.clear();
    this.focusHighlight.clear();
    this.byBlock.clear();
  }

  /** Scans elements block by block, yielding to the page whenever a task grows long. */
  private async scanElements(
    elements: Iterable<Element | ShadowRoot>,
    generation: number,
  ): Promise<void> {
    const queue: (Element | ShadowRoot)[] = [...elements];
    let taskStart = performance.now();
    let changed = false;
    while (queue.length) {
      const root = queue.shift()!;
      const blocks = collectBlocks(root, (sr) => {
        queue.push(sr);
        this.observeShadowRoot(sr);
      });
      for (const block of blocks) {
        if (generation !== this.generation) return;
        if (this.addBlock(block)) changed = true;
        if (performance.now() - taskStart > TASK_BUDGET_MS) {
          await yieldToPage();
          if (generation !== this.generation) return;
          taskStart = performance.now();
        }
      }
    }
    if (changed || generation === this.generation) this.options.onChange?.(this.mentions());
  }

  private addBlock(block: TextBlock): boolean {
    const found = this.matcher!.findMentions(block.text);
    if (!found.length) return false;
    const list = this.byBlock.get(block.element) ?? [];
    for (const m of found) {
      const [startNode, startOffset] = locate(block, m.start, false);
      const [endNode, endOffset] = locate(block, m.end, true);
      const range = this.doc.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const mention: PageMention = { ...m, range, block: block.element };
      list.push(mention);
      this.highlight.add(range);
      const first = block.nodes.indexOf(startNode);
      const last = block.nodes.indexOf(endNode);
      for (let i = first; i <= last; i++) {
        const node = block.nodes[i];
        const forNode = this.byNode.get(node);
        if (forNode) forNode.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
    this.byBlock.set(block.element, list);
    return true;
  }

  private dropMentionsWithin(el: Element): void {
    for (const [block, list] of this.byBlock) {
      if (block.isConnected && !el.contains(block)) continue;
      for (const m of list) this.highlight.delete(m.range);
      this.byBlock.delete(block);
    }
  }

  private startObserving(): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    const target = this.doc.body ?? this.doc.documentElement;
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private observeShadowRoot(sr: ShadowRoot): void {
    if (!this.observer || this.observedShadowRoots.has(sr)) return;
    this.observedShadowRoots.add(sr);
    this.observer.observe(sr, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      // Our own UI lives outside the body, but be safe: never react to it.
      if (r.target.nodeName === 'ALLIANCE-LENS-UI') continue;
      if (r.type === 'characterData' || r.removedNodes.length) this.pending.add(r.target);
      // Added blocks are scanned on their own, so appending a paragraph does not re-scan the article.
      for (const added of r.addedNodes) this.pending.add(added);
    }
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flushMutations(), MUTATION_DEBOUNCE_MS);
  }

  /** Re-scans only the blocks that changed; removed content drops its ranges. */
  private async flushMutations(): Promise<void> {
    const targets = [...this.pending];
    this.pending.clear();
    if (!this.matcher) return;
    if (this.roots.some((r) => !r.isConnected) || this.roots.length === 0) {
      // The article itself was replaced (SPA navigation): start over.
      await this.annotate(this.matcher);
      return;
    }
    const dirty = new Set<Element>();
    for (const node of targets) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el?.isConnected) continue;
      const block = blockElementOf(el);
      if (hasSkippedAncestor(block)) continue;
      for (const root of this.roots) {
        if (root.contains(block)) dirty.add(block);
        else if (block.contains(root)) dirty.add(root);
      }
    }
    const outermost = [...dirty].filter(
      (el) => ![...dirty].some((o) => o !== el && o.contains(el)),
    );
    for (const el of outermost) this.dropMentionsWithin(el);
    // Blocks removed from the page lose their ranges even when nothing else changed.
    for (const block of this.byBlock.keys()) if (!block.isConnected) this.dropMentionsWithin(block);
    await this.scanElements(outermost, this.generation);
  }
}

const INLINE = /^(A|ABBR|B|CITE|EM|FONT|I|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|TIME|U)$/;

function blockElementOf(el: Element): Element {
  let cur: Element = el;
  while (INLINE.test(cur.tagName) && cur.parentElement) cur = cur.parentElement;
  return cur;
}

function hasSkippedAncestor(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement)
    if (isSkippedElement(cur)) return true;
  return false;
}
