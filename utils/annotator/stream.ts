// Reading while the page loads: every article paragraph the parser has
// finished (one with a next sibling) is read in short tasks between the
// parser's own, so on a page still arriving from the network the highlights
// keep pace with it, and at DOMContentLoaded little is left. A body of text
// and <br>s (Digital Times and many Korean sites) is read the same way, one
// finished line at a time: the text up to each <br> or block child.
import type { Matcher } from '../matcher';
import {
  type ChildRun,
  collectBlocks,
  isInlineTag,
  isSkippedElement,
  type TextBlock,
} from './blocks';
import { type Found, noneFound, noteFound, type PageMentions } from './mentions';
import { findArticleRoots } from './scope';
import type { ScanUnit } from './screen-split';
import { postUrgentTask, TASK_BUDGET_MS, TaskSlicer, WorkClock } from './tasks';
import type { PageWatcher } from './watch';

/** Wait between looks at a loading page, for the parser to add more. */
const STREAM_LOOK_MS = 4;
/** Wait between looks at a page that is loading but has sent nothing new for a while. */
const STREAM_IDLE_MS = 50;
/** How long found article roots are trusted while the page loads. */
const STREAM_ROOTS_MS = 30;

/** What reading while loading read, to check once the page is up (`changedSinceStreamed`). */
export interface StreamedRead {
  blocks: Element[];
  /** Elements read, none with a shadow root then. */
  elements: Element[];
  /** The length of each root child's text when it was read. */
  lengths: Map<Element, number>;
}

export class PageStream {
  /** Ids of what was found, reported at DOMContentLoaded. */
  readonly found: Found = noneFound();
  readonly shadowRoots: ShadowRoot[] = [];
  readonly clock = new WorkClock();
  /** Characters read so far. */
  chars = 0;
  private readonly doc: Document;
  private readonly hostname: string;
  private readonly matcher: Matcher;
  private readonly mentions: PageMentions;
  private readonly signal: AbortSignal;
  /** By root: its last child read (null: none yet). */
  private readonly done = new Map<Element, ChildNode | null>();
  /** Roots changed under the stream (its last child read moved): read whole at DOMContentLoaded. */
  private readonly unstreamable = new Set<Element>();
  private readonly elements: Element[] = [];
  private readonly lengths = new Map<Element, number>();
  /** Looks in a row that found nothing new. */
  private idleSteps = 0;
  /** The article roots as last found, and when. */
  private roots: Element[] = [];
  private rootsAt = -Infinity;
  private step: AbortController | null = null;
  private frame = 0;

