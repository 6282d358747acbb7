// Decides which mention ranges sit in the CSS highlight registry. Chromium
// re-checks every registered range whenever the registry changes, so tens of
// thousands of ranges make each update cost tens of milliseconds, and its
// pre-paint a second. Small pages register everything at once; past
// EAGER_LIMIT, only blocks on or near the screen are registered, following the
// reader's scrolling. A block with many mentions of its own (an article body
// that is one element) is windowed by range instead (range-window.ts).
import { LONG_BLOCK_MENTIONS, type Ranged, RangeWindow } from './range-window';

export type { Ranged } from './range-window';

/** Above this many mentions, ranges are registered only near the viewport. */
export const EAGER_LIMIT = 3000;

export class HighlightRegistry {
  private readonly highlight: Highlight;
  private readonly rangesOf = new Map<Element, Ranged[]>();
  /** Long blocks, windowed by range. */
  private readonly windows = new Map<Element, RangeWindow>();
  private count = 0;
  private io: IntersectionObserver | null = null;
  /** Tells when a long block comes near the screen or leaves it. */
  private longIo: IntersectionObserver | null = null;
  private frame = 0;
  /** Set once the windows have followed the page's layout: new ones must too. */
  private measured = false;
  private scratch: Range | null = null;
  private view: Window | null = null;
  private readonly onScroll = () => this.scheduleUpdate();

  constructor(highlight: Highlight) {
    this.highlight = highlight;
  }

  get windowed(): boolean {
    return this.io !== null;
  }

  /**
   * Adds one block's mentions, registering their ranges now or when the block
   * nears the screen (a range is only made then).
   */
  addBlock(block: Element, mentions: readonly Ranged[]): void {
    const win = this.windows.get(block);
    if (win) {
      win.add(mentions);
      if (win.isMeasured) this.scheduleUpdate();
      return;
    }
    const existing = this.rangesOf.get(block);
    const list = existing ?? [];
    list.push(...mentions);
    if (!existing) this.rangesOf.set(block, list);
    this.count += mentions.length;
    if (list.length > LONG_BLOCK_MENTIONS) {
      this.toWindow(block, list);
      return;
    }
    if (this.io) this.io.observe(block);
    else {
      for (const m of mentions) this.highlight.add(m.range);
      if (this.count > EAGER_LIMIT) this.goWindowed();
    }
  }

  removeBlock(block: Element): void {
    const win = this.windows.get(block);
    if (win) {
      win.clear();
      this.windows.delete(block);
      this.longIo?.unobserve(block);
      return;
    }
    const mentions = this.rangesOf.get(block);
    if (!mentions) return;
    for (const m of mentions) if (m.madeRange) this.highlight.delete(m.madeRange);
    this.count -= mentions.length;
    this.rangesOf.delete(block);
    this.io?.unobserve(block);
  }

  clear(): void {
    this.io?.disconnect();
    this.io = null;
    this.longIo?.disconnect();
    this.longIo = null;
    this.view?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.view?.removeEventListener('resize', this.onScroll);
    this.view = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.scratch = null;
    this.measured = false;
    this.rangesOf.clear();
    this.windows.clear();
    this.count = 0;
    this.highlight.clear();
  }

  /**
   * Brings the long blocks' windows to where the reader is. Called once the
   * page has been laid out (after its first frame), then on every scroll.
   */
  updateWindows(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.windows.size || !this.scratch) return;
    this.measured = true;
    const h = this.view?.innerHeight ?? 1000;
    for (const win of this.windows.values()) win.update(-h, 2 * h, this.scratch);
  }

  /** The block has too many mentions to register at once: it is windowed by range from now on. */
  private toWindow(block: Element, list: Ranged[]): void {
    for (const m of list) if (m.madeRange) this.highlight.delete(m.madeRange);
    this.count -= list.length;
    this.rangesOf.delete(block);
    this.io?.unobserve(block);
    const win = new RangeWindow(this.highlight);
    this.windows.set(block, win);
    win.add(list);
    if (!this.scratch) this.listen(block.ownerDocument);
    this.longIo?.observe(block);
    // Read again (changed, or hidden text dropped) after the reader may have scrolled.
    if (this.measured) this.scheduleUpdate();
  }

  /** Follows scrolling and resizing, and long blocks leaving or nearing the screen. */
  private listen(doc: Document): void {
    this.scratch = doc.createRange();
    this.view = doc.defaultView;
    this.view?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.view?.addEventListener('resize', this.onScroll, { passive: true });
    this.longIo = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const w = this.windows.get(e.target);
          if (!w) continue;
          if (!e.isIntersecting) w.hide();
          // The first report of a page at its top needs no measuring (see FIRST_WINDOW_MENTIONS).
          else if (w.isMeasured) this.scheduleUpdate();
        }
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
  }

  /** One update in the next frame, however many scroll events come before it. */
  private scheduleUpdate(): void {
    if (this.frame || !this.windows.size) return;
    this.frame = requestAnimationFrame(() => this.updateWindows());
  }

  private goWindowed(): void {
    // What is registered stays until the observer's first report, which registers the blocks
    // in the window and drops the others: clearing now would paint a frame with no highlight.
    // A screen above and below, as a percentage: reading innerHeight here may force the
    // first layout of a long page that is still loading (a second and more) into this task.
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: '100% 0px 100% 0px',
    });
    const io = this.io;
    for (const block of this.rangesOf.keys()) io.observe(block);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const mentions = this.rangesOf.get(e.target);
      if (!mentions) continue;
      for (const m of mentions) {
        if (e.isIntersecting) this.highlight.add(m.range);
        else if (m.madeRange) this.highlight.delete(m.madeRange);
      }
    }
  }
}
