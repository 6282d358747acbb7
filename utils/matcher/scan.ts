// findMentions' one left-to-right pass: it walks the trie only from
// positions where a name may start, and takes the longest name there that
// passes the boundary, case and link filters (leftmost-longest).
//
// Every mention has to pass the left boundary rule, so instead of finding
// all occurrences everywhere (Aho–Corasick) and then dropping most of them,
// the pass tests the rule first and walks the trie from the few positions
// that pass (word starts, a Latin letter after Hangul): no failure links,
// no list of candidates to sort, and nothing is looked at inside a mention
// already taken. The result is the same: at each start, left to right, the
// longest occurrence that passes all filters, skipping starts inside the
// previous mention.
//
// Per code unit the pass costs a few table lookups: its kind (syllable,
// Latin letter, digit, ...), which with the previous unit's kind settles the
// left rule for nearly all positions; the root's child for the folded unit,
// when the rule passes (case folding is in the tables, not done on the
// text). The same kinds tell whether the text needs normalizing at all: the
// pass runs on the text as given and starts over on the normalized text if
// it meets anything normalization would change (most text needs nothing).
//
// The kind tables live here with the loop that reads them, so the loop's
// lookups stay local (load.ts prepares a Scanner from a matcher's tables).

import { leftOk, rightOk } from './boundaries';
import { linkFilter } from './links';
import { FLAGS, INVISIBLE_UNITS, isKeep, SAFE_RANGES, SPACE_UNITS } from './normalize';

const NONE = -1;

// Kinds of code units, for the left boundary rule and the normalization check.
/** ASCII, not a letter, digit, `_`, `.`, `@` or white space; also controls. */
const K_SEP = 0;
/** White space (any `isSpace`). */
const K_SPACE = 1;
/** Hangul syllable. */
const K_SYLLABLE = 2;
/** ASCII letter or `_`. */
const K_LETTER = 3;
/** ASCII digit. */
const K_DIGIT = 4;
const K_DOT = 5;
const K_AT = 6;
/** Anything else normalization keeps as it is (`SAFE`): rules decided by `leftOk`. */
const K_OTHER = 7;
/**
 * Anything normalization may change or drop, or a surrogate; also, until
 * first met (see `settleKind`), anything else outside `SAFE_RANGES`.
 */
const K_NORMALIZE = 8;

