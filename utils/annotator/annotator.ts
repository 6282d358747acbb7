// The only code that reads the page's text. It never changes the page: every
// mention becomes a Range registered in CSS.highlights under `alliance-lens`.
// This module coordinates the scans; each part of the work has its module:
// mentions (what was found), stream (reading while loading), screen-split (what
// is on screen first), tasks (budgets and yielding) and watch (page changes).
import type { Matcher } from '../matcher';
import { collectBlocks } from './blocks';
import {
  type Found,
  type FoundIds,
  noneFound,
  noteFound,
  type PageMention,
  PageMentions,
} from './mentions';
import { findArticleRoots, useSiteRules } from './scope';
import {
  FIRST_SCREEN_CHARS,
  restoresScroll,
  type ScanUnit,
  type ScreenPosition,
  splitForScreen,
} from './screen-split';
import { changedSinceStreamed, PageStream, type StreamedRead } from './stream';
import {
  afterNextFrame,
  FIRST_TASK_BUDGET_MS,
  TASK_BUDGET_MS,
  TaskSlicer,
  WorkClock,
} from './tasks';
import { changedBlocks, PageWatcher } from './watch';

export type { FoundIds, PageMention } from './mentions';
export { splitAtTop, splitAtViewport } from './screen-split';

/** Public contract: tests and user styles use `::highlight(alliance-lens)`. */
export const HIGHLIGHT_NAME = 'alliance-lens';
/** The mention whose card is open. */
export const FOCUS_HIGHLIGHT_NAME = 'alliance-lens-focus';

// Performance timeline marks, read by the benchmarks and the end-to-end tests.
const FIRST_SCREEN_MARK = 'alliance-lens:first-screen';
const COMPLETE_MARK = 'alliance-lens:complete';
/** A scan finished and nothing is left to read: not even page changes waiting. */
const SETTLED_MARK = 'alliance-lens:settled';
/** Marked when reading starts again after the page had settled: tests wait for the next settled. */
const READING_MARK = 'alliance-lens:reading';

export interface AnnotatorOptions {
  hostname: string;
  /** Called after each scan or re-scan that found mentions, with the ids found. */
  onChange?: (found: FoundIds) => void;
}

/**
 * One scan of the article, from `annotate` (or `streamWhileLoading`) until the
 * next one or `clear()`, with the re-reads of page changes in between. Aborting
 * stops all of its work at its next turn.
 */
interface Scan {
  readonly controller: AbortController;
  /** Its pieces of work still running: the page settles when none are. */
  running: number;
}

export class Annotator {
  private readonly doc: Document;
  private readonly options: AnnotatorOptions;
  private matcher: Matcher | null = null;
  private readonly highlight = new Highlight();
  private readonly focusHighlight = new Highlight();
  private readonly pageMentions: PageMentions;
  private readonly watcher: PageWatcher;
  private scan: Scan | null = null;
  private roots: Element[] = [];
  /** Set after the first scan: later scans may measure the page. */
  private laidOut = false;
  /** Reading while loading, until `annotate` takes over. */
  private stream: PageStream | null = null;
  /** What streaming read, to check once the page is up. */
  private streamed: StreamedRead | null = null;

  constructor(doc: Document, options: AnnotatorOptions) {
    this.doc = doc;
    this.options = options;
    useSiteRules(doc, options.hostname);
    this.pageMentions = new PageMentions(this.highlight);
    this.focusHighlight.priority = 1;
    this.watcher = new PageWatcher(doc, (nodes) => this.onPageChanged(nodes));
  }

