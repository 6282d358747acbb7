// buildMatcher: dictionary → automaton once; findMentions: normalize, one
// automaton pass, boundary/case/link filters, then leftmost-longest.

import { buildAutomaton } from './automaton';
import { type EdgeScript, edgeScript, leftBoundaryOk, rightBoundaryOk } from './boundaries';
import { codePointAt, codePointBefore } from './chars';
import { findLinkRanges, overlapsRanges } from './links';
import { foldCase, normalizeWithMap } from './normalize';
import type { DictionaryEntry, Matcher, Mention } from './types';

/** One dictionary entry behind a pattern. */
interface Candidate {
  entry: DictionaryEntry;
  /** Normalized alias that must match exactly (case-sensitive acronyms), else null. */
  exact: string | null;
}

/** A distinct automaton pattern: a normalized, case-folded alias. */
interface Pattern {
  length: number;
  left: EdgeScript;
  right: EdgeScript;
  /** By priority: companies first, then dictionary order. */
  candidates: Candidate[];
}

/**
 * Short all-capital acronyms (MS, SK, LG, KT, AWS, IBM, TSMC, GTAA) would be
 * everywhere if matched case-insensitively (ms, Ms., sk), so they must match
 * exactly. Everything else is case-insensitive (OpenAI = openai = OPENAI).
 */
export function isCaseSensitiveAlias(normalizedAlias: string): boolean {
  return /^[A-Z0-9]{2,4}$/.test(normalizedAlias) && /[A-Z]/.test(normalizedAlias);
}

/** An alias as the automaton sees it (same pipeline as the text, trimmed). */
export function normalizeAlias(alias: string): string {
  return normalizeWithMap(alias).text.trim();
}

export interface MatcherStats {
  states: number;
  alphabet: number;
  bytes: number;
}
const statsOf = new WeakMap<Matcher, MatcherStats>();
export const matcherStats = (m: Matcher): MatcherStats | undefined => statsOf.get(m);

export function buildMatcher(entries: readonly DictionaryEntry[]): Matcher {
  const byKey = new Map<string, Pattern>();
  for (const entry of entries) {
    const normalized = normalizeAlias(entry.alias);
    if (normalized === '') continue;
    const key = foldCase(normalized);
    let pattern = byKey.get(key);
    if (!pattern) {
      pattern = {
        length: key.length,
        left: edgeScript(codePointAt(key, 0)),
        right: edgeScript(codePointBefore(key, key.length)),
        candidates: [],
      };
      byKey.set(key, pattern);
    }
    pattern.candidates.push({
      entry,
      exact: isCaseSensitiveAlias(normalized) ? normalized : null,
    });
  }
  const patterns = [...byKey.values()];
  for (const p of patterns) {
    // Stable sort: companies before alliances, dictionary order otherwise.
    p.candidates.sort((a, b) => rank(a.entry) - rank(b.entry));
  }
  const automaton = buildAutomaton([...byKey.keys()]);

  const result: Matcher = {
    findMentions(text: string): Mention[] {
      if (text === '' || patterns.length === 0) return [];
      const { text: t, startOf, endOf } = normalizeWithMap(text);
      const lower = foldCase(t);

      // Flat [start, end, patternIndex, candidateIndex] quadruples.
      const found: number[] = [];
      automaton.scan(lower, (index, end) => {
        const p = patterns[index]!;
        const start = end - p.length;
        if (!leftBoundaryOk(t, start, p.left) || !rightBoundaryOk(t, end, p.right)) return;
        const c = p.candidates.findIndex((x) => x.exact === null || t.startsWith(x.exact, start));
        if (c >= 0) found.push(start, end, index, c);
      });
      if (found.length === 0) return [];

      const links = findLinkRanges(t, lower);
      const order: number[] = [];
      for (let k = 0; k < found.length; k += 4) {
        if (links.length === 0 || !overlapsRanges(links, found[k]!, found[k + 1]!)) order.push(k);
      }
      // Leftmost first; at the same start the longest (삼성전자 over 삼성).
      order.sort((a, b) => found[a]! - found[b]! || found[b + 1]! - found[a + 1]!);

      const mentions: Mention[] = [];
      let lastEnd = 0;
      for (const k of order) {
        const s = found[k]!;
        const e = found[k + 1]!;
        if (s < lastEnd) continue; // overlaps a mention already taken
        lastEnd = e;
        const { entry } = patterns[found[k + 2]!]!.candidates[found[k + 3]!]!;
        const start = startOf(s);
        const end = endOf(e - 1);
        mentions.push({
          start,
          end,
          type: entry.type,
          id: entry.id,
          surface: text.slice(start, end),
        });
      }
      return mentions;
    },
  };
  statsOf.set(result, { states: automaton.nodeCount, alphabet: 0, bytes: automaton.byteSize });
  return result;
}

const rank = (entry: DictionaryEntry): number => (entry.type === 'company' ? 0 : 1);
