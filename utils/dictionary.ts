// The matcher's dictionary as shared with content scripts. The store builds
// `Dictionary` (every alias with what it names); the background compiles it
// into a matcher (utils/matcher/compiled.ts) and keeps that in extension
// storage, written at every dataset change, so a page gets it with its
// settings in one storage read, without waking the background and without
// building a trie of its own.
import type { CompiledMatcher, DictionaryEntry } from './matcher';

export const DICTIONARY_KEY = 'dictionary';
/**
 * What the stored dictionary is, `{ version, format }`, beside it: the
 * background checks this small value instead of reading the whole matcher.
 */
export const DICTIONARY_STAMP_KEY = 'dictionaryStamp';

export interface Dictionary {
  version: number;
  entries: DictionaryEntry[];
}

/** What pages receive: the dataset version and its compiled matcher. */
export interface PublishedDictionary {
  version: number;
  matcher: CompiledMatcher;
}

/**
 * The stored dictionary, or null when missing or of another shape (an older
 * extension version stored plain entries): then the page asks the background.
 * The compiled matcher itself is checked when it is loaded.
 */
export function readDictionary(raw: unknown): PublishedDictionary | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Partial<PublishedDictionary>;
  if (typeof d.version !== 'number' || !d.matcher || typeof d.matcher !== 'object') return null;
  return { version: d.version, matcher: d.matcher };
}
