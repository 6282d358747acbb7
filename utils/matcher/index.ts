// Company/alliance name matcher: pure (no DOM, no browser APIs), runs in Node.
// See matcher.ts for the pipeline and boundaries.ts for the word rules.

export {
  COMPILED_MATCHER_FORMAT,
  type CompiledMatcher,
  CompiledMatcherError,
  compileMatcher,
  loadMatcher,
} from './compiled';
export { buildMatcher, isCaseSensitiveAlias, normalizeAlias } from './matcher';
export { aliasKey, foldCase, type NormalizedText, normalizeForMatching } from './normalize';
export type { DictionaryEntry, EntryType, Matcher, Mention } from './types';
