// The highlights of one long block: an article body that is a single element
// (text separated by <br>, as Digital Times and many Korean sites send it) can
// hold tens of thousands of mentions, and Chromium's pre-paint walks every
// registered range on each change (over a second for 40,000). Only the
// mentions within about a screen of the viewport are registered, found by a
// binary search over their boxes (mentions follow each other down the page).

/** Something with a range, made when first asked for (see PageMention). */
export interface Ranged {
  readonly range: Range;
  /** The range if it was made already: nothing to unregister otherwise. */
  readonly madeRange: Range | null;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
}

/** A block with more mentions than this is registered by the screenful. */
export const LONG_BLOCK_MENTIONS = 200;
/**
 * Until the page has been measured (it is at its top then: a loading page, or
 * one just loaded), a long block registers its first mentions, about two
 * dense screens: measuring a page still loading would force its first layout
 * (hundreds of ms on a long page) into our task.
 */
export const FIRST_WINDOW_MENTIONS = 200;

export class RangeWindow {
  readonly mentions: Ranged[] = [];
  private readonly highlight: Highlight;
  /** Registered: mentions[lo, hi). */
  private lo = 0;
  private hi = 0;
  private measured = false;

  constructor(highlight: Highlight) {
    this.highlight = highlight;
  }

  /** Whether the window follows measured positions (it did not stay at the top). */
  get isMeasured(): boolean {
    return this.measured;
  }

  /** How many of its mentions are registered. */
  get registered(): number {
    return this.hi - this.lo;
  }

  /** Adds mentions that follow the ones it has, in reading order. */
  add(mentions: readonly Ranged[]): void {
    for (const m of mentions) this.mentions.push(m);
    if (!this.measured) this.setWindow(0, Math.min(this.mentions.length, FIRST_WINDOW_MENTIONS));
  }

  /**
   * Registers the mentions whose boxes lie between `top` and `bottom` (px from
   * the viewport's top), and only those. A binary search: a few dozen boxes.
   */
  update(top: number, bottom: number, scratch: Range): void {
    this.measured = true;
    const ms = this.mentions;
    const rectOf = (i: number): DOMRect | null => {
      const m = ms[i]!;
      if (!m.startNode.isConnected) return null;
      scratch.setStart(m.startNode, m.startOffset);
      scratch.setEnd(m.endNode, m.endOffset);
      return scratch.getBoundingClientRect();
    };
    const firstWhere = (ok: (r: DOMRect) => boolean): number => {
      let lo = 0;
      let hi = ms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const r = rectOf(mid);
        if (r && ok(r)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const first = firstWhere((r) => r.bottom >= top);
    const end = Math.max(
      first,
      firstWhere((r) => r.top > bottom),
    );
    this.setWindow(first, end);
  }

  /** Unregisters everything: the block is far from the screen. */
  hide(): void {
    this.measured = true;
    this.setWindow(0, 0);
  }

  /** Unregisters everything, for good. */
  clear(): void {
    this.setWindow(0, 0);
    this.mentions.length = 0;
  }

  /** Registers mentions[lo, hi) and unregisters the rest of what was. */
  private setWindow(lo: number, hi: number): void {
    const ms = this.mentions;
    for (let i = this.lo; i < this.hi; i++) {
      if (i >= lo && i < hi) continue;
      const made = ms[i]?.madeRange;
      if (made) this.highlight.delete(made);
    }
    for (let i = lo; i < hi; i++) {
      if (i >= this.lo && i < this.hi) continue;
      this.highlight.add(ms[i]!.range);
    }
    this.lo = lo;
    this.hi = hi;
  }
}
