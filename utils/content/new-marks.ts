// Which alliances a company's card marks "New", for one page. The background
// says, per company, what arrived since its card was last seen; the first
// opening of that card shows the marks and tells the background it was seen.
// That opening keeps its marks while it is open (data may re-render it); the
// next opening shows none. Content scripts never open IndexedDB: seen is a message.

export type SendSeen = (companyId: string, arrivalSeq: number) => void;

const NONE: ReadonlySet<string> = new Set();

export class NewMarks {
  /** Per company fetched: its alliances not yet shown as new, and the reply's newest batch. */
  private readonly unseen = new Map<string, { ids: Set<string>; arrivalSeq: number }>();
  /** The company whose card is open, and the marks this opening shows (null until its data came). */
  private opening: { company: string; shown: ReadonlySet<string> | null } | null = null;
  private readonly sendSeen: SendSeen;

  constructor(sendSeen: SendSeen) {
    this.sendSeen = sendSeen;
  }

  /** A getAlliances reply for `companyIds` arrived. */
  arrived(
    companyIds: readonly string[],
    newFor: Readonly<Record<string, readonly string[]>>,
    arrivalSeq: number,
  ): void {
    for (const id of companyIds) this.unseen.set(id, { ids: new Set(newFor[id]), arrivalSeq });
    this.record();
  }

  /** A card opened (hover, tap, keyboard, a partner clicked) on `companyId`; null for other subjects. */
  opened(companyId: string | null): void {
    this.opening = companyId === null ? null : { company: companyId, shown: null };
    this.record();
  }

  /** The alliance ids the open card of `companyId` marks new. */
  marked(companyId: string): ReadonlySet<string> {
    return this.opening?.company === companyId ? (this.opening.shown ?? NONE) : NONE;
  }

  /** The dataset changed: what the background said no longer holds. */
  clear(): void {
    this.unseen.clear();
  }

  /** Once the open company's data is here: this opening shows its marks, and they count as seen. */
  private record(): void {
    const opening = this.opening;
    if (!opening || opening.shown) return;
    const unseen = this.unseen.get(opening.company);
    if (!unseen) return;
    opening.shown = unseen.ids;
    this.unseen.set(opening.company, { ids: new Set(), arrivalSeq: unseen.arrivalSeq });
    // A company with nothing new needs no record: "seen" would change no later answer.
    if (unseen.ids.size) this.sendSeen(opening.company, unseen.arrivalSeq);
  }
}
