// What a matcher is made of, in flat arrays and plain values: build.ts
// computes it from a dictionary, compiled.ts carries it to every page, and
// load.ts turns it into a matcher. So the costly work happens once, where the
// dataset lives.

import type { EntryType } from './types';

/** What a mention resolves to. */
export interface MatchTarget {
  type: EntryType;
  id: string;
}

export interface MatcherTables {
  /** The distinct code units of the aliases, ascending: unit `alphabet[c - 1]` has class `c`. */
  alphabet: Uint16Array;
  /** The double-array trie (see trie.ts), one entry per slot. */
  base: Int32Array;
  check: Int32Array;
  /** Pattern ending at a slot, or -1. */
  out: Int32Array;
  /** By pattern: 1 if the name ends with Hangul (its right boundary rule). */
  rightHangul: Uint8Array;
  /** Pattern `p`'s candidates are `candidateStart[p]` up to `candidateStart[p + 1]`, by priority. */
  candidateStart: Int32Array;
  /** By candidate: its index in `targets`. */
  candidateTarget: Int32Array;
  /** By candidate: the normalized alias it must match exactly, or null. */
  candidateExact: (string | null)[];
  /** By candidate: 1 if its alias is ambiguous (an ordinary word too). */
  candidateAmbiguous: Uint8Array;
  targets: MatchTarget[];
  /** Longest pattern, in code units. */
  longest: number;
  /**
   * The case folds that concern this alphabet, as `[unit, folded, …]` (see
   * `foldedPairs`): units that fold into it, or out of it. Kept with the
   * tables so a page need not look for them among all 65,536 units.
   */
  folds: Uint16Array;
}
