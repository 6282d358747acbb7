// What replacing one origin's records with a pack version's changes: the records
// that are new or whose content changed, those the version no longer has, and
// those it leaves as they were. Pure (no Dexie), so the database (pack-writer.ts)
// and the model (utils/sync/apply.ts) decide alike.
//
// Why: the origin's chunks are rewritten whole (pack-chunks.ts), but a record a
// version leaves as it was keeps the time of the version that last changed it,
// and the records it drops are the ones the kept-companies rule looks at (kept.ts).
import type { Alliance, Company } from '../pack/types';
import type { Origin, StoredAlliance, StoredCompany } from './records';
import { toStoredAlliance, toStoredCompany } from './stamp';

/**
 * Equal content: the same fields with equal values, key order aside and a
 * field holding `undefined` the same as an absent one. `updated` (when it was
 * published) is not content: a record a new version leaves as it was keeps the
 * time of the version that last changed it.
 */
export function sameRecord(a: object, b: object): boolean {
  return equalValues(a, b, true);
}

function equalValues(a: unknown, b: unknown, top = false): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const k in x) {
    if (x[k] === undefined || (top && k === 'updated')) continue;
    fields++;
    if (!equalValues(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined && !(top && k === 'updated')) fields--;
  return fields === 0;
}

export interface ReplacePlan {
  /** New records and records whose content changed, stamped with the version's time. */
  put: { companies: StoredCompany[]; alliances: StoredAlliance[] };
  /** Previous records the version no longer has (dropped, or listed in `removed`). */
  removed: { companies: StoredCompany[]; alliances: StoredAlliance[] };
  /** Previous records of ids the version has in the same content; left as they are. */
  unchanged: { companies: StoredCompany[]; alliances: StoredAlliance[] };
}

/** The version's records, stamped for the store (the costly part, done once). */
export interface StampedContent {
  companies: StoredCompany[];
  alliances: StoredAlliance[];
}

export function stampContent(
  content: { companies: readonly Company[]; alliances: readonly Alliance[] },
  origin: Origin,
  updated: string,
): StampedContent {
  return {
    companies: content.companies.map((c) => toStoredCompany(c, origin, updated)),
    alliances: content.alliances.map((a) => toStoredAlliance(a, origin, updated)),
  };
}

function planRecords<T extends StoredCompany | StoredAlliance>(
  previous: readonly T[],
  next: readonly T[],
) {
  const before = new Map(previous.map((r) => [r.id, r]));
  const put: T[] = [];
  const unchanged: T[] = [];
  const kept = new Set<string>();
  for (const record of next) {
    kept.add(record.id);
    const old = before.get(record.id);
    if (old && sameRecord(old, record)) unchanged.push(old);
    else put.push(record);
  }
  const removed = previous.filter((r) => !kept.has(r.id));
  return { put, removed, unchanged };
}

/** What replacing `previous` (one origin's records) with `next` (the same origin's) writes. */
export function planReplace(previous: StampedContent, next: StampedContent): ReplacePlan {
  const companies = planRecords(previous.companies, next.companies);
  const alliances = planRecords(previous.alliances, next.alliances);
  return {
    put: { companies: companies.put, alliances: alliances.put },
    removed: { companies: companies.removed, alliances: alliances.removed },
    unchanged: { companies: companies.unchanged, alliances: alliances.unchanged },
  };
}

/** The origin's records once a plan is applied: each unchanged record as it was stored, the rest new. */
export function contentAfter(plan: ReplacePlan, next: StampedContent): StampedContent {
  const companies = new Map(plan.unchanged.companies.map((r) => [r.id, r]));
  const alliances = new Map(plan.unchanged.alliances.map((r) => [r.id, r]));
  return {
    companies: next.companies.map((r) => companies.get(r.id) ?? r),
    alliances: next.alliances.map((r) => alliances.get(r.id) ?? r),
  };
}
