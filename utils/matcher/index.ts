// Company/alliance name matcher: pure (no DOM, no browser APIs), runs in Node.
// build.ts compiles a dictionary, load.ts reads it back, scan.ts is the pass
// over the text; boundaries.ts and particles.ts hold the word rules, context.ts
// the rule for names that are also ordinary words.

export { buildMatcher, compileMatcher, isCaseSensitiveAlias, normalizeAlias } from './build';
export { foldCase } from './case-fold';
export { COMPILED_MATCHER_FORMAT, type CompiledMatcher, CompiledMatcherError } from './compiled';
export { keepInContext } from './context';
export { loadMatcher } from './load';
export { aliasKey, type NormalizedText, normalizeForMatching } from './normalize';
export { ACTOR_PARTICLES, ROLE_PARTICLES } from './particles';
export type { DictionaryEntry, EntryType, Matcher, Mention } from './types';
