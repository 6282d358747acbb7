// The "stays" rule's vocabulary: a company one of the user's alliances names stays
// when every pack drops it. The database (pack-writer.ts) and the pure model
// (utils/sync/apply.ts) both apply the rule; a model-based test checks they agree.
import { type Origin, type StoredAlliance, type StoredCompany, USER } from './records';

/**
 * A user-owned copy of a pack's company, made when the last pack describing it
 * dropped it while one of the user's alliances still names it.
 *
 * Why a marked copy rather than an ordinary user record: the copy exists only to
 * keep the alliance's member alive. Marked, it can step aside again as soon as a
 * pack describes the company once more (otherwise a stale copy would shadow every
 * later pack update, since the user's records always win, and removing then
 * re-adding a pack would not restore what the reader saw), or when no user
 * alliance names the company any more. When the user edits the company, their
 * editor writes a fresh record without the mark, and it becomes theirs like any
 * other. `updated` is the pack record's, unchanged.
 */
export interface KeptCompany extends StoredCompany {
  /** The origin the record was copied from. */
  keptFrom: Origin;
}

export function isKeptCopy(c: StoredCompany): c is KeptCompany {
  return c.origin === USER && typeof (c as Partial<KeptCompany>).keptFrom === 'string';
}

/** The companies the user's (not deleted) alliances name. */
export function userReferencedCompanies(alliances: readonly StoredAlliance[]): Set<string> {
  const ids = new Set<string>();
  for (const a of alliances) {
    if (a.origin !== USER || a.deleted) continue;
    for (const m of a.members) ids.add(m.company);
  }
  return ids;
}
