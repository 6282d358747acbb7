// The matcher's dictionary as shared with content scripts: the background keeps
// a copy in extension storage (written at every dataset change), so a page gets
// it with its settings in one storage read, without waking the background.
import type { DictionaryEntry } from './matcher';

export const DICTIONARY_KEY = 'dictionary';

export interface Dictionary {
  version: number;
  entries: DictionaryEntry[];
}

/** The stored dictionary, or null when missing or malformed (then the page asks the background). */
export function readDictionary(raw: unknown): Dictionary | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Partial<Dictionary>;
  if (typeof d.version !== 'number' || !Array.isArray(d.entries)) return null;
  const entries = d.entries.filter(
    (e): e is DictionaryEntry =>
      !!e &&
      typeof e.alias === 'string' &&
      typeof e.id === 'string' &&
      (e.type === 'company' || e.type === 'alliance'),
  );
  return { version: d.version, entries };
}
