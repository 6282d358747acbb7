// Matcher throughput benchmark, shared by `tests/bench/matcher.bench.ts`
// (vitest bench) and `scripts/bench-matcher.mjs` (plain Node): the matcher
// over the generated news text (news-corpus.ts) against the RegExp baseline
// (regexp-baseline.ts), which must find exactly the same mentions.

import { buildMatcher, type Mention } from '../../utils/matcher';
import { type MatcherStats, matcherStats } from '../../utils/matcher/load';
import {
  formatLinkRangesBench,
  LINK_RANGES_TARGET_MS,
  type LinkRangesFigures,
  runLinkRangesBench,
} from './link-ranges-bench';
import { coreEntries, makeDictionary, makeNewsText } from './news-corpus';
import { buildAliasRegExp, regExpHits, regExpMentions } from './regexp-baseline';

// ---------------------------------------------------------------------------
// Timing and the report

/** Best wall time of `runs` calls after `warmup` untimed ones, in ms. */
export function bestOf(fn: () => void, runs = 5, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export interface MatcherBenchOptions {
  /** Text size in UTF-16 units (default 5,000,000). */
  textChars?: number;
  /** Dictionary size (default 10,000). */
  aliases?: number;
  /** Also build a dictionary of this size, for build time and memory (default 50,000; 0 skips). */
  largeAliases?: number;
  /** Timed runs per figure, after warm-up (default 5). */
  runs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface MatcherBenchFigures {
  textChars: number;
  textUtf8Bytes: number;
  aliases: number;
  coreAliases: number;
  /** buildMatcher, best of `runs`, for `aliases` and `largeAliases` entries. */
  buildMs: number;
  largeAliases: number;
  largeBuildMs: number | null;
  stats: MatcherStats | null;
  largeStats: MatcherStats | null;
  /** One findMentions call over the whole text, best of `runs`. */
  matcherMs: number;
  matcherCharsPerSec: number;
  /** The same text cut into ~2,000-unit paragraphs, one call each. */
  matcherChunkedMs: number;
  matcherChunkedCharsPerSec: number;
  regExpBuildMs: number;
  regExpMs: number;
  regExpCharsPerSec: number;
  /** matcherCharsPerSec / regExpCharsPerSec. */
  ratio: number;
  mentions: number;
  regExpHits: number;
  /** Distinct mention ids. */
  distinctEntities: number;
  linkRanges: LinkRangesFigures;
  targets: { charsPerSec: number; ratio: number; linkRangesMs: number };
  meetsTargets: boolean;
}

const TARGET_CHARS_PER_SEC = 50e6;
const TARGET_RATIO = 10;

/**
 * Paragraph-sized pieces, cut at newlines, as the annotator would see text
 * nodes: flat copies (V8 slices of a big string are views into it, slower
 * to read than the flat strings the DOM hands out).
 */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from + size);
    to = to < 0 ? text.length : to + 1;
    out.push(JSON.parse(JSON.stringify(text.slice(from, to))) as string);
    from = to;
  }
  return out;
}

const sameMentions = (a: Mention, b: Mention): boolean =>
  a.start === b.start &&
  a.end === b.end &&
  a.id === b.id &&
  a.type === b.type &&
  a.surface === b.surface;

