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

import { compare } from '../compare';
import { isKeptCopy, type KeptCompany, userReferencedCompanies } from '../db/kept';
import type { Origin, StoredAlliance, StoredCompany } from '../db/records';
import { USER } from '../db/records';
import { contentAfter, planReplace, stampContent } from '../db/replace-plan';
import { toStoredAlliance, toStoredCompany } from '../db/stamp';
import { packContent } from '../pack/content';
import {
  type AllianceView,
  type CompanyView,
  makeOriginRank,
  mergeAlliances,
  mergeCompanies,
} from '../pack/merge';
import type { Pack } from '../pack/types';

/** The records of every origin: what the companies and alliances tables hold. */
export interface DatasetState {
  companies: StoredCompany[];
  alliances: StoredAlliance[];
}

export { toStoredAlliance, toStoredCompany };

/** Records in a deterministic order: by origin, then id (code-unit order, not locale). */
function sortRecords<T extends { origin: Origin; id: string }>(records: T[]): T[] {
  return records.sort((a, b) => compare(a.origin, b.origin) || compare(a.id, b.id));
}

function refusePackOrigin(origin: Origin): void {
  if (origin === USER) throw new Error("a pack cannot replace or remove the user's own records");
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
 * origins' records are kept (plus kept copies, see KeptCompany). A record the new
 * version leaves as it was stays as stored, with the time of the version that
 * last changed it. Never mutates `state`.
 */
export function applyPack(
  state: DatasetState,
  origin: Origin,
  pack: Pack,
  updated: string,
): DatasetState {
  refusePackOrigin(origin);
  const previous = {
    companies: state.companies.filter((c) => c.origin === origin),
    alliances: state.alliances.filter((a) => a.origin === origin),
  };
  const next = stampContent(packContent(pack), origin, updated);
  // The rule PackWriter follows: a record the version leaves as it was stays as stored.
  const after = contentAfter(planReplace(previous, next), next);
  return settle(state, {
    companies: [...state.companies.filter((c) => c.origin !== origin), ...after.companies],
    alliances: [...state.alliances.filter((a) => a.origin !== origin), ...after.alliances],
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
