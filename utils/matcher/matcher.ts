// buildMatcher: dictionary → trie once. findMentions: one left-to-right pass
// that walks the trie only from positions where a name may start, and takes
// the longest name there that passes the boundary, case and link filters
// (leftmost-longest).
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

import { buildAutomaton } from './automaton';
import { type EdgeScript, edgeScript, leftOk, rightOk } from './boundaries';
import { codePointBefore, isHangul } from './chars';
import { linkFilter } from './links';
import {
  FLAGS,
  foldCase,
  foldedPairs,
  INVISIBLE_UNITS,
  isKeep,
  type NormalizedMap,
  normalizeWithMap,
  SAFE_RANGES,
  SPACE_UNITS,
} from './normalize';
import type { DictionaryEntry, EntryType, Matcher, Mention } from './types';

const NONE = -1;
/** A slot of the double-array that no state takes (see automaton.ts). */
const FREE = -1;

/** What a mention resolves to. */
export interface MatchTarget {
  type: EntryType;
  id: string;
}

/**
 * Everything a matcher needs, in flat arrays and plain values: what
 * `buildMatcherTables` computes from a dictionary and `matcherFromTables`
 * turns into a matcher. So the work can happen once, where the dataset lives,
 * and be carried to every page (see compiled.ts).
 */
