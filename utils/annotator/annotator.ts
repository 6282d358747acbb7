// The only code that reads the page's text. It never changes the page: every
// mention becomes a Range registered in CSS.highlights under `alliance-lens`.
import type { Matcher, Mention } from '../matcher';
import {
  collectBlocks,
  hasSkippedAncestor,
  isHidden,
  isInlineTag,
  isSkippedElement,
  nodeIndexAt,
  outermostOf,
  type TextBlock,
} from './blocks';
import { HighlightRegistry } from './registry';
import { findArticleRoots } from './scope';

/** Public contract: tests and user styles use `::highlight(alliance-lens)`. */
export const HIGHLIGHT_NAME = 'alliance-lens';
/** The mention whose card is open. */
export const FOCUS_HIGHLIGHT_NAME = 'alliance-lens-focus';

/** Longest stretch of work per task; the rest waits for the next one. */
const TASK_BUDGET_MS = 12;
/**
 * The first task of the scan at load, in the page's DOMContentLoaded, may run
 * longer (still well under the 50 ms of a long task): a long page's first
 * layout comes next and takes the main thread for hundreds of milliseconds,
 * and whatever is scanned before it is not left waiting behind it.
 */
const FIRST_TASK_BUDGET_MS = 40;
/** Wait between looks at a loading page, for the parser to add more. */
const STREAM_LOOK_MS = 4;
/** Wait between looks at a page that is loading but has sent nothing new for a while. */
const STREAM_IDLE_MS = 50;
/** How long found article roots are trusted while the page loads. */
const STREAM_ROOTS_MS = 30;
const MUTATION_DEBOUNCE_MS = 150;

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

export interface AnnotatorOptions {
  hostname: string;
  /** Called after each scan or re-scan that found mentions, with the ids found. */
  onChange?: (found: FoundIds) => void;
}

export interface FoundIds {
  companies: ReadonlySet<string>;
  alliances: ReadonlySet<string>;
}

interface Found {
  companies: Set<string>;
  alliances: Set<string>;
}

function noteFound(found: Found, mentions: readonly Mention[]): void {
  for (const m of mentions) (m.type === 'company' ? found.companies : found.alliances).add(m.id);
}

