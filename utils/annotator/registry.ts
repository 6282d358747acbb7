// Decides which mention ranges sit in the CSS highlight registry. Chromium
// re-checks every registered range whenever the registry changes, so tens of
// thousands of ranges make each update cost tens of milliseconds. Small pages
// register everything at once; past EAGER_LIMIT, only blocks on or near the
// screen are registered, following the reader's scrolling.

/** Above this many mentions, ranges are registered only near the viewport. */
export const EAGER_LIMIT = 3000;

export class HighlightRegistry {
  private readonly highlight: Highlight;
  private readonly win: Window;
  private readonly rangesOf = new Map<Element, Range[]>();
  private count = 0;
  private io: IntersectionObserver | null = null;

  constructor(highlight: Highlight, win: Window) {
    this.highlight = highlight;
    this.win = win;
  }

  get windowed(): boolean {
    return this.io !== null;
  }

  /** Adds one block's ranges, registering them now or when the block nears the screen. */
  addBlock(block: Element, ranges: Range[]): void {
    const existing = this.rangesOf.get(block);
    if (existing) existing.push(...ranges);
    else this.rangesOf.set(block, [...ranges]);
    this.count += ranges.length;
    if (this.io) this.io.observe(block);
    else {
      for (const r of ranges) this.highlight.add(r);
      if (this.count > EAGER_LIMIT) this.goWindowed();
    }
  }

  removeBlock(block: Element): void {
    const ranges = this.rangesOf.get(block);
    if (!ranges) return;
    for (const r of ranges) this.highlight.delete(r);
    this.count -= ranges.length;
    this.rangesOf.delete(block);
    this.io?.unobserve(block);
  }

  clear(): void {
    this.io?.disconnect();
    this.io = null;
    this.rangesOf.clear();
    this.count = 0;
    this.highlight.clear();
  }

  private goWindowed(): void {
    const height = this.win.innerHeight;
    this.highlight.clear();
    // The observer reports every observed block once at first, registering those in the window.
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: `${height}px 0px ${height}px 0px`,
    });
    const io = this.io;
    for (const block of this.rangesOf.keys()) io.observe(block);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const ranges = this.rangesOf.get(e.target);
      if (!ranges) continue;
      for (const r of ranges) {
        if (e.isIntersecting) this.highlight.add(r);
        else this.highlight.delete(r);
      }
    }
  }
}