export interface MatcherTables {
  /** The distinct code units of the aliases, ascending: unit `alphabet[c - 1]` has class `c`. */
  alphabet: Uint16Array;
  /** The double-array trie (see automaton.ts), one entry per slot. */
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
const KIND = new Uint8Array(0x10000).fill(K_NORMALIZE);
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
/** Added to a kind in `UnitTables.kindOf`: the root has a child for the (folded) unit. */
const STARTS = 16;
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

export interface MatcherStats {
  /** Trie states. */
  states: number;
  /** Distinct code units in the aliases. */
  alphabet: number;
  /** Bytes of typed-array tables (trie and matcher lookups). */
  bytes: number;
}
const statsOf = new WeakMap<Matcher, MatcherStats>();
/** Table sizes of a matcher made by `buildMatcher`. */
export const matcherStats = (m: Matcher): MatcherStats | undefined => statsOf.get(m);

/** Lookups from a code unit: its class, and the root's child for it (0: none). */
interface UnitTables {
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
interface Scanner {
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
function scanText(
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

export function buildMatcher(entries: readonly DictionaryEntry[]): Matcher {
  return matcherFromTables(buildMatcherTables(entries));
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
    }
    candidateStart[++p] = candidateTarget.length;
  }
  const automaton = buildAutomaton([...byKey.keys()]);
  const alphabet = new Uint16Array(automaton.alphabetSize);
  const { classOf, base, check, out } = automaton.trie;
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
    targets,
    longest,
    folds: Uint16Array.from(folds),
  };
}

/** A matcher over tables from `buildMatcherTables` (or decoded from their compiled form). */
export function matcherFromTables(tables: MatcherTables): Matcher {
  const { base, check, out, rightHangul, candidateStart, candidateTarget, candidateExact } = tables;
  const count = tables.rightHangul.length;
  // No object per pattern or entry: a page decoding 10,000 companies' tables
  // would make tens of thousands of them before reading a word.
  const plainCandidate = new Int32Array(count);
  for (let p = 0; p < count; p++)
    plainCandidate[p] = candidateExact[candidateStart[p]!] === null ? candidateStart[p]! : NONE;
  const trieClass = new Int32Array(0x10000);
  for (let c = 0; c < tables.alphabet.length; c++) trieClass[tables.alphabet[c]!] = c + 1;
  const slotCount = base.length;

  // All white space is matched as ' ' (lone white space stays in the text;
  // see normalizeWithMap), and the text is case-folded through `fold`.
  const rootBase = base[0]!;
  // Only units of the alphabet, units that fold into it and white space get
  // a class: a few hundred, set one by one (all others are 0).
  const unitTables = (folding: boolean): UnitTables => {
    const classOf = new Int32Array(0x10000);
    const startOf = new Int32Array(0x10000);
    const set = (u: number, c: number) => {
      classOf[u] = c;
      startOf[u] = c !== 0 && check[rootBase + c] === 0 ? rootBase + c : 0;
    };
    for (let c = 1; c <= tables.alphabet.length; c++) set(tables.alphabet[c - 1]!, c);
    if (folding) {
      const pairs = tables.folds;
      for (let k = 0; k < pairs.length; k += 2) set(pairs[k]!, trieClass[pairs[k + 1]!]!);
    }
    for (const u of SPACE_UNITS) set(u, trieClass[0x20]!);
    return { classOf, startOf };
  };
  const folded = unitTables(true);
  // For texts with surrogates, folded by `foldCase` itself (astral letters
  // fold in pairs); built on first use.
  let plain: UnitTables | null = null;

  // Left boundary rule of the names below each child of the root: all
  // start with the same unit, so with the same script.
  const leftHangul = new Uint8Array(slotCount);
  for (let c = 1; c <= tables.alphabet.length; c++) {
    const u = tables.alphabet[c - 1]!;
    if (check[rootBase + c] === 0) leftHangul[rootBase + c] = isHangul(u) ? 1 : 0;
  }
  const kinds = new Uint8Array(KIND);
  const marks = (u: number) => {
    if (folded.startOf[u] !== 0) kinds[u] = kinds[u]! | STARTS;
  };
  for (const u of tables.alphabet) marks(u);
  for (let k = 0; k < tables.folds.length; k += 2) marks(tables.folds[k]!);
  for (const u of SPACE_UNITS) marks(u);

  const scanner: Scanner = {
    candidateStart,
    candidateExact,
    kinds,
    base,
    check,
    out,
    leftHangul,
    rightHangul,
    plainCandidate,
    stackState: new Int32Array(tables.longest + 1),
    stackEnd: new Int32Array(tables.longest + 1),
  };

  const matcher: Matcher = {
    findMentions(text: string): Mention[] {
      if (text === '' || count === 0) return [];
      // Most text needs no normalizing: try it as it is first.
      let found = scanText(scanner, text, text, folded, true);
      let norm: NormalizedMap | null = null;
      if (found === null) {
        norm = normalizeWithMap(text, true);
        const t = norm.text;
        if (norm.surrogates) {
          plain ??= unitTables(false);
          found = scanText(scanner, t, foldCase(t), plain, false)!;
        } else {
          found = scanText(scanner, t, t, folded, false)!;
        }
      }
      const mentions: Mention[] = [];
      for (let k = 0; k < found.length; k += 4) {
        const target = tables.targets[candidateTarget[found[k + 3]!]!]!;
        const start = norm === null ? found[k]! : norm.startOf(found[k]!);
        const end = norm === null ? found[k + 1]! : norm.endOf(found[k + 1]! - 1);
        mentions.push({
          start,
          end,
          type: target.type,
          id: target.id,
          surface: text.slice(start, end),
        });
      }
      return mentions;
    },
  };
  let states = 0;
  for (let slot = 0; slot < slotCount; slot++) if (check[slot] !== FREE) states++;
  statsOf.set(matcher, {
    states,
    alphabet: tables.alphabet.length,
    get bytes() {
      return (
        trieClass.byteLength +
        base.byteLength +
        check.byteLength +
        out.byteLength +
        2 * folded.classOf.byteLength +
        kinds.byteLength +
        (plain ? 2 * plain.classOf.byteLength : 0) +
        leftHangul.byteLength +
        rightHangul.byteLength +
        plainCandidate.byteLength +
        2 * scanner.stackState.byteLength
      );
    },
  });
  return matcher;
}

const rank = (entry: DictionaryEntry): number => (entry.type === 'company' ? 0 : 1);
