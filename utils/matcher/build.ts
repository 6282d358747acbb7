// A dictionary compiled into matcher tables: aliases normalized and case
// folded into the patterns of one trie, each pattern with its candidates
// (the entries it may stand for, by priority). Runs where the dataset lives
// (the background); pages load the result (load.ts).

import { type EdgeScript, edgeScript } from './boundaries';
import { foldCase, foldedPairs } from './case-fold';
import { codePointBefore } from './chars';
import { type CompiledMatcher, encodeMatcherTables } from './compiled';
import { matcherFromTables } from './load';
import { normalizeWithMap } from './normalize';
import type { MatcherTables, MatchTarget } from './tables';
import { buildTrie } from './trie';
import type { DictionaryEntry, Matcher } from './types';

/**
 * Short all-capital acronyms (MS, SK, LG, KT, AWS, IBM, TSMC, GTAA) would be
 * everywhere if matched case-insensitively (ms, Ms., sk), so they must match
 * exactly. Everything else is case-insensitive (OpenAI = openai = OPENAI).
 */
export function isCaseSensitiveAlias(normalizedAlias: string): boolean {
  return /^[A-Z0-9]{2,4}$/.test(normalizedAlias) && /[A-Z]/.test(normalizedAlias);
}

/** An alias as the trie sees it (same pipeline as the text, trimmed). */
export function normalizeAlias(alias: string): string {
  return normalizeWithMap(alias).text.trim();
}

export function buildMatcher(entries: readonly DictionaryEntry[]): Matcher {
  return matcherFromTables(buildMatcherTables(entries));
}

/** Builds a dictionary's matcher tables and compiles them. */
export function compileMatcher(entries: readonly DictionaryEntry[]): CompiledMatcher {
  return encodeMatcherTables(buildMatcherTables(entries));
}

/** Normalizes the aliases and builds the trie: the costly half of `buildMatcher`. */
export function buildMatcherTables(entries: readonly DictionaryEntry[]): MatcherTables {
  type Named = { entry: DictionaryEntry; normalized: string };
  const byKey = new Map<string, { right: EdgeScript; entries: Named[] }>();
  for (const entry of entries) {
    const normalized = normalizeAlias(entry.alias);
    if (normalized === '') continue;
    const key = foldCase(normalized);
    let pattern = byKey.get(key);
    if (!pattern) {
      pattern = { right: edgeScript(codePointBefore(key, key.length)), entries: [] };
      byKey.set(key, pattern);
    }
    pattern.entries.push({ entry, normalized });
  }
  const count = byKey.size;
  const rightHangul = new Uint8Array(count);
  const candidateStart = new Int32Array(count + 1);
  const candidateTarget: number[] = [];
  const candidateExact: (string | null)[] = [];
  const candidateAmbiguous: number[] = [];
  const targets: MatchTarget[] = [];
  const targetIndex = new Map<string, number>();
  let longest = 0;
  let p = 0;
  for (const [key, pattern] of byKey) {
    rightHangul[p] = pattern.right === 'hangul' ? 1 : 0;
    longest = Math.max(longest, key.length);
    // Stable sort: companies before alliances, dictionary order otherwise.
    for (const { entry, normalized } of pattern.entries.sort(
      (a, b) => rank(a.entry) - rank(b.entry),
    )) {
      const targetKey = `${entry.type}:${entry.id}`;
      let t = targetIndex.get(targetKey);
      if (t === undefined) {
        t = targets.push({ type: entry.type, id: entry.id }) - 1;
        targetIndex.set(targetKey, t);
      }
      candidateTarget.push(t);
      candidateExact.push(isCaseSensitiveAlias(normalized) ? normalized : null);
      candidateAmbiguous.push(entry.ambiguous ? 1 : 0);
    }
    candidateStart[++p] = candidateTarget.length;
  }
  const trie = buildTrie([...byKey.keys()]);
  const alphabet = new Uint16Array(trie.alphabetSize);
  const { classOf, base, check, out } = trie.trie;
  for (let u = 0; u < 0x10000; u++) if (classOf[u] !== 0) alphabet[classOf[u]! - 1] = u;
  const allFolds = foldedPairs();
  const folds: number[] = [];
  for (let k = 0; k < allFolds.length; k += 2) {
    if (classOf[allFolds[k]!] !== 0 || classOf[allFolds[k + 1]!] !== 0)
      folds.push(allFolds[k]!, allFolds[k + 1]!);
  }
  return {
    alphabet,
    base,
    check,
    out,
    rightHangul,
    candidateStart,
    candidateTarget: Int32Array.from(candidateTarget),
    candidateExact,
    candidateAmbiguous: Uint8Array.from(candidateAmbiguous),
    targets,
    longest,
    folds: Uint16Array.from(folds),
  };
}

const rank = (entry: DictionaryEntry): number => (entry.type === 'company' ? 0 : 1);
