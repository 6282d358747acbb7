// What one version of a pack brings, as the preview, the pure model and the
// database all read it.
import type { Alliance, Company, Pack } from './types';

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