export async function runMatcherBench(
  options: MatcherBenchOptions = {},
): Promise<MatcherBenchFigures> {
  const {
    textChars = 5_000_000,
    aliases = 10_000,
    largeAliases = 50_000,
    runs = 5,
    log = () => {},
  } = options;
  const entries = makeDictionary(aliases);
  const coreAliases = coreEntries().length;
  const text = makeNewsText(textChars, entries);
  log(
    `text: ${text.length.toLocaleString('en')} UTF-16 units, ${Buffer.byteLength(text).toLocaleString('en')} UTF-8 bytes; dictionary: ${entries.length.toLocaleString('en')} aliases (${coreAliases} from core.json)`,
  );

  const buildMs = bestOf(() => buildMatcher(entries), runs, 1);
  const matcher = buildMatcher(entries);
  let largeBuildMs: number | null = null;
  let largeStats: MatcherStats | null = null;
  if (largeAliases > 0) {
    const large = makeDictionary(largeAliases);
    largeBuildMs = bestOf(() => buildMatcher(large), Math.min(runs, 3), 1);
    largeStats = matcherStats(buildMatcher(large)) ?? null;
  }
  log(
    `build: ${buildMs.toFixed(1)} ms (${aliases}), ${largeBuildMs?.toFixed(1)} ms (${largeAliases})`,
  );

  let mentions: Mention[] = [];
  const matcherMs = bestOf(() => {
    mentions = matcher.findMentions(text);
  }, runs);
  log(`matcher: ${matcherMs.toFixed(1)} ms, ${mentions.length} mentions`);

  const pieces = chunks(text, 2000);
  const matcherChunkedMs = bestOf(() => {
    for (const p of pieces) matcher.findMentions(p);
  }, runs);

  let t0 = performance.now();
  const re = buildAliasRegExp(entries);
  re.test('warm up: compile'); // V8 compiles lazily, on first use
  const regExpBuildMs = performance.now() - t0;
  let hits: number[] = [];
  const regExpMs = bestOf(
    () => {
      hits = regExpHits(re, text);
    },
    Math.min(runs, 3),
    1,
  );
  log(`RegExp: ${regExpMs.toFixed(1)} ms, ${hits.length / 2} raw hits`);

  // The same mentions, or the figures mean nothing.
  t0 = performance.now();
  const expected = regExpMentions(entries, text, hits);
  const diff = firstDifference(mentions, expected);
  if (diff !== null) {
    throw new Error(
      `matcher and RegExp disagree (${mentions.length} vs ${expected.length} mentions) at #${diff}: ` +
        `matcher ${JSON.stringify(mentions[diff])}, RegExp ${JSON.stringify(expected[diff])}, ` +
        `context ${JSON.stringify(contextAt(text, mentions[diff] ?? expected[diff]!))}`,
    );
  }
  log(`agreement checked in ${(performance.now() - t0).toFixed(0)} ms`);
  const linkRanges = runLinkRangesBench();

  const matcherCharsPerSec = text.length / (matcherMs / 1000);
  const regExpCharsPerSec = text.length / (regExpMs / 1000);
  const ratio = matcherCharsPerSec / regExpCharsPerSec;
  return {
    textChars: text.length,
    textUtf8Bytes: Buffer.byteLength(text),
    aliases: entries.length,
    coreAliases,
    buildMs,
    largeAliases,
    largeBuildMs,
    stats: matcherStats(matcher) ?? null,
    largeStats,
    matcherMs,
    matcherCharsPerSec,
    matcherChunkedMs,
    matcherChunkedCharsPerSec: text.length / (matcherChunkedMs / 1000),
    regExpBuildMs,
    regExpMs,
    regExpCharsPerSec,
    ratio,
    mentions: mentions.length,
    regExpHits: hits.length / 2,
    distinctEntities: new Set(mentions.map((m) => m.id)).size,
    linkRanges,
    targets: {
      charsPerSec: TARGET_CHARS_PER_SEC,
      ratio: TARGET_RATIO,
      linkRangesMs: LINK_RANGES_TARGET_MS,
    },
    meetsTargets:
      matcherCharsPerSec >= TARGET_CHARS_PER_SEC &&
      ratio >= TARGET_RATIO &&
      linkRanges.ms < LINK_RANGES_TARGET_MS,
  };
}

function firstDifference(a: readonly Mention[], b: readonly Mention[]): number | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!a[i] || !b[i] || !sameMentions(a[i]!, b[i]!)) return i;
  }
  return null;
}

const contextAt = (text: string, m: Mention): string =>
  text.slice(Math.max(0, m.start - 20), m.end + 20);

const mcs = (cps: number): string => `${(cps / 1e6).toFixed(1)} M chars/s`;
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Human-readable report lines. */
export function formatMatcherBench(f: MatcherBenchFigures): string[] {
  const statsLine = (label: string, s: MatcherStats | null): string =>
    s
      ? `  automaton (${label}): ${s.states.toLocaleString('en')} states, alphabet ${s.alphabet}, tables ${mib(s.bytes)}`
      : `  automaton (${label}): n/a`;
  return [
    `Matcher benchmark: ${(f.textChars / 1e6).toFixed(2)} M UTF-16 units (${(f.textUtf8Bytes / 1e6).toFixed(2)} MB UTF-8) of mixed Korean/English news, ${f.aliases.toLocaleString('en')} aliases (${f.coreAliases} from core.json)`,
    `  build: ${f.buildMs.toFixed(1)} ms for ${f.aliases.toLocaleString('en')} aliases` +
      (f.largeBuildMs === null
        ? ''
        : `, ${f.largeBuildMs.toFixed(1)} ms for ${f.largeAliases.toLocaleString('en')}`),
    statsLine(`${f.aliases / 1000}k`, f.stats),
    ...(f.largeBuildMs === null ? [] : [statsLine(`${f.largeAliases / 1000}k`, f.largeStats)]),
    `  matcher (boundary rules on): ${f.matcherMs.toFixed(1)} ms → ${mcs(f.matcherCharsPerSec)}; in ~2k paragraphs: ${mcs(f.matcherChunkedCharsPerSec)}`,
    `  RegExp alternation:          ${f.regExpMs.toFixed(1)} ms → ${mcs(f.regExpCharsPerSec)} (compile ${f.regExpBuildMs.toFixed(0)} ms)`,
    `  ratio: ${f.ratio.toFixed(1)}×; mentions: ${f.mentions.toLocaleString('en')} (${f.distinctEntities.toLocaleString('en')} entities; RegExp raw hits ${f.regExpHits.toLocaleString('en')}), identical after filtering`,
    formatLinkRangesBench(f.linkRanges),
    `  targets: ≥ ${mcs(f.targets.charsPerSec)} and ≥ ${f.targets.ratio}× RegExp, link ranges < ${f.targets.linkRangesMs} ms: ${f.meetsTargets ? 'met' : 'NOT MET'}`,
  ];
}
