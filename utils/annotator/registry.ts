// Decides which mention ranges sit in the CSS highlight registry. Chromium
// re-checks every registered range whenever the registry changes, so tens of
// thousands of ranges make each update cost tens of milliseconds. Small pages
// register everything at once; past EAGER_LIMIT, only blocks on or near the
// screen are registered, following the reader's scrolling.

/** Above this many mentions, ranges are registered only near the viewport. */
export const EAGER_LIMIT = 3000;

/** Something with a range, made when first asked for (see PageMention). */
export interface Ranged {
  readonly range: Range;
  /** The range if it was made already: nothing to unregister otherwise. */
  readonly madeRange: Range | null;
}

export class HighlightRegistry {
  private readonly highlight: Highlight;
  private readonly rangesOf = new Map<Element, Ranged[]>();
  private count = 0;
  private io: IntersectionObserver | null = null;

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
    const existing = this.rangesOf.get(block);
    if (existing) existing.push(...mentions);
    else this.rangesOf.set(block, [...mentions]);
    this.count += mentions.length;
    if (this.io) this.io.observe(block);
    else {
      for (const m of mentions) this.highlight.add(m.range);
      if (this.count > EAGER_LIMIT) this.goWindowed();
    }
  }

  removeBlock(block: Element): void {
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
    this.rangesOf.clear();
    this.count = 0;
    this.highlight.clear();
  }

  private goWindowed(): void {
    this.highlight.clear();
    // The observer reports every observed block once at first, registering those in the window.
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
