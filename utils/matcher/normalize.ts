// Text normalization that keeps a map back to the original offsets.
//
// Most characters pass through unchanged, so the normalized text is built
// from slices of the input, and the offset map is a short list of blocks:
// - linear blocks, where normalized unit `i` comes from original unit
//   `orig + (i - norm)` (unchanged runs and 1:1 substitutions such as
//   full-width → ASCII or NBSP → space);
// - collapsed blocks, where every normalized unit comes from the whole
//   original range `[orig, origEnd)`: an NFC-composed segment (NFD 한글: 3
//   units → 1), a white-space run squeezed to one space, or removed
//   zero-width characters (empty block).
// A segment is one base code point plus everything that may compose onto it
// (combining marks, Hangul medial/final jamo); segments are normalized on
// their own, which is what whole-text NFC does for any real text.

import { isHangulSyllable, isSpace } from './chars';

/** Invisible characters that split words without showing: dropped entirely. */
const INVISIBLES = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const isInvisible = (c: number): boolean => c >= 0xad && INVISIBLES.has(c);

/** Unchanged by normalization, on its own. */
const KEEP = 0;
/** Composes with / attaches to the previous code point. */
const EXTEND = 1;
/** Changed by NFC even alone (singletons such as U+212B Å). */
const CHANGE = 2;
type Kind = typeof KEEP | typeof EXTEND | typeof CHANGE;

const MARK = /\p{M}/u;
const kindCache = new Map<number, Kind>();

function kindOf(cp: number): Kind {
  if (cp < 0x300 || isHangulSyllable(cp) || (cp >= 0x4e00 && cp <= 0x9fff)) return KEEP;
  let kind = kindCache.get(cp);
  if (kind === undefined) {
    const s = String.fromCodePoint(cp);
    // Conjoining jamo vowels/finals (NFD 한글) are not marks but do compose.
    if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff) || MARK.test(s)) {
      kind = EXTEND;
    } else {
      kind = s.normalize('NFC') === s ? KEEP : CHANGE;
    }
    kindCache.set(cp, kind);
  }
  return kind;
}

/** Full-width ASCII (ＯｐｅｎＡＩ, ０-９) → ASCII; one unit to one unit. */
const isFullWidth = (u: number): boolean => u >= 0xff01 && u <= 0xff5e;

// Per-unit flags for the hot loop: most text is made of units that
// normalization leaves alone, skipped with one table lookup each.
/** Unchanged on its own and never composing with a neighbour (see `SAFE_RANGES`). */
export const SAFE = 1;
/** White space (`isSpace`). */
export const SPACE = 2;
/** Removed (`isInvisible`). */
export const INVISIBLE = 4;

/**
 * Units that are KEEP (see `kindOf`), not white space, not invisible and not
 * full-width: printable ASCII, Latin-1 and Latin Extended up to U+02FF (all
 * below U+0300 are KEEP), general punctuation (minus U+2028/2029/202F/205F
 * spaces and U+2060), CJK punctuation (minus U+3000 and the U+302A–302F
 * tone marks), compatibility jamo and ㆍ, CJK ideographs, Hangul syllables.
 * Checked unit by unit against `kindOf` by the tests.
 */
export const SAFE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x21, 0x7e],
  [0xa1, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x3001, 0x3029],
  [0x3030, 0x303f],
  [0x3131, 0x318e],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];

/** SAFE, SPACE, INVISIBLE or 0 (anything else), by UTF-16 code unit. */
export const FLAGS = new Uint8Array(0x10000);
/** The white-space units (`isSpace`), ascending. */
export const SPACE_UNITS: number[] = [];
/** The units normalization removes (`isInvisible`), ascending. */
export const INVISIBLE_UNITS: number[] = [];
for (const [lo, hi] of SAFE_RANGES) FLAGS.fill(SAFE, lo, hi + 1);
for (let u = 0; u < 0x3001; u++) {
  if (isSpace(u)) {
    FLAGS[u] = SPACE;
    SPACE_UNITS.push(u);
  } else if (isInvisible(u)) {
    FLAGS[u] = INVISIBLE;
    INVISIBLE_UNITS.push(u);
  }
}
FLAGS[0xfeff] = INVISIBLE;
INVISIBLE_UNITS.push(0xfeff);

/** `kindOf(cp) === KEEP`, for tests of `SAFE_RANGES`. */
export const isKeep = (cp: number): boolean => kindOf(cp) === KEEP;

