// What installing, updating and removing a subscribed pack does to the records
// of every origin, as pure functions over plain data (tested in Node with
// property-based tests). The database does the same in one transaction.
//
// The rules, as for ad-block filter lists:
// - Each pack owns its records. A new version of a pack replaces that origin's
//   previous records: what the new version no longer contains, or lists in
//   `removed`, disappears. `removed` only ever concerns the pack's own records.
// - The user's records (origin `user`, tombstones included) are never changed.
// - Other origins are untouched.
// - A company that one of the user's alliances refers to stays even when every
//   pack drops it (see `settle` below for how).

import type { Origin, StoredAlliance, StoredCompany } from '../db/records';
import { USER } from '../db/records';
import { toStoredAlliance, toStoredCompany } from '../db/stamp';
import {
  type AllianceView,
  type CompanyView,
  makeOriginRank,
  mergeAlliances,
  mergeCompanies,
} from '../pack/merge';
import type { Alliance, Company, Pack } from '../pack/types';

/** The records of every origin: what the companies and alliances tables hold. */
export interface DatasetState {
  companies: StoredCompany[];
  alliances: StoredAlliance[];
}

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

export { toStoredAlliance, toStoredCompany };

/** One record per id, the last one winning (as a database `put` of each would). */
function lastById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

/** The records a pack version brings: its companies and alliances minus its `removed` list. */
export function packContent(pack: Pack): { companies: Company[]; alliances: Alliance[] } {
  const removed = { company: new Set<string>(), alliance: new Set<string>() };
  for (const r of pack.removed ?? []) removed[r.type].add(r.id);
  return {
    companies: lastById(pack.companies.filter((c) => !removed.company.has(c.id))),
    alliances: lastById(pack.alliances.filter((a) => !removed.alliance.has(a.id))),
  };
}

/** Strings in code-unit order (not the locale's): the same on every machine. */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Records in a deterministic order: by origin, then id (code-unit order, not locale). */
function sortRecords<T extends { origin: Origin; id: string }>(records: T[]): T[] {
  return records.sort((a, b) => compare(a.origin, b.origin) || compare(a.id, b.id));
}

function refusePackOrigin(origin: Origin): void {
  if (origin === USER) throw new Error("a pack cannot replace or remove the user's own records");
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

/**
 * Applies the "stays" rule after one origin changed from `before` to `next`:
 * - a kept copy steps aside when a pack describes its company again, or when no
 *   user alliance names the company any more;
 * - a company a user alliance names that has no record left (of any origin, the
 *   user's tombstones included) gets a kept copy of the record it just lost.
 * Every other user record passes through untouched.
 */
function settle(before: DatasetState, next: DatasetState): DatasetState {
  const referenced = userReferencedCompanies(next.alliances);
  const inPacks = new Set(next.companies.filter((c) => c.origin !== USER).map((c) => c.id));
  const companies = next.companies.filter(
    (c) => !isKeptCopy(c) || (referenced.has(c.id) && !inPacks.has(c.id)),
  );
  const present = new Set(companies.map((c) => c.id));
  for (const id of referenced) {
    if (present.has(id)) continue;
    const lost = before.companies.find((c) => c.id === id && c.origin !== USER && !c.deleted);
    if (!lost) continue;
    const copy: KeptCompany = { ...lost, origin: USER, keptFrom: lost.origin };
    companies.push(copy);
  }
  return { companies: sortRecords(companies), alliances: sortRecords([...next.alliances]) };
}

/**
 * Installs or updates the pack `origin` with `pack`, stamping its records with
 * `updated`. Every previous record of `origin` is replaced; the user's and other
 * origins' records are kept (plus kept copies, see KeptCompany). Never mutates `state`.
 */
export function applyPack(
  state: DatasetState,
  origin: Origin,
  pack: Pack,
  updated: string,
): DatasetState {
  refusePackOrigin(origin);
  const content = packContent(pack);
  return settle(state, {
    companies: [
      ...state.companies.filter((c) => c.origin !== origin),
      ...content.companies.map((c) => toStoredCompany(c, origin, updated)),
    ],
    alliances: [
      ...state.alliances.filter((a) => a.origin !== origin),
      ...content.alliances.map((a) => toStoredAlliance(a, origin, updated)),
    ],
  });
}

/** Removes every record of the pack `origin` (with the same "stays" rule). */
export function removeOrigin(state: DatasetState, origin: Origin): DatasetState {
  refusePackOrigin(origin);
  return settle(state, {
    companies: state.companies.filter((c) => c.origin !== origin),
    alliances: state.alliances.filter((a) => a.origin !== origin),
  });
}

export interface DatasetView {
  companies: CompanyView[];
  alliances: AllianceView[];
}

/**
 * What the reader sees: the merge of utils/pack/merge.ts (the user's records win,
 * then packs by priority, lower first), sorted by id. Disabled packs are the
 * caller's to filter out of `state` first.
 */
export function view(state: DatasetState, priorities: ReadonlyMap<Origin, number>): DatasetView {
  const rank = makeOriginRank(priorities);
  return {
    companies: mergeCompanies(state.companies, rank).sort((a, b) => compare(a.id, b.id)),
    alliances: mergeAlliances(state.alliances, rank).sort((a, b) => compare(a.id, b.id)),
  };
}