/**
 * Lets the page run, then continues first. `scheduler.yield()` keeps our place at
 * the front of the queue; setTimeout(0) can wait behind a loading page's tasks
 * for a hundred milliseconds or more. A message to ourselves is the fallback.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export class Annotator {
  private readonly doc: Document;
  private readonly options: AnnotatorOptions;
  private matcher: Matcher | null = null;
  private readonly highlight: Highlight;
  private readonly registry: HighlightRegistry;
  private readonly focusHighlight: Highlight;
  private readonly byBlock = new Map<Element, PageMention[]>();
  private observer: MutationObserver | null = null;
  private readonly observedShadowRoots = new Set<ShadowRoot>();
  private pending = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private roots: Element[] = [];
  /** Set after the first scan: later scans may measure the page. */
  private laidOut = false;
  /** Progress of `streamWhileLoading`, until `annotate` takes over. */
  private stream: Stream | null = null;
  /** What streaming read, to check once the page is up (`verifyStreamed`). */
  private streamed: Streamed | null = null;

  constructor(doc: Document, options: AnnotatorOptions) {
    this.doc = doc;
    this.options = options;
    this.highlight = new Highlight();
    this.registry = new HighlightRegistry(this.highlight);
    this.focusHighlight = new Highlight();
    this.focusHighlight.priority = 1;
  }

  /**
   * Scans the article with `matcher`, replacing any earlier highlights, or
   * finishing what `streamWhileLoading` began with it. Resolves when done.
   */
  async annotate(matcher: Matcher): Promise<void> {
    const stream = this.stream;
    this.stopStreaming();
    this.roots = findArticleRoots(this.doc, this.options.hostname);
    let units: Element[] = this.roots;
    let generation = this.generation;
    let firstScreenDone = false;
    if (stream && stream.generation === generation && this.matcher === matcher) {
      units = this.afterStream(stream);
      stream.clock.measure('alliance-lens:stream');
      // The top of the article came first, and was read while loading.
      firstScreenDone = stream.chars >= FIRST_SCREEN_CHARS;
    } else {
      this.clearHighlights();
      this.matcher = matcher;
      generation = ++this.generation;
      CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
      CSS.highlights.set(FOCUS_HIGHLIGHT_NAME, this.focusHighlight);
    }
    this.startObserving();
    for (const sr of stream?.shadowRoots ?? []) this.observeShadowRoot(sr);
    // What streaming found is reported with the rest: one request for the cards' data.
    await this.scanElements(units, generation, firstScreenDone, stream?.found);
  }

  /**
   * Starts reading while the page is still loading: every article paragraph
   * the parser has finished (one with a next sibling) is scanned in short
   * tasks between the parser's own, so on a page still arriving from the
   * network the highlights keep pace with it, and at DOMContentLoaded
   * (`annotate`) little is left. Roots whose children are not all blocks
   * (text or inline elements right inside) are left for `annotate`.
   */
  streamWhileLoading(matcher: Matcher): void {
    if (this.doc.readyState !== 'loading') return;
    this.clearHighlights();
    this.matcher = matcher;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    CSS.highlights.set(FOCUS_HIGHLIGHT_NAME, this.focusHighlight);
    this.stream = {
      generation: ++this.generation,
      done: new Map(),
      unstreamable: new Set(),
      shadowRoots: [],
      timer: undefined,
      chars: 0,
      clock: new WorkClock(),
      elements: [],
      lengths: new Map(),
      found: { companies: new Set(), alliances: new Set() },
      idleSteps: 0,
      roots: [],
      rootsAt: -Infinity,
    };
    // No MutationObserver yet: it would hear of every node the parser adds, and
    // sorting those out cost more than the reading. It starts at DOMContentLoaded.
    this.nextStreamStep(this.stream, true);
  }

  /**
   * Queues the next step. While a page loads, Chromium runs the parser's tasks
   * ahead of timers and of ordinary tasks (a timer may not fire before the
   * page is parsed), so steps are posted as user-blocking: a step that ran out
   * of time (`urgent`: there is more to read) runs next; one that read all
   * there was looks again a few ms later, leaving the parser that time, and
   * only every 50 ms once nothing has arrived for a while (a page waiting on
   * the network). A look costs microseconds: the roots are found again only
   * every so often.
   */
  private nextStreamStep(stream: Stream, urgent: boolean, progressed = true): void {
    const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
    stream.idleSteps = progressed ? 0 : stream.idleSteps + 1;
    const delay = urgent ? 0 : stream.idleSteps > 100 ? STREAM_IDLE_MS : STREAM_LOOK_MS;
    if (typeof scheduler?.postTask === 'function') {
      const controller = new AbortController();
      stream.timer = controller;
      scheduler
        .postTask(() => this.safeStreamStep(), {
          priority: 'user-blocking',
          delay,
          signal: controller.signal,
        })
        .catch(() => {}); // aborted
    } else stream.timer = setTimeout(() => this.safeStreamStep(), delay);
  }

  /** A step that fails ends streaming; DOMContentLoaded reads the rest as usual. */
  private safeStreamStep(): void {
    try {
      this.streamStep();
    } catch (e) {
      console.warn('[alliance-lens] reading while the page loads stopped:', e);
      if (this.stream) this.stream.timer = undefined;
    }
  }

  private stopStreaming(): void {
    const timer = this.stream?.timer;
    if (timer instanceof AbortController) timer.abort();
    else clearTimeout(timer);
    this.stream = null;
  }

  /** One task of `streamWhileLoading`. */
  private streamStep(): void {
    const stream = this.stream;
    if (!stream || stream.generation !== this.generation || this.doc.readyState !== 'loading')
      return;
    const start = performance.now();
    // Finding the roots queries the whole page so far: not on every look.
    if (start - stream.rootsAt > STREAM_ROOTS_MS) {
      stream.roots = findArticleRoots(this.doc, this.options.hostname);
      stream.rootsAt = start;
    }
    const roots = stream.roots;
    const add = (blocks: TextBlock[]) => {
      for (const block of blocks) {
        stream.chars += block.text.length;
        noteFound(stream.found, this.addBlock(block));
      }
    };
    const onShadowRoot = (sr: ShadowRoot) => {
      // Declarative shadow DOM is there as soon as its host is parsed.
      stream.shadowRoots.push(sr);
      add(collectBlocks(sr, onShadowRoot, (el) => stream.elements.push(el)));
    };
    // The body is the last resort of a finished page; while it loads, the article may be yet to come.
    const waiting = roots.length === 1 && roots[0] === this.doc.body;
    let more = false;
    const readBefore = stream.elements.length;
    scan: for (const root of waiting ? [] : roots) {
      if (stream.unstreamable.has(root)) continue;
      const last = stream.done.get(root) ?? null;
      if (last && last.parentNode !== root) {
        stream.unstreamable.add(root);
        continue;
      }
      stream.done.set(root, last);
      for (
        let child = last ? last.nextSibling : root.firstChild;
        child;
        child = child.nextSibling
      ) {
        if (!child.nextSibling) break; // the parser may still be inside it
        if (!isStreamable(child)) {
          stream.unstreamable.add(root);
          break;
        }
        if (child instanceof Element && !isSkippedElement(child)) {
          stream.elements.push(child);
          stream.lengths.set(child, child.textContent?.length ?? 0);
          add(collectBlocks(child, onShadowRoot, (el) => stream.elements.push(el)));
        }
        stream.done.set(root, child);
        if (performance.now() - start > TASK_BUDGET_MS) {
          more = true;
          break scan;
        }
      }
    }
    stream.clock.worked(start);
    this.nextStreamStep(stream, more, stream.elements.length !== readBefore);
  }

  /**
   * What is left to scan at DOMContentLoaded after streaming: the children
   * after each root's last one read. Mentions in roots that are roots no more,
   * or that could not be streamed, are dropped and those roots read whole.
   */
  private afterStream(stream: Stream): Element[] {
    // Also drops blocks gone from the page.
    this.dropMentionsWithin(
      [...stream.done.keys()].filter(
        (root) => !this.roots.includes(root) || stream.unstreamable.has(root),
      ),
    );
    const units: Element[] = [];
    for (const root of this.roots) {
      const last = stream.done.get(root);
      const rest: Element[] = [];
      let whole = last === undefined || stream.unstreamable.has(root);
      if (!whole && last && last.parentNode !== root) whole = true;
      for (let c = last ? last.nextSibling : root.firstChild; c && !whole; c = c.nextSibling) {
        if (!isStreamable(c)) whole = true;
        else if (c instanceof Element && !isSkippedElement(c)) rest.push(c);
      }
      if (whole) {
        this.dropMentionsWithin([root]);
        units.push(root);
      } else units.push(...rest);
    }
    this.streamed = {
      blocks: [...this.byBlock.keys()],
      elements: stream.elements,
      lengths: stream.lengths,
    };
    return units;
  }

  /**
   * Page scripts may change paragraphs already read while the page loaded,
   * before the MutationObserver starts at DOMContentLoaded. Once the page is
   * up, every mention read then is checked against the text now there, and
   * blocks where one no longer is are read again; so are paragraphs whose
   * text has grown or shrunk since (a name may have come in), and shadow
   * roots attached since to elements read then. (In short tasks: the
   * highlights are up already.)
   */
  private async verifyStreamed(generation: number): Promise<void> {
    const read = this.streamed;
    this.streamed = null;
    if (!read) return;
    const slicer = new TaskSlicer();
    const changed: (Element | ShadowRoot)[] = [];
    for (const [child, length] of read.lengths) {
      if (generation !== this.generation) return;
      if (child.isConnected && child.textContent?.length !== length) changed.push(child);
      if (slicer.due) await slicer.next();
    }
    for (const el of read.elements) {
      if (generation !== this.generation) return;
      const sr = el.shadowRoot;
      if (sr && !this.observedShadowRoots.has(sr) && el.isConnected) {
        this.observeShadowRoot(sr);
        changed.push(sr);
      }
      if (slicer.due) await slicer.next();
    }
    for (const block of read.blocks) {
      if (generation !== this.generation) return;
      const list = this.byBlock.get(block);
      if (list && (!block.isConnected || !list.every((m) => m.intact()))) changed.push(block);
      if (slicer.due) await slicer.next();
    }
    if (generation !== this.generation || !changed.length) return;
    // Each once, outermost only: a changed paragraph may hold a changed block of its own.
    const set = new Set<Node>(changed);
    const inChanged = (u: Node) => {
      for (let p = u.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
      return false;
    };
    const units = [...set].filter((u) => u.isConnected && !inChanged(u)) as (
      | Element
      | ShadowRoot
    )[];
    this.dropMentionsWithin(units.filter((u): u is Element => u instanceof Element));
    await this.scanElements(units, generation);
  }

  /** Every mention in reading order. Sorts blocks, not mentions: a long page has thousands. */
  mentions(): PageMention[] {
    const blocks = [...this.byBlock.keys()].filter((b) => b.isConnected);
    blocks.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return blocks.flatMap((b) => this.byBlock.get(b)!);
  }

  /** The ids mentioned on the page (no ordering, so cheap enough for every card). */
  mentionedIds(): Set<string> {
    const ids = new Set<string>();
    for (const list of this.byBlock.values()) for (const m of list) ids.add(m.id);
    return ids;
  }

  /** Open shadow roots holding article text, for hit-testing inside them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observedShadowRoots].filter((sr) => sr.host.isConnected);
  }

  /** The mention under a caret position, if any. */
  mentionAtCaret(node: Node, offset: number): PageMention | undefined {
    if (node.nodeType !== 3) return undefined;
    const block = blockOfText(node as Text);
    return block ? this.byBlock.get(block)?.find((m) => m.contains(node, offset)) : undefined;
  }

  setFocused(mention: PageMention | null): void {
    this.focusHighlight.clear();
    if (mention) this.focusHighlight.add(mention.range);
  }

  /** Removes every highlight and stops watching the page. */
  clear(): void {
    this.stopStreaming();
    this.streamed = null;
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
    this.registry.clear();
    this.focusHighlight.clear();
    this.byBlock.clear();
  }

  /**
   * Scans elements block by block, what is on screen first (a long article's
   * first screen should not wait for its last paragraph), yielding to the page
   * whenever a task grows long. Marks `alliance-lens:first-screen` and
   * `alliance-lens:complete` in the performance timeline for the benchmarks,
   * and measures `alliance-lens:scan` with the time worked in `detail`.
   */
  private async scanElements(
    elements: Iterable<Element | ShadowRoot>,
    generation: number,
    firstScreenDone = false,
    found: Found = { companies: new Set(), alliances: new Set() },
  ): Promise<void> {
    const clock = new WorkClock();
    let taskStart = clock.start;
    const win = this.doc.defaultView;
    // A page that has just loaded shows its beginning: no need to measure. Even reading
    // scrollY would force the first layout of a long page (hundreds of ms) into this task.
    const atTop = !this.laidOut && !win?.location.hash && !restoresScroll(win);
    let budget = this.laidOut ? TASK_BUDGET_MS : FIRST_TASK_BUDGET_MS;
    this.laidOut = true;
    const onScreen: (Element | ShadowRoot)[] = [];
    const offScreen: (Element | ShadowRoot)[] = [];
    let topBudget = firstScreenDone ? 0 : FIRST_SCREEN_CHARS;
    for (const el of elements) {
      const split = atTop
        ? splitAtTop(el, topBudget)
        : splitAtViewport(el, win?.innerHeight ?? 1000);
      if (atTop)
        topBudget = Math.max(
          0,
          topBudget - split.onScreen.reduce((n, u) => n + (u.textContent?.length ?? 0), 0),
        );
      onScreen.push(...split.onScreen);
      offScreen.push(...split.offScreen);
    }
    let firstScreenChars = 0;
    for (const [queue, mark] of [
      [onScreen, FIRST_SCREEN_MARK],
      [offScreen, 'alliance-lens:complete'],
    ] as const) {
      // (An index, not shift(): a long article's queue holds thousands of paragraphs.)
      for (let next = 0, unit = queue[0]; unit; unit = queue[++next]) {
        const blocks = collectBlocks(unit, (sr) => {
          queue.push(sr);
          this.observeShadowRoot(sr);
        });
        for (const block of blocks) {
          if (generation !== this.generation) return;
          noteFound(found, this.addBlock(block));
          // The first screen is small (a few thousand characters) and runs in one go:
          // yielding there would put it behind the page's own first render.
          if (mark === FIRST_SCREEN_MARK) firstScreenChars += block.text.length;
          const inFirstScreen =
            mark === FIRST_SCREEN_MARK && firstScreenChars < 4 * FIRST_SCREEN_CHARS;
          if (!inFirstScreen && performance.now() - taskStart > budget) {
            clock.worked(taskStart);
            budget = TASK_BUDGET_MS;
            await yieldToPage();
            if (generation !== this.generation) return;
            taskStart = performance.now();
          }
        }
      }
      performance.mark(mark);
    }
    clock.worked(taskStart);
    clock.measure('alliance-lens:scan');
    if (found.companies.size || found.alliances.size) this.options.onChange?.(found);
    await this.pruneHidden(generation);
    await this.verifyStreamed(generation);
  }

  /**
   * Drops mentions in text that styles hide (display: none, visibility: hidden),
   * after the highlights are up: asking for styles earlier would force the
   * page's first style pass into the first scan. Hidden text is never painted,
   * so its highlights were invisible in the meantime.
   */
  private async pruneHidden(generation: number): Promise<void> {
    // After the browser's own next frame its styles are fresh, and asking is cheap.
    // (Background tabs get no frames; don't wait long for one.)
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 300);
    });
    if (generation !== this.generation) return;
    const slicer = new TaskSlicer();
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
      if (generation !== this.generation) return;
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

  /** Matches one block and records its mentions; returns them. */
  private addBlock(block: TextBlock): Mention[] {
    const found = this.matcher!.findMentions(block.text);
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

  /**
   * Drops the mentions of every block inside any of `els`, and of blocks gone
   * from the page, in one pass over the blocks: one pass per changed element
   * made a burst of many changed blocks quadratic.
   */
  private dropMentionsWithin(els: readonly Element[]): void {
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
    const outermost = outermostOf(dirty);
    // Blocks removed from the page lose their ranges too, even when nothing else changed.
    this.dropMentionsWithin(outermost);
    await this.scanElements(outermost, this.generation);
  }
}