export interface NormalizedText {
  /** NFC, full-width folded, white-space runs → one space, invisibles removed. Case kept. */
  text: string;
  /** Original offset of normalized unit `i` (`i === text.length` → original length). */
  toOriginal(i: number): number;
  /** Original exclusive end for a normalized exclusive end `i`. */
  toOriginalEnd(i: number): number;
}

/** Internal form used by the matcher. */
export interface NormalizedMap {
  text: string;
  /** Original start of normalized unit `i < text.length`. */
  startOf(i: number): number;
  /** Original exclusive end of normalized unit `i < text.length`. */
  endOf(i: number): number;
  /** Normalized unit `i` comes from original unit `i`, for every `i`. */
  identity: boolean;
  /** The text has surrogates (astral characters), which `foldCase` maps in pairs. */
  surrogates: boolean;
}

/** Collects output pieces and offset blocks. */
class MapBuilder {
  readonly pieces: string[] = [];
  length = 0;
  /** Block k starts at normalized `norm[k]`; `origEnd[k] < 0` marks it linear. */
  readonly norm: number[] = [0];
  readonly orig: number[] = [0];
  readonly origEnd: number[] = [-1];

  /** Append input units that keep the current linear mapping. */
  keep(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.pieces.push(input.slice(from, to));
    this.length += to - from;
  }

  /** Append a unit replacing the next input unit, 1:1: the mapping stays linear. */
  substitute(unit: number): void {
    this.pieces.push(String.fromCharCode(unit));
    this.length++;
  }

  /** Append `text` (maybe empty) standing for original `[from, to)`; linear again after it. */
  collapse(text: string, from: number, to: number): void {
    this.block(from, to);
    this.pieces.push(text);
    this.length += text.length;
    this.block(to, -1);
  }

  private block(orig: number, origEnd: number): void {
    const last = this.norm.length - 1;
    if (this.norm[last] === this.length) {
      // The previous block is empty (nothing maps to it): reuse it, so no
      // empty block survives and lookups need no special case.
      this.orig[last] = orig;
      this.origEnd[last] = origEnd;
    } else {
      this.norm.push(this.length);
      this.orig.push(orig);
      this.origEnd.push(origEnd);
    }
  }