// Built from ranges and short lists, not unit by unit: every page builds it
// while it loads, with nothing compiled yet.
export const KIND = new Uint8Array(0x10000).fill(K_NORMALIZE);
for (const [lo, hi] of SAFE_RANGES) KIND.fill(K_OTHER, lo, hi + 1);
for (const u of INVISIBLE_UNITS) KIND[u] = K_NORMALIZE;
for (let u = 0; u < 0x80; u++) {
  const letter = (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || u === 0x5f;
  KIND[u] =
    u === 0x2e
      ? K_DOT
      : u === 0x40
        ? K_AT
        : letter
          ? K_LETTER
          : u >= 0x30 && u <= 0x39
            ? K_DIGIT
            : K_SEP;
}
KIND.fill(K_SYLLABLE, 0xac00, 0xd7a4);
for (const u of SPACE_UNITS) KIND[u] = K_SPACE;

/** Left rule passes whatever the name. */
const PASS = 1;
/** Ask `leftOk` (the name's script decides, or the unit before the previous one). */
const ASK = 2;
/** As ASK, but the text must be normalized first (a white-space run, or K_NORMALIZE). */
const STOP = 3;
/** Added to a kind in `Scanner.kinds`: the root has a child for the (folded) unit. */
export const STARTS = 16;
/**
 * `START[(previous kind << 5) | kind | STARTS?]`: may a name start at a unit
 * of `kind` after one of `previous kind`? 0 (no), PASS, ASK or STOP. A name
 * starting with a syllable uses the Hangul rule (not after a syllable or a
 * Latin letter), one starting with anything else in ASCII the Latin rule
 * (not after a Latin letter or digit, nor after `@`; after `.` it depends).
 * No name starts with a unit without STARTS, but STOP is reported anyway.
 */
const START = new Uint8Array(16 * 32);
for (let prev = K_SEP; prev <= K_NORMALIZE; prev++) {
  for (let kind = K_SEP; kind <= K_NORMALIZE; kind++) {
    let rule: number;
    if (kind === K_NORMALIZE || (kind === K_SPACE && prev === K_SPACE)) rule = STOP;
    else if (kind === K_OTHER || prev === K_OTHER || prev === K_NORMALIZE) rule = ASK;
    else if (kind === K_SYLLABLE) rule = prev === K_SYLLABLE || prev === K_LETTER ? 0 : PASS;
    else if (prev === K_LETTER || prev === K_DIGIT || prev === K_AT) rule = 0;
    else rule = prev === K_DOT ? ASK : PASS;
    START[(prev << 5) | kind | STARTS] = rule;
    START[(prev << 5) | kind] = rule === STOP ? STOP : 0;
  }
}

/** Lookups from a code unit: its class, and the root's child for it (0: none). */
export interface UnitTables {
  classOf: Int32Array;
  startOf: Int32Array;
}

/**
 * A K_NORMALIZE unit met in text: if normalization in fact keeps it as it is
 * (㈜, Greek, kana, ...), it becomes K_OTHER for good, in `KIND` and in
 * `kinds`. Returns its entry in `kinds`.
 */
function settleKind(kinds: Uint8Array, u: number): number {
  if ((u < 0xd800 || u > 0xdfff) && FLAGS[u] === 0 && !(u >= 0xff01 && u <= 0xff5e)) {
    if (isKeep(u)) {
      KIND[u] = K_OTHER;
      kinds[u] = (kinds[u]! & STARTS) | K_OTHER;
    }
  }
  return kinds[u]!;
}

/** What a scan needs, gathered so the hot loop reads locals only. */
export interface Scanner {
  /** Pattern `p`'s candidates (its dictionary entries, by priority): see MatcherTables. */
  candidateStart: Int32Array;
  candidateExact: (string | null)[];
  /** `KIND`, plus STARTS where the root has a child for the folded unit. */
  kinds: Uint8Array;
  base: Int32Array;
  check: Int32Array;
  out: Int32Array;
  /** By root child: names below it start with Hangul (1) or not (0). */
  leftHangul: Uint8Array;
  /** By pattern: the name ends with Hangul. */
  rightHangul: Uint8Array;
  /** By pattern: the candidate to take without looking at the text (the first, if not exact), or -1. */
  plainCandidate: Int32Array;
  /** Outputs met on one walk down the trie: states and ends. */
  stackState: Int32Array;
  stackEnd: Int32Array;
}

/** One scan of one text. */
interface Scan {
  s: Scanner;
  t: string;
  /** `t` case-folded, or `t` itself when `classOf` folds case. */
  scan: string;
  classOf: Int32Array;
  /** Give up (return null) on anything normalization would change. */
  check: boolean;
  /** Flat `[start, end, pattern, candidate]` quadruples, offsets into `t`. */
  found: number[];
  overlapsLink: ((start: number, end: number) => boolean) | null;
}

const KIND_MASK = STARTS - 1;

/**
 * Mentions in `t` as flat `[start, end, pattern, candidate]` quadruples
 * (offsets into `t`), or null if `check` is set and `t` needs normalizing.
 * `scan` is `t` case-folded, or `t` itself when `tables` fold case.
 *
 * This loop finds where a name may start and walks the trie from there,
 * with table lookups only; the rarer work is in `askLeft` and `resolve`.
 * So it is compiled once and stays compiled, even when one call runs over
 * megabytes (on-stack replacement compiles a loop with the type feedback
 * seen so far; a call site first reached later would send it back to the
 * interpreter).
 */
export function scanText(
  s: Scanner,
  t: string,
  scan: string,
  tables: UnitTables,
  check: boolean,
): number[] | null {
  const { kinds, base, out, stackState, stackEnd } = s;
  const parentOf = s.check;
  const startRule = START;
  const { classOf, startOf } = tables;
  const n = t.length;
  const folding = scan !== t; // (compared once: string === is a call)
  const found: number[] = [];
  const context: Scan = { s, t, scan, classOf, check, found, overlapsLink: null };
  let previous = K_SEP;
  for (let i = 0; i < n; i++) {
    const u = t.charCodeAt(i);
    const kind = kinds[u]!;
    const rule = startRule[(previous << 5) | kind]!;
    previous = kind & KIND_MASK;
    if (rule === 0) continue;
    const first = startOf[folding ? scan.charCodeAt(i) : u]!;
    if (rule !== PASS) {
      const ok = askLeft(context, i, rule, first);
      if (ok < 0) return null;
      if (ok === 0) continue;
    } else if (first === 0) {
      continue;
    }

    // Walk down the trie from `i`, noting every name that ends on the way.
    let state = first;
    let j = i + 1;
    let top = 0;
    if (out[state] !== NONE) {
      stackState[top] = state;
      stackEnd[top++] = j;
    }
    while (j < n) {
      const c = classOf[scan.charCodeAt(j)]!;
      if (c === 0) break;
      const next = base[state]! + c;
      if (parentOf[next] !== state) break;
      state = next;
      j++;
      if (out[state] !== NONE) {
        stackState[top] = state;
        stackEnd[top++] = j;
      }
    }
    if (top === 0) continue;

    const last = resolve(context, i, top);
    if (last < 0) return null;
    if (last !== i) {
      i = last;
      previous = kinds[t.charCodeAt(i)]! & KIND_MASK;
    }
  }
  return found;
}

/**
 * The left rule at `i` when the kinds alone don't settle it (`rule` ASK or
 * STOP): 1 (a name may start here), 0 (none may), -1 (normalize first).
 * Units met for the first time are settled on the way.
 */
function askLeft(x: Scan, i: number, startRule: number, first: number): number {
  const { s, t } = x;
  let rule = startRule;
  if (rule === STOP) {
    if (x.check && (s.kinds[t.charCodeAt(i)]! & KIND_MASK) === K_NORMALIZE) {
      const kind = settleKind(s.kinds, t.charCodeAt(i));
      const previous = i === 0 ? K_SEP : s.kinds[t.charCodeAt(i - 1)]! & KIND_MASK;
      rule = START[(previous << 5) | kind]!;
    }
    if (rule === STOP) {
      if (x.check) return -1;
      rule = ASK;
    }
  }
  if (rule === 0 || first === 0) return 0;
  if (rule === ASK && !leftOk(t, i, s.leftHangul[first] === 1)) return 0;
  return 1;
}

/**
 * Names starting at `i` end at `stackEnd[0..top)` (shortest first): takes
 * the longest that passes the right rule, case and link filters. Returns
 * its last unit (the scan goes on after it), `i` if there is none, or -1
 * (normalize first).
 */
function resolve(x: Scan, i: number, count: number): number {
  const { s, t } = x;
  for (let top = count - 1; top >= 0; top--) {
    const p = s.out[s.stackState[top]!]!;
    const end = s.stackEnd[top]!;
    if (!rightOk(t, end, s.rightHangul[p] === 1)) continue;
    let c = s.plainCandidate[p]!;
    if (c === NONE) {
      for (let k = s.candidateStart[p]!; k < s.candidateStart[p + 1]!; k++) {
        const exact = s.candidateExact[k]!;
        if (exact === null || t.startsWith(exact, i)) {
          c = k;
          break;
        }
      }
      if (c === NONE) continue;
    }
    x.overlapsLink ??= linkFilter(t);
    if (x.overlapsLink(i, end)) continue;
    // The scan goes on at `end`: the units skipped must not need
    // normalizing either.
    if (x.check) {
      let previous = s.kinds[t.charCodeAt(i)]! & KIND_MASK;
      for (let k = i + 1; k < end; k++) {
        let kind = s.kinds[t.charCodeAt(k)]!;
        if ((kind & KIND_MASK) === K_NORMALIZE) kind = settleKind(s.kinds, t.charCodeAt(k));
        if (START[(previous << 5) | kind] === STOP) return -1;
        previous = kind & KIND_MASK;
      }
    }
    x.found.push(i, end, p, c);
    return end - 1;
  }
  return i;
}
