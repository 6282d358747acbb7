// Matcher performance: building from 50,000 aliases and scanning a ~100 KB
// mixed Korean/English article. Run with `npx vitest bench --run`.

import { bench, describe } from 'vitest';
import { buildMatcher, type DictionaryEntry } from '../../utils/matcher';

/** Mulberry32: deterministic input so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const hangulWord = (n: number): string =>
  Array.from({ length: n }, () => String.fromCharCode(0xac00 + int(0, 11171))).join('');
const latinWord = (n: number): string =>
  Array.from({ length: n }, () => pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
const acronym = (n: number): string =>
  Array.from({ length: n }, () => pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('');

function syntheticAlias(): string {
  const k = r();
  if (k < 0.45) return hangulWord(int(2, 6));
  if (k < 0.8) return latinWord(1).toUpperCase() + latinWord(int(3, 11));
  if (k < 0.9) return acronym(int(2, 4));
  return `${latinWord(int(3, 8))} ${latinWord(int(3, 8))}`;
}

const ALIASES = 50_000;
const entries: DictionaryEntry[] = Array.from({ length: ALIASES }, (_, i) => ({
  alias: syntheticAlias(),
  type: i % 50 === 0 ? 'alliance' : 'company',
  id: `entity-${Math.floor(i / 3)}`,
}));

// ~100 KB of prose: filler words, dictionary names with particles, punctuation.
const PARTICLES = ['', '', '는', '가', '와', '의', '에서도', '측은'];
const PUNCT = [' ', ' ', ' ', ', ', '. ', '·', ' (', ') '];
const parts: string[] = [];
let size = 0;
while (size < 100_000) {
  const k = r();
  const word =
    k < 0.1
      ? pick(entries).alias + pick(PARTICLES)
      : k < 0.55
        ? hangulWord(int(1, 5)) + pick(PARTICLES)
        : latinWord(int(2, 10));
  const piece = word + pick(PUNCT);
  parts.push(piece);
  size += piece.length;
}
const article = parts.join('');
const matcher = buildMatcher(entries);
// A dictionary of a more typical size, for comparison.
const smallMatcher = buildMatcher(entries.slice(0, 2_000));

describe(`matcher: ${ALIASES} aliases, ${(article.length / 1000).toFixed(0)}k-char article, ${
  matcher.findMentions(article).length
} mentions`, () => {
  bench(
    'buildMatcher (50k aliases)',
    () => {
      buildMatcher(entries);
    },
    { iterations: 5 },
  );

  bench('findMentions (~100 KB)', () => {
    matcher.findMentions(article);
  });

  bench('findMentions (~100 KB, 2k-alias dictionary)', () => {
    smallMatcher.findMentions(article);
  });
});
