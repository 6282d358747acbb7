// The pack file the manager just previewed, parsed and validated, kept for the
// "Apply" that usually follows: parsing and validating a 16 MB pack takes
// seconds, and the same text would otherwise be checked twice. Apply names it
// by the preview's token, so the manager does not send the file a second time
// (a 16 MB message costs its page ~0.2 s of work and ~0.5 s of round trip).
import type { Pack } from '../pack/types';

/** How long a preview stays good for its "Apply"; then the text is checked again. */
const KEEP_MS = 10 * 60_000;

export class PreviewedPack {
  private last: { text: string; token: string; version: number; pack: Pack; at: number } | null =
    null;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Keeps `pack`, checked from `text` against the dataset at `version`; returns its token. */
  remember(text: string, version: number, pack: Pack): string {
    const token = crypto.randomUUID();
    this.last = { text, token, version, pack, at: this.now() };
    return token;
  }

  /**
   * The pack checked from this very text, if the dataset has not changed since
   * (validation looks up the companies it knows) and it is recent; forgotten
   * once taken, so a large pack does not stay in memory.
   */
  take(text: string, version: number): Pack | undefined {
    return this.takeWhere((last) => last.text === text, version);
  }

  /** The same, named by the token `remember` gave. */
  takeToken(token: string, version: number): Pack | undefined {
    return this.takeWhere((last) => last.token === token, version);
  }

  private takeWhere(
    same: (last: { text: string; token: string }) => boolean,
    version: number,
  ): Pack | undefined {
    const last = this.last;
    this.last = null;
    if (!last || last.version !== version || this.now() - last.at > KEEP_MS) return undefined;
    return same(last) ? last.pack : undefined;
  }
}