  /** Reads until `stop()`, the page's DOMContentLoaded, or `signal` aborting. */
  constructor(
    doc: Document,
    hostname: string,
    matcher: Matcher,
    mentions: PageMentions,
    signal: AbortSignal,
  ) {
    this.doc = doc;
    this.hostname = hostname;
    this.matcher = matcher;
    this.mentions = mentions;
    this.signal = signal;
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  start(): void {
    this.scheduleStep(true);
    this.frame = requestAnimationFrame(this.onFrame);
  }

  stop(): void {
    this.step?.abort();
    this.step = null;
    cancelAnimationFrame(this.frame);
  }

  /**
   * Also reads just before each frame while the page loads: a loading page is
   * painted between the parser's tasks, often before a task of ours gets its
   * turn, and what the parser added since is then painted with its highlights.
   */
  private readonly onFrame = (): void => {
    if (this.signal.aborted || !this.step || this.doc.readyState !== 'loading') return;
    try {
      // Once a frame, the article is looked for afresh if it had not come yet.
      this.readSome(true);
    } catch (e) {
      console.warn('[alliance-lens] reading while the page loads stopped:', e);
      this.stop();
      return;
    }
    this.frame = requestAnimationFrame(this.onFrame);
  };

  /**
   * Queues the next step: a step that ran out of time (`urgent`: there is more
   * to read) runs next; one that read all there was looks again a few ms
   * later, leaving the parser that time, and only every 50 ms once nothing has
   * arrived for a while (a page waiting on the network). A look costs
   * microseconds: the roots are found again only every so often.
   */
  private scheduleStep(urgent: boolean, progressed = true): void {
    this.idleSteps = progressed ? 0 : this.idleSteps + 1;
    const delay = urgent ? 0 : this.idleSteps > 100 ? STREAM_IDLE_MS : STREAM_LOOK_MS;
    this.step = new AbortController();
    postUrgentTask(() => this.safeStep(), delay, this.step.signal);
  }

  /** A step that fails ends streaming; DOMContentLoaded reads the rest as usual. */
  private safeStep(): void {
    try {
      this.readStep();
    } catch (e) {
      console.warn('[alliance-lens] reading while the page loads stopped:', e);
      this.step = null;
    }
  }

  private readStep(): void {
    if (this.signal.aborted || this.doc.readyState !== 'loading') return;
    const { more, progressed } = this.readSome();
    this.scheduleStep(more, progressed);
  }

  /** Reads what the parser has finished since the last look, for TASK_BUDGET_MS at most. */
  private readSome(beforeFrame = false): { more: boolean; progressed: boolean } {
    const start = performance.now();
    const articleYet =
      this.roots.length > 0 && !(this.roots.length === 1 && this.roots[0] === this.doc.body);
    // Finding the roots queries the whole page so far: not on every look.
    if (start - this.rootsAt > STREAM_ROOTS_MS || (beforeFrame && !articleYet)) {
      this.roots = findArticleRoots(this.doc, this.hostname);
      this.rootsAt = start;
    }
    const roots = this.roots;
    const add = (blocks: TextBlock[]) => {
      for (const block of blocks) {
        this.chars += block.text.length;
        noteFound(this.found, this.mentions.read(block, this.matcher));
      }
    };
    const onEl = (el: Element) => this.elements.push(el);
    const onShadowRoot = (sr: ShadowRoot) => {
      // Declarative shadow DOM is there as soon as its host is parsed.
      this.shadowRoots.push(sr);
      add(collectBlocks(sr, onShadowRoot, onEl));
    };
    // The body is the last resort of a finished page; while it loads, the article may be yet to come.
    const waiting = roots.length === 1 && roots[0] === this.doc.body;
    let more = false;
    let progressed = false;
    scan: for (const root of waiting ? [] : roots) {
      if (this.unstreamable.has(root)) continue;
      const last = this.done.get(root) ?? null;
      if (last && last.parentNode !== root) {
        this.unstreamable.add(root);
        continue;
      }
      this.done.set(root, last);
      // The line being read: from the child after the last one read to the next break.
      let lineStart = last ? last.nextSibling : root.firstChild;
      for (let child = lineStart; child; child = child.nextSibling) {
        if (!isLineBreak(child)) {
          if (!child.nextSibling) break; // the parser may still be adding to this line
          continue;
        }
        // A <br> is finished once there; a block, once something follows it.
        if (child.nodeName !== 'BR' && !child.nextSibling) break;
        if (lineStart && lineStart !== child)
          add(collectBlocks({ parent: root, first: lineStart, end: child }, onShadowRoot, onEl));
        if (child.nodeName !== 'BR' && !isSkippedElement(child as Element)) {
          const el = child as Element;
          this.elements.push(el);
          this.lengths.set(el, el.textContent?.length ?? 0);
          add(collectBlocks(el, onShadowRoot, onEl));
        }
        this.done.set(root, child);
        progressed = true;
        lineStart = child.nextSibling;
        if (performance.now() - start > TASK_BUDGET_MS) {
          more = true;
          break scan;
        }
      }
    }
    this.clock.worked(start);
    return { more, progressed };
  }

  /**
   * Ends reading while loading, at DOMContentLoaded: returns what is left to
   * read: the block children and the lines of text after each root's last
   * child read. Mentions in roots that are roots no more, or that changed under
   * the stream, are dropped and those roots read whole.
   */
  takeOver(roots: readonly Element[]): { units: ScanUnit[]; read: StreamedRead } {
    this.stop();
    // Also drops blocks gone from the page.
    this.mentions.dropWithin(
      [...this.done.keys()].filter((root) => !roots.includes(root) || this.unstreamable.has(root)),
    );
    const units: ScanUnit[] = [];
    for (const root of roots) {
      const last = this.done.get(root);
      if (last === undefined || this.unstreamable.has(root) || (last && last.parentNode !== root)) {
        this.mentions.dropWithin([root]);
        units.push(root);
      } else units.push(...restOf(root, last));
    }
    const read = { blocks: this.mentions.blocks(), elements: this.elements, lengths: this.lengths };
    return { units, read };
  }
}

/** What is left of a root after its child `last`: its block children, and its lines of text. */
function restOf(root: Element, last: ChildNode | null): ScanUnit[] {
  const rest: ScanUnit[] = [];
  let lineStart: ChildNode | null = null;
  for (let c = last ? last.nextSibling : root.firstChild; c; c = c.nextSibling) {
    if (isLineBreak(c)) {
      if (lineStart) rest.push({ parent: root, first: lineStart, end: c } satisfies ChildRun);
      lineStart = null;
      if (c.nodeName !== 'BR' && !isSkippedElement(c as Element)) rest.push(c as Element);
    } else if (!lineStart && !isBlank(c)) lineStart = c;
  }
  if (lineStart) rest.push({ parent: root, first: lineStart, end: null });
  return rest;
}

/**
 * Page scripts may change paragraphs already read while the page loaded,
 * before the watcher starts at DOMContentLoaded. Once the page is up, every
 * mention read then is checked against the text now there, and blocks where
 * one no longer is are to be read again; so are paragraphs whose text has
 * grown or shrunk since (a name may have come in), and shadow roots attached
 * since to elements read then (which the watcher starts watching). In short
 * tasks: the highlights are up already. Returns the outermost units to read.
 */
export async function changedSinceStreamed(
  read: StreamedRead,
  mentions: PageMentions,
  watcher: PageWatcher,
  signal: AbortSignal,
): Promise<ScanUnit[]> {
  const slicer = new TaskSlicer(signal);
  const changed: (Element | ShadowRoot)[] = [];
  for (const [child, length] of read.lengths) {
    if (child.isConnected && child.textContent?.length !== length) changed.push(child);
    if (slicer.due) await slicer.next();
  }
  for (const el of read.elements) {
    const sr = el.shadowRoot;
    if (sr && !watcher.hasSeen(sr) && el.isConnected) {
      watcher.observeShadowRoot(sr);
      changed.push(sr);
    }
    if (slicer.due) await slicer.next();
  }
  for (const block of read.blocks) {
    const list = mentions.of(block);
    if (list && (!block.isConnected || !list.every((m) => m.intact()))) changed.push(block);
    if (slicer.due) await slicer.next();
  }
  if (!changed.length) return [];
  // Each once, outermost only: a changed paragraph may hold a changed block of its own.
  const set = new Set<Node>(changed);
  const inChanged = (u: Node) => {
    for (let p = u.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
    return false;
  };
  return [...set].filter((u) => u.isConnected && !inChanged(u)) as ScanUnit[];
}

/** A child that ends a line of text: a <br> or a block element. */
function isLineBreak(node: ChildNode): boolean {
  return node.nodeType === 1 && !isInlineTag((node as Element).tagName);
}

/** Blank text or a comment: nothing to read. */
function isBlank(node: ChildNode): boolean {
  if (node.nodeType === 3) return !/\S/.test((node as Text).data);
  return node.nodeType !== 1;
}
