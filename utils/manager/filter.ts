// Filtering, sorting and searching the dataset for the manager and the popup.
// Pure: runs on the merged views, tested in Node.
import type { Lang } from '../i18n';
import { aliasKey } from '../matcher';
import { type AllianceView, allianceLabel, type CompanyView, companyLabel } from '../pack/merge';
import { comparePartial } from '../pack/partial-date';
import type { AllianceKind, AllianceStatus } from '../pack/types';

/** `mine` is the user's own records (and overrides); anything else is an origin (`bundled`, a pack id). */
export type OriginFilter = 'all' | 'mine' | string;

export interface CompanyFilter {
  text: string;
  origin: OriginFilter;
  sort: 'name' | 'ties' | 'id';
}

export interface AllianceFilter {
  text: string;
  origin: OriginFilter;
  kinds: ReadonlySet<AllianceKind>;
  statuses: ReadonlySet<AllianceStatus>;
  /** `YYYY` or `YYYY-MM`; alliances active at any time in [from, to]. */
  from: string;
  to: string;
  sort: 'since' | 'kind' | 'name';
}

function companyKeys(c: CompanyView): string[] {
  return [c.id, c.names.en, c.names.ko, ...c.aliases].map(aliasKey);
}

/** Matches any name or alias, tolerant of spacing, dots and case: "오픈 ai" finds 오픈AI. */
export function companyMatches(c: CompanyView, query: string): boolean {
  const q = aliasKey(query);
  return !q || companyKeys(c).some((k) => k.includes(q));
}

function originMatches(origins: readonly string[], filter: OriginFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'mine') return origins.includes('user');
  return origins.includes(filter);
}

export function filterCompanies(
  companies: readonly CompanyView[],
  ties: ReadonlyMap<string, number>,
  f: CompanyFilter,
  lang: Lang,
): CompanyView[] {
  const out = companies.filter(
    (c) => originMatches(c.origins, f.origin) && companyMatches(c, f.text),
  );
  const collator = new Intl.Collator(lang === 'ko' ? 'ko' : 'en');
  if (f.sort === 'ties')
    out.sort((a, b) => (ties.get(b.id) ?? 0) - (ties.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  else if (f.sort === 'id') out.sort((a, b) => a.id.localeCompare(b.id));
  else
    out.sort((a, b) => collator.compare(companyLabel(a, a.id, lang), companyLabel(b, b.id, lang)));
  return out;
}

/** True when the alliance was in force at some time in [from, to] (partial dates by prefix). */
export function overlapsRange(
  a: Pick<AllianceView, 'since' | 'until'>,
  from: string,
  to: string,
): boolean {
  if (from && a.until && comparePartial(a.until, from) < 0) return false;
  if (to && a.since && comparePartial(a.since, to) > 0) return false;
  return true;
}

export function filterAlliances(
  alliances: readonly AllianceView[],
  companies: ReadonlyMap<string, CompanyView>,
  f: AllianceFilter,
  lang: Lang,
): AllianceView[] {
  const q = aliasKey(f.text);
  const out = alliances.filter((a) => {
    if (f.kinds.size && !f.kinds.has(a.kind)) return false;
    if (f.statuses.size && !f.statuses.has(a.status)) return false;
    if (!originMatches(a.overridden ? ['user', a.origin] : [a.origin], f.origin)) return false;
    if (!overlapsRange(a, f.from, f.to)) return false;
    if (!q) return true;
    if (aliasKey(a.kind).includes(q) || aliasKey(a.id).includes(q)) return true;
    if ([a.name?.en, a.name?.ko, ...(a.aliases ?? [])].some((n) => n && aliasKey(n).includes(q)))
      return true;
    return a.members.some((m) => {
      const c = companies.get(m.company);
      return c ? companyMatches(c, f.text) : aliasKey(m.company).includes(q);
    });
  });
  const collator = new Intl.Collator(lang === 'ko' ? 'ko' : 'en');
  if (f.sort === 'kind')
    out.sort(
      (a, b) => a.kind.localeCompare(b.kind) || (b.since ?? '').localeCompare(a.since ?? ''),
    );
  else if (f.sort === 'name')
    out.sort((a, b) =>
      collator.compare(allianceLabel(a, companies, lang), allianceLabel(b, companies, lang)),
    );
  else out.sort((a, b) => (b.since ?? '').localeCompare(a.since ?? '') || a.id.localeCompare(b.id));
  return out;
}

/** How many alliances each company takes part in. */
export function tieCounts(alliances: readonly AllianceView[]): Map<string, number> {
  const ties = new Map<string, number>();
  for (const a of alliances)
    for (const m of a.members) ties.set(m.company, (ties.get(m.company) ?? 0) + 1);
  return ties;
}

/** Companies other than `selfId` that already use one of `aliases` (normalized). */
export function aliasConflicts(
  aliases: readonly string[],
  selfId: string,
  companies: readonly CompanyView[],
): { alias: string; companyId: string }[] {
  const wanted = new Map(aliases.map((a) => [aliasKey(a), a]));
  const out: { alias: string; companyId: string }[] = [];
  for (const c of companies) {
    if (c.id === selfId) continue;
    for (const key of new Set(companyKeys(c).slice(1))) {
      const alias = wanted.get(key);
      if (alias) out.push({ alias, companyId: c.id });
    }
  }
  return out;
}