  /** Index of the block containing normalized unit `i`. */
  find(i: number): number {
    const { norm } = this;
    let lo = 0;
    let hi = norm.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (norm[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  startOf(i: number): number {
    const k = this.find(i);
    return this.origEnd[k]! < 0 ? this.orig[k]! + (i - this.norm[k]!) : this.orig[k]!;
  }

  endOf(i: number): number {
    const k = this.find(i);
    return this.origEnd[k]! < 0 ? this.orig[k]! + (i - this.norm[k]!) + 1 : this.origEnd[k]!;
  }
}

/** Normalize one segment (base + extenders) and apply the per-unit folds. */
function normalizeSegment(seg: string): string {
  const nfc = seg.normalize('NFC');
  let out = '';
  for (let k = 0; k < nfc.length; k++) {
    const u = nfc.charCodeAt(k);
    if (isInvisible(u)) continue;
    out += String.fromCharCode(isSpace(u) ? 0x20 : isFullWidth(u) ? u - 0xfee0 : u);
  }
  return out;
}

/**
 * Index of the first unit from `from` on that normalization has to look at:
 * not SAFE and not a lone space (a lone ' ', or any lone white space with
 * `keepLoneSpaces`). Kept apart from `normalizeWithMap`, so this loop,
 * where nearly all the time goes, is compiled early and on its own.
 */
function skipPlain(input: string, from: number, keepLoneSpaces: boolean): number {
  const flags = FLAGS; // a local: module bindings cost more in hot loops
  const n = input.length;
  let i = from;
  while (i < n) {
    const c = input.charCodeAt(i);
    const f = flags[c]!;
    if (f === 1 /* SAFE */) {
      i++;
    } else if (
      f === 2 /* SPACE */ &&
      (c === 0x20 || keepLoneSpaces) &&
      (i + 1 === n || flags[input.charCodeAt(i + 1)]! < 2) /* not SPACE or INVISIBLE */
    ) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/**
 * Normalize `input` (see `normalizeForMatching`) with a map back to it.
 * With `keepLoneSpaces`, a white-space character that is not part of a run
 * is left as it is (a run still becomes one ' '): the matcher treats all
 * white space alike, and this keeps text like `a\nb` from being copied.
 */
export function normalizeWithMap(input: string, keepLoneSpaces = false): NormalizedMap {
  const n = input.length;
  const b = new MapBuilder();
  let pending = 0; // start of the unchanged input not yet handed to `b`
  let lastKept = -1; // start of the last code point kept unchanged
  let surrogates = false;
  let i = 0;
  while (i < n) {
    // Hot path: units that are unchanged and never compose, lone spaces.
    const plain = skipPlain(input, i, keepLoneSpaces);
    if (plain > i) {
      lastKept = FLAGS[input.charCodeAt(plain - 1)] === SPACE ? -1 : plain - 1;
      i = plain;
      if (i === n) break;
    }
    const c = input.charCodeAt(i);
    const flags = FLAGS[c]!;
    if (flags !== 0) {
      // White space or invisible. A run of spaces and invisibles becomes one
      // space, or nothing if it has no space (Open\u200BAI → OpenAI). A
      // lone ' ' is kept as it is (see `skipPlain`), other lone spaces
      // become ' '.
      if (flags === SPACE && (i + 1 === n || FLAGS[input.charCodeAt(i + 1)]! < SPACE)) {
        b.keep(input, pending, i);
        b.substitute(0x20);
        pending = i + 1;
        lastKept = -1;
        i++;
        continue;
      }
      let j = i;
      let spaces = 0;
      while (j < n) {
        const d = FLAGS[input.charCodeAt(j)]!;
        if (d === SPACE) spaces++;
        else if (d !== INVISIBLE) break;
        j++;
      }
      // (Runs are consumed whole, so the text before `i` never ends in a space.)
      b.keep(input, pending, i);
      b.collapse(spaces > 0 ? ' ' : '', i, j);
      pending = j;
      lastKept = -1;
      i = j;
      continue;
    }
    if (isFullWidth(c)) {
      b.keep(input, pending, i);
      b.substitute(c - 0xfee0);
      pending = ++i;
      lastKept = -1;
      continue;
    }
    const cp = input.codePointAt(i) ?? c;
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    const size = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === KEEP) {
      lastKept = i;
      i += size;
      continue;
    }
    // Extend or Change: normalize a whole segment. An extender composes with
    // the code point just kept unchanged, if it directly precedes it.
    let segStart = i;
    if (kind === EXTEND && lastKept >= pending && lastKept >= 0) {
      const base = input.codePointAt(lastKept) ?? 0;
      if (lastKept + (base > 0xffff ? 2 : 1) === i) segStart = lastKept;
    }
    let j = i + size;
    while (j < n) {
      const next = input.codePointAt(j) ?? 0;
      if (kindOf(next) !== EXTEND) break;
      if (next > 0xffff) surrogates = true;
      j += next > 0xffff ? 2 : 1;
    }
    b.keep(input, pending, segStart);
    b.collapse(normalizeSegment(input.slice(segStart, j)), segStart, j);
    pending = j;
    lastKept = -1;
    i = j;
  }
  b.keep(input, pending, n);
  const text =
    b.pieces.length === 0 ? '' : b.pieces.length === 1 ? b.pieces[0]! : b.pieces.join('');
  const identity = b.norm.length === 1 && b.orig[0] === 0 && b.origEnd[0]! < 0;
  return {
    text,
    startOf: identity ? (k) => k : (k) => b.startOf(k),
    endOf: identity ? (k) => k + 1 : (k) => b.endOf(k),
    identity,
    surrogates,
  };
}

/**
 * Normalize `text` for matching while keeping offsets: Unicode NFC, full-width
 * Latin/digits → ASCII, NBSP and other spaces → one plain space per run,
 * zero-width characters and soft hyphens removed.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const map = normalizeWithMap(text);
  const length = map.text.length;
  return {
    text: map.text,
    toOriginal: (i) => (i < length ? map.startOf(i) : text.length),
    toOriginalEnd: (i) => (i <= 0 ? 0 : map.endOf(Math.min(i, length) - 1)),
  };
}

/** Separators ignored by `aliasKey`: white space, dots, hyphens/dashes, middle dots. */
const KEY_SEPARATORS =
  /[\s.\-\u00b7\u2027\u30fb\uff65\u318d\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff\u00ad]/gu;

/**
 * Search key for the UI (not used by the automaton): NFKC, lowercase, and all
 * white space, dots, hyphens and middle dots removed, so `오픈 ai`, `오픈AI`
 * and `오픈-AI` give the same key.
 */
export function aliasKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(KEY_SEPARATORS, '');
}