interface Stream {
  generation: number;
  /** By root: its last child read (null: none yet). */
  done: Map<Element, ChildNode | null>;
  /** Roots with text or inline elements right inside: read whole at DOMContentLoaded. */
  unstreamable: Set<Element>;
  shadowRoots: ShadowRoot[];
  timer: ReturnType<typeof setTimeout> | AbortController | undefined;
  /** Characters read so far. */
  chars: number;
  clock: WorkClock;
  /** Elements read, none with a shadow root then (see `verifyStreamed`). */
  elements: Element[];
  /** The length of each root child's text when it was read (see `verifyStreamed`). */
  lengths: Map<Element, number>;
  /** Ids of what was found, reported at DOMContentLoaded. */
  found: Found;
  /** Looks in a row that found nothing new. */
  idleSteps: number;
  /** The article roots as last found, and when. */
  roots: Element[];
  rootsAt: number;
}

/** The parts of the Prioritized Task Scheduling API used here. */
interface Scheduler {
  postTask?: (
    task: () => void,
    options: { priority: 'user-blocking'; delay: number; signal: AbortSignal },
  ) => Promise<void>;
  yield?: () => Promise<void>;
}

/** A child a root can be read by: a block element, blank text, or a comment. */
function isStreamable(node: ChildNode): boolean {
  if (node.nodeType === 3) return !/\S/.test((node as Text).data);
  if (node.nodeType !== 1) return true;
  return !isInlineTag((node as Element).tagName);
}

