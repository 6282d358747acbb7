// The merged view of every origin's records: pure, so it is tested in Node.
// The user's records always win; then packs by their priority; the bundled pack last.
import type { Lang } from '../i18n';
import { type Origin, USER } from './origin';
import type { Alliance, Company } from './types';

/** What the merge needs of a stored record (utils/db/records.ts stores more). */
interface Stamped {
  origin: Origin;
  /** A user tombstone: hides the record of the same id from every pack. */
  deleted?: boolean;
}

export type StampedCompany = Company & Stamped;

/** The database's bookkeeping fields are named so the merge can leave them out of the view. */
export type StampedAlliance = Alliance &
  Stamped & { updated?: string; memberIds?: string[]; aliasKeys?: string[] };

export interface CompanyView extends Company {
  /** Every origin that describes this company, best first. */
  origins: Origin[];
}

export interface AllianceView extends Alliance {
  origin: Origin;
  /** True when the user's record replaces a pack's record of the same id. */
  overridden: boolean;
}

/** A company's name in the reader's language, falling back to the other one, then the id. */
export function companyLabel(
  c: Pick<Company, 'names'> | undefined,
  id: string,
  lang: Lang,
): string {
  if (!c) return id;
  return (lang === 'ko' ? c.names.ko : c.names.en) || c.names.en || c.names.ko || id;
}

/** A named alliance's name in the reader's language, falling back to the other one. */
export function allianceName(a: Pick<Alliance, 'name'>, lang: Lang): string | undefined {
  if (!a.name) return undefined;
  return (lang === 'ko' ? a.name.ko : a.name.en) || a.name.en || a.name.ko || undefined;
}

/** An alliance as a reader names it: its own name, else its members' names joined. */
export function allianceLabel(
  a: Pick<Alliance, 'name' | 'members'>,
  companies: ReadonlyMap<string, Pick<Company, 'names'>>,
  lang: Lang,
): string {
  const name = allianceName(a, lang);
  if (name) return name;
  return a.members.map((m) => companyLabel(companies.get(m.company), m.company, lang)).join(' · ');
}

/** Rank of an origin: lower wins. `priorities` maps pack origins to their priority. */
export type OriginRank = (origin: Origin) => number;

export function makeOriginRank(priorities: ReadonlyMap<Origin, number>): OriginRank {
  return (origin) => (origin === USER ? -1 : (priorities.get(origin) ?? Number.MAX_SAFE_INTEGER));
}

function groupById<T extends { id: string; origin: Origin }>(
  records: Iterable<T>,
  rank: OriginRank,
) {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const g = groups.get(r.id);
    if (g) g.push(r);
    else groups.set(r.id, [r]);
  }
  for (const g of groups.values()) g.sort((a, b) => rank(a.origin) - rank(b.origin));
  return groups;
}

export function mergeCompanies(records: Iterable<StampedCompany>, rank: OriginRank): CompanyView[] {
  const out: CompanyView[] = [];
  for (const [id, group] of groupById(records, rank)) {
    // groupById never makes an empty group.
    const best = group[0]!;
    if (best.deleted) continue;
    // Aliases are united across packs so every pack's way of writing the name is found,
    // but the reader's own version owns its list: an alias they deleted stays deleted.
    const aliases =
      best.origin === USER
        ? [...best.aliases]
        : [...new Set(group.flatMap((r) => (r.deleted ? [] : r.aliases)))];
    const view: CompanyView = {
      id,
      names: best.names,
      aliases,
      origins: group.map((r) => r.origin),
    };
    const wikidata = group.find((r) => r.wikidata)?.wikidata;
    const homepage = group.find((r) => r.homepage)?.homepage;
    if (wikidata) view.wikidata = wikidata;
    if (homepage) view.homepage = homepage;
    const country = group.find((r) => r.country)?.country;
    const sector = group.find((r) => r.sector)?.sector;
    if (country) view.country = country;
    if (sector) view.sector = sector;
    // Which names are ordinary words too: as for aliases, the reader's version owns its list.
    const ambiguous =
      best.origin === USER
        ? (best.ambiguous ?? [])
        : [...new Set(group.flatMap((r) => (r.deleted ? [] : (r.ambiguous ?? []))))];
    if (ambiguous.length) view.ambiguous = ambiguous;
    out.push(view);
  }
  return out;
}

export function mergeAlliances(
  records: Iterable<StampedAlliance>,
  rank: OriginRank,
): AllianceView[] {
  const out: AllianceView[] = [];
  for (const group of groupById(records, rank).values()) {
    const best = group[0]!;
    if (best.deleted) continue;
    const { origin, updated: _u, memberIds: _m, aliasKeys: _k, deleted: _d, ...alliance } = best;
    out.push({ ...alliance, origin, overridden: origin === USER && group.length > 1 });
  }
  return out;
}
