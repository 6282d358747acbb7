// The matcher's dictionary from a dataset: every name and alias of each
// company (those declared ambiguous flagged so), and the names of named
// alliances. The background builds it from the merged database; the benchmark
// from a pack file.
import type { DictionaryEntry } from '../matcher';
import { sameNameKey } from './same-name';
import type { Alliance, Company } from './types';

export function dictionaryEntries(
  companies: Iterable<Pick<Company, 'id' | 'names' | 'aliases' | 'ambiguous'>>,
  alliances: Iterable<Pick<Alliance, 'id' | 'name' | 'aliases'>>,
): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  for (const c of companies) {
    const ambiguous = new Set((c.ambiguous ?? []).map(sameNameKey));
    for (const alias of new Set([c.names.en, c.names.ko, ...c.aliases])) {
      if (ambiguous.has(sameNameKey(alias)))
        entries.push({ alias, type: 'company', id: c.id, ambiguous: true });
      else entries.push({ alias, type: 'company', id: c.id });
    }
  }
  for (const a of alliances) {
    if (!a.name) continue;
    for (const alias of new Set([a.name.en, a.name.ko, ...(a.aliases ?? [])])) {
      if (alias) entries.push({ alias, type: 'alliance', id: a.id });
    }
  }
  return entries;
}
