// Aho–Corasick over the matcher's double-array trie: every occurrence of
// every pattern, found by the textbook algorithm. The matcher itself only
// walks the trie from word starts (utils/matcher/scan.ts); tests compare it
// with this scan, which finds everything and filters afterwards.

import { buildTrie, type Trie, type TrieTables } from '../../utils/matcher/trie';

const NONE = -1;

export interface AhoCorasick extends Trie {
  /**
   * Reports every occurrence of every pattern in `text`, as
   * `onMatch(patternIndex, endExclusive)`, in order of `end` (longest first
   * for the same end).
   */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

/** The trie of `patterns` with failure links; pattern `i` is reported as `i`. */
export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const built = buildTrie(patterns);
  const { classOf, base, check, out } = built.trie;
  const { fail, report, dict } = buildLinks(built.trie, breadthFirst(built));
  return {
    ...built,
    scan(text, onMatch) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const c = classOf[text.charCodeAt(i)]!;
        if (c === 0) {
          state = 0; // no pattern contains this unit
          continue;
        }
        for (;;) {
          const t = base[state]! + c;
          if (check[t] === state) {
            state = t;
            break;
          }
          if (state === 0) break;
          state = fail[state]!;
        }
        for (let o = report[state]!; o !== NONE; o = dict[o]!) onMatch(out[o]!, i + 1);
      }
    },
  };
}

/** The trie's states, root first, each after its parent. */
function breadthFirst({ nodeCount, alphabetSize, trie }: Trie): Int32Array {
  const order = new Int32Array(nodeCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    for (let c = 1; c <= alphabetSize; c++) {
      const t = trie.base[s]! + c;
      if (trie.check[t] === s) order[tail++] = t;
    }
  }
  return order;
}

interface Links {
  /** Longest proper suffix state (the root is 0). */
  fail: Int32Array;
  /** First state with an output among the state and its suffixes, or -1. */
  report: Int32Array;
  /** Next shorter suffix state with an output, or -1. */
  dict: Int32Array;
}

/**
 * Failure links, breadth-first so a parent's link is always ready: the
 * longest proper suffix of the state's path that is also a trie path.
 * `dict` jumps to the nearest such suffix that ends a pattern, so
 * reporting costs O(matches), not O(depth).
 */
function buildLinks({ base, check, out }: TrieTables, order: Int32Array): Links {
  const size = base.length;
  const fail = new Int32Array(size);
  const dict = new Int32Array(size).fill(NONE);
  for (let q = 1; q < order.length; q++) {
    const v = order[q]!;
    const u = check[v]!;
    const c = v - base[u]!;
    let link = 0;
    if (u !== 0) {
      for (let f = fail[u]!; ; f = fail[f]!) {
        const t = base[f]! + c;
        if (check[t] === f) {
          link = t;
          break;
        }
        if (f === 0) break;
      }
    }
    fail[v] = link;
    dict[v] = out[link] !== NONE ? link : dict[link]!;
  }
  // First state to report on arriving at a state: itself or its dict link.
  const report = new Int32Array(size).fill(NONE);
  for (let q = 0; q < order.length; q++) {
    const v = order[q]!;
    report[v] = out[v] !== NONE ? v : dict[v]!;
  }
  return { fail, report, dict };
}
