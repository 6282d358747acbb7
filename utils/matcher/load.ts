// A matcher from its tables: the lookups the scan reads (which units may
// start a name, their classes with case folded in, the left rule of each
// first unit), and findMentions, which maps what the scan finds back to the
// caller's text. Pages load a compiled matcher (loadMatcher) built in the
// background; buildMatcher (build.ts) comes here too.

import { foldCase } from './case-fold';
import { isHangul } from './chars';
import { type CompiledMatcher, decodeMatcherTables } from './compiled';
import { type NormalizedMap, normalizeWithMap, SPACE_UNITS } from './normalize';
import { KIND, type Scanner, STARTS, scanText, type UnitTables } from './scan';
import type { MatcherTables } from './tables';
import type { Matcher, Mention } from './types';

const NONE = -1;
/** A slot of the double-array that no state takes (see trie.ts). */
const FREE = -1;

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

/** A matcher from its compiled form; throws `CompiledMatcherError` if it cannot be read. */
export function loadMatcher(compiled: CompiledMatcher): Matcher {
  return matcherFromTables(decodeMatcherTables(compiled));
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
        const candidate = found[k + 3]!;
        const target = tables.targets[candidateTarget[candidate]!]!;
        const start = norm === null ? found[k]! : norm.startOf(found[k]!);
        const end = norm === null ? found[k + 1]! : norm.endOf(found[k + 1]! - 1);
        const mention: Mention = {
          start,
          end,
          type: target.type,
          id: target.id,
          surface: text.slice(start, end),
        };
        // Set only when true (the hot loop allocates no spread object per mention).
        if (tables.candidateAmbiguous[candidate]) mention.ambiguous = true;
        mentions.push(mention);
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