  /**
   * Scans the article with `matcher`, replacing any earlier highlights, or
   * finishing what `streamWhileLoading` began with it. Resolves when done.
   */
  async annotate(matcher: Matcher): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    stream?.stop();
    this.roots = findArticleRoots(this.doc, this.options.hostname);
    let units: ScanUnit[] = this.roots;
    let firstScreenDone = false;
    let scan = this.scan;
    if (stream && scan && this.matcher === matcher) {
      const taken = stream.takeOver(this.roots);
      units = taken.units;
      this.streamed = taken.read;
      stream.clock.measure('alliance-lens:stream');
      // The top of the article came first, and was read while loading.
      firstScreenDone = stream.chars >= FIRST_SCREEN_CHARS;
    } else scan = this.startScan(matcher);
    this.watcher.start();
    for (const sr of stream?.shadowRoots ?? []) this.watcher.observeShadowRoot(sr);
    // What streaming found is reported with the rest: one request for the cards' data.
    const found = stream?.found;
    await this.track(scan, (signal) => this.read(units, signal, firstScreenDone, found));
  }

  /**
   * Starts reading while the page is still loading (see stream.ts); `annotate`
   * at DOMContentLoaded finishes the job.
   */
  streamWhileLoading(matcher: Matcher): void {
    if (this.doc.readyState !== 'loading') return;
    const { signal } = this.startScan(matcher).controller;
    // No watcher yet: it would hear of every node the parser adds, and sorting
    // those out cost more than the reading. It starts at DOMContentLoaded.
    this.stream = new PageStream(
      this.doc,
      this.options.hostname,
      matcher,
      this.pageMentions,
      signal,
    );
    this.stream.start();
  }

  /** Every mention in reading order. */
  mentions(): PageMention[] {
    return this.pageMentions.inReadingOrder();
  }

  /** The ids mentioned on the page (no ordering, so cheap enough for every card). */
  mentionedIds(): Set<string> {
    return this.pageMentions.ids();
  }

  /** Open shadow roots holding article text, for hit-testing inside them. */
  shadowRoots(): ShadowRoot[] {
    return this.watcher.shadowRoots();
  }

  /** The mention under a caret position, if any. */
  mentionAtCaret(node: Node, offset: number): PageMention | undefined {
    return this.pageMentions.atCaret(node, offset);
  }

  setFocused(mention: PageMention | null): void {
    this.focusHighlight.clear();
    if (mention) this.focusHighlight.add(mention.range);
  }

  /** Removes every highlight and stops watching the page. */
  clear(): void {
    this.scan?.controller.abort();
    this.scan = null;
    this.stream = null;
    this.streamed = null;
    this.watcher.stop();
    this.clearHighlights();
    CSS.highlights.delete(HIGHLIGHT_NAME);
    CSS.highlights.delete(FOCUS_HIGHLIGHT_NAME);
  }

  /** Cancels the scan under way and starts afresh with `matcher`. */
  private startScan(matcher: Matcher): Scan {
    this.scan?.controller.abort();
    this.scan = { controller: new AbortController(), running: 0 };
    this.clearHighlights();
    this.matcher = matcher;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    CSS.highlights.set(FOCUS_HIGHLIGHT_NAME, this.focusHighlight);
    return this.scan;
  }

  private clearHighlights(): void {
    this.pageMentions.clear();
    this.focusHighlight.clear();
  }

  /**
   * Runs one piece of a scan's work; a cancelled one ends quietly. When the
   * last piece ends with no page changes waiting, marks the page settled.
   */
  private async track(scan: Scan, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const { signal } = scan.controller;
    if (scan.running++ === 0) performance.mark(READING_MARK);
    try {
      await work(signal);
    } catch (e) {
      if (signal.aborted) return;
      throw e;
    } finally {
      scan.running--;
    }
    if (scan.running === 0 && !signal.aborted && !this.watcher.waiting)
      performance.mark(SETTLED_MARK);
  }

  /** Re-reads only the blocks that changed; removed content drops its ranges. */
  private onPageChanged(nodes: Node[]): void {
    if (!this.matcher || !this.scan) return;
    if (this.roots.some((r) => !r.isConnected) || this.roots.length === 0) {
      // The article itself was replaced (SPA navigation): start over.
      void this.annotate(this.matcher);
      return;
    }
    const blocks = changedBlocks(nodes, this.roots);
    // Blocks removed from the page lose their ranges too, even when nothing else changed.
    this.pageMentions.dropWithin(blocks);
    void this.track(this.scan, (signal) => this.read(blocks, signal));
  }

  /**
   * Reads `units`, reports what was found, then tidies up once the highlights
   * are up: drops what styles hide, and checks what was read while loading.
   */
  private async read(
    units: Iterable<ScanUnit>,
    signal: AbortSignal,
    firstScreenDone = false,
    found: Found = noneFound(),
  ): Promise<void> {
    await this.scanUnits(units, signal, firstScreenDone, found);
    if (found.companies.size || found.alliances.size) this.options.onChange?.(found);
    await afterNextFrame();
    signal.throwIfAborted();
    // Laid out now: long blocks' windows can be measured (the page may not be at its top).
    this.pageMentions.updateWindows();
    await this.pageMentions.dropHidden(signal);
    const streamed = this.streamed;
    this.streamed = null;
    if (!streamed) return;
    const changed = await changedSinceStreamed(streamed, this.pageMentions, this.watcher, signal);
    if (!changed.length) return;
    this.pageMentions.dropWithin(changed.filter((u): u is Element => u instanceof Element));
    await this.read(changed, signal);
  }

  /**
   * Scans units block by block, what is on screen first, yielding to the page
   * whenever a task grows long. Marks `alliance-lens:first-screen` and
   * `alliance-lens:complete` in the performance timeline for the benchmarks,
   * and measures `alliance-lens:scan` with the time worked in `detail`.
   */
  private async scanUnits(
    units: Iterable<ScanUnit>,
    signal: AbortSignal,
    firstScreenDone: boolean,
    found: Found,
  ): Promise<void> {
    const clock = new WorkClock();
    const matcher = this.matcher!;
    const win = this.doc.defaultView;
    // A page that has just loaded shows its beginning: no need to measure.
    const atTop = !this.laidOut && !win?.location.hash && !restoresScroll(win);
    const slicer = new TaskSlicer(signal, {
      clock,
      firstBudgetMs: this.laidOut ? TASK_BUDGET_MS : FIRST_TASK_BUDGET_MS,
    });
    this.laidOut = true;
    const screen: ScreenPosition = atTop
      ? { atTop, topChars: firstScreenDone ? 0 : FIRST_SCREEN_CHARS }
      : { atTop, height: win?.innerHeight ?? 1000 };
    const { onScreen, offScreen } = splitForScreen(units, screen);
    let firstScreenChars = 0;
    for (const [queue, mark] of [
      [onScreen, FIRST_SCREEN_MARK],
      [offScreen, COMPLETE_MARK],
    ] as const) {
      // (An index, not shift(): a long article's queue holds thousands of paragraphs.)
      for (let next = 0, unit = queue[0]; unit; unit = queue[++next]) {
        const blocks = collectBlocks(unit, (sr) => {
          queue.push(sr);
          this.watcher.observeShadowRoot(sr);
        });
        for (const block of blocks) {
          noteFound(found, this.pageMentions.read(block, matcher));
          // The first screen is small (a few thousand characters) and runs in one go:
          // yielding there would put it behind the page's own first render.
          if (mark === FIRST_SCREEN_MARK) firstScreenChars += block.text.length;
          const inFirstScreen =
            mark === FIRST_SCREEN_MARK && firstScreenChars < 4 * FIRST_SCREEN_CHARS;
          if (!inFirstScreen && slicer.due) await slicer.next();
        }
      }
      performance.mark(mark);
    }
    slicer.end();
    clock.measure('alliance-lens:scan');
  }
}