/** What `streamWhileLoading` read: blocks, elements, and root children with their text's length. */
interface Streamed {
  blocks: Element[];
  elements: Element[];
  lengths: Map<Element, number>;
}

/**
 * Work in tasks of about TASK_BUDGET_MS: `if (slicer.due) await slicer.next()`
 * lets the page run once a task has run that long (checked without an await,
 * so a loop over thousands of items does not hop through microtasks).
 */
class TaskSlicer {
  private start = performance.now();

  get due(): boolean {
    return performance.now() - this.start > TASK_BUDGET_MS;
  }

  async next(): Promise<void> {
    await yieldToPage();
    this.start = performance.now();
  }
}

/** Time worked across the tasks of one scan, for the benchmarks. */
class WorkClock {
  readonly start = performance.now();
  private busyMs = 0;
  private longestTaskMs = 0;
  private tasks = 0;

  /** A stretch of work that began at `since` ends now. */
  worked(since: number): void {
    const ms = performance.now() - since;
    this.busyMs += ms;
    this.longestTaskMs = Math.max(this.longestTaskMs, ms);
    this.tasks++;
  }

  measure(name: string): void {
    const { busyMs, longestTaskMs, tasks } = this;
    performance.measure(name, { start: this.start, detail: { busyMs, longestTaskMs, tasks } });
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

function blockElementOf(el: Element): Element {
  let cur: Element = el;
  while (isInlineTag(cur.tagName) && cur.parentElement) cur = cur.parentElement;
  return cur;
}

const FIRST_SCREEN_MARK = 'alliance-lens:first-screen';

/** About a screenful and a half of article text, for splitting without measuring. */
const FIRST_SCREEN_CHARS = 3000;

/** Splits a long container into its first children (up to `budget` characters) and the rest. */
export function splitAtTop(
  root: Element | ShadowRoot,
  budget: number,
): { onScreen: (Element | ShadowRoot)[]; offScreen: (Element | ShadowRoot)[] } {
  if (!isSplittable(root))
    return budget > 0 ? { onScreen: [root], offScreen: [] } : { onScreen: [], offScreen: [root] };
  const kids = readableChildren(root as Element);
  let i = 0;
  for (let chars = 0; i < kids.length && chars < budget; i++)
    chars += kids[i].textContent?.length ?? 0;
  return { onScreen: kids.slice(0, i), offScreen: kids.slice(i) };
}

/** The children a split scans on their own: never a script, a form or page chrome. */
const readableChildren = (root: Element): Element[] =>
  [...root.children].filter((k) => !isSkippedElement(k));

function isSplittable(root: Element | ShadowRoot): boolean {
  if (!(root instanceof Element) || root.childElementCount < 16) return false;
  // Text right inside the root or inline children would be cut apart from their block.
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 ? /\S/.test((n as Text).data) : isInlineTag((n as Element).tagName ?? ''))
      return false;
  }
  return true;
}

/**
 * Splits a long container into its children, those on or near the screen first.
 * Children of an article follow each other down the page, so a binary search
 * over their boxes finds the screen without measuring every paragraph.
 */
export function splitAtViewport(
  root: Element | ShadowRoot,
  viewportHeight: number,
): { onScreen: (Element | ShadowRoot)[]; offScreen: (Element | ShadowRoot)[] } {
  if (!isSplittable(root)) return { onScreen: [root], offScreen: [] };
  const kids = readableChildren(root as Element);
  const margin = viewportHeight / 2;
  const firstBelow = (edge: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = kids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edge(kids[mid].getBoundingClientRect())) hi = mid;
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

/** Back/forward navigation restores the scroll position: the page may not be at its top. */
function restoresScroll(win: Window | null): boolean {
  const nav = win?.performance.getEntriesByType('navigation')[0] as
    | PerformanceNavigationTiming
    | undefined;
  return nav?.type === 'back_forward';
}
