// Matcher throughput: ~5 MB of mixed Korean/English news-like text and a
// 10,000-alias dictionary, against one big alternation RegExp finding the
// same mentions (checked: the run fails if they differ). Run with
// `npx vitest bench --run tests/bench/matcher.bench.ts`; the figures (best
// of repeated runs) are printed first, then vitest's own statistics.
// The same figures, from a plain Node script: scripts/bench-matcher.mjs.

import { bench, describe } from 'vitest';
import { buildMatcher } from '../../utils/matcher';
import { formatMatcherBench, runMatcherBench } from './matcher-bench-lib';
import { makeDictionary, makeNewsText } from './news-corpus';
import { buildAliasRegExp, regExpHits } from './regexp-baseline';

const figures = await runMatcherBench();
console.log(formatMatcherBench(figures).join('\n'));

const entries = makeDictionary(10_000);
const largeEntries = makeDictionary(50_000);
const text = makeNewsText(5_000_000, entries);
const matcher = buildMatcher(entries);
const re = buildAliasRegExp(entries);

describe(`matcher: ${entries.length} aliases, ${(text.length / 1e6).toFixed(1)}M chars, ${figures.mentions} mentions`, () => {
  bench('findMentions (5 MB)', () => {
    matcher.findMentions(text);
  });

  bench(
    'RegExp alternation (5 MB)',
    () => {
      regExpHits(re, text);
    },
    { iterations: 2, time: 0, warmupIterations: 1, warmupTime: 0 },
  );

  bench(
    'buildMatcher (10k aliases)',
    () => {
      buildMatcher(entries);
    },
    { iterations: 5 },
  );

  bench(
    'buildMatcher (50k aliases)',
    () => {
      buildMatcher(largeEntries);
    },
    { iterations: 3 },
  );
});
