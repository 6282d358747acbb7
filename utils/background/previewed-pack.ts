// The pack file the manager just previewed, parsed and validated, kept for the
// "Apply" that usually follows: parsing and validating a 16 MB pack takes
// seconds, and the same text would otherwise be checked twice.
import type { Pack } from '../pack/types';

/** How long a preview stays good for its "Apply"; then the text is checked again. */
const KEEP_MS = 10 * 60_000;

export class PreviewedPack {
  private last: { text: string; version: number; pack: Pack; at: number } | null = null;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Keeps `pack`, checked from `text` against the dataset at `version`. */
  remember(text: string, version: number, pack: Pack): void {
    this.last = { text, version, pack, at: this.now() };
  }

  /**
   * The pack checked from this very text, if the dataset has not changed since
   * (validation looks up the companies it knows) and it is recent; forgotten
   * once taken, so a large pack does not stay in memory.
   */
  take(text: string, version: number): Pack | undefined {
    const last = this.last;
    this.last = null;
    if (!last || last.version !== version || this.now() - last.at > KEEP_MS) return undefined;
    return last.text === text ? last.pack : undefined;
  }
}
