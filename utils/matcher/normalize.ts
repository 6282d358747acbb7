// Text normalization that keeps a map back to the original offsets.
//
// The text is cut into segments — one base code point plus everything that
// may compose onto it (combining marks, Hangul medial/final jamo) — and each
// segment is normalized on its own. A segment's output units all map back to
// the segment's original range, so NFC changing the length (NFD 한글: 3 units
// → 1) or zero-width characters disappearing never shifts later offsets.

import { isHangulSyllable, isSpace } from './chars';

/** Invisible characters that split words without showing: dropped entirely. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

const MARK = /\p{M}/u;

/** Can `c` compose with (or attach to) the code point before it? */
function isExtending(c: number): boolean {
  if (c < 0x300 || isHangulSyllable(c) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  // Conjoining jamo vowels/finals (NFD 한글) are not marks but do compose.
  if ((c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff)) return true;
  return MARK.test(String.fromCodePoint(c));
}

/** Code points known to be NFC-stable on their own: skip the `normalize` call. */
function isStableAlone(c: number): boolean {
  return (
    c < 0x300 ||
    isHangulSyllable(c) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff01 && c <= 0xff5e) ||
    isSpace(c)
  );
}

/** Full-width ASCII (ＯｐｅｎＡＩ, ０-９) → ASCII; same length, so done per unit. */
const foldWidth = (u: number): number => (u >= 0xff01 && u <= 0xff5e ? u - 0xfee0 : u);

export interface NormalizedText {
  /** NFC, full-width folded, white-space runs → one space, invisibles removed. Case kept. */
  text: string;
  /** Original offset of normalized unit `i` (`i === text.length` → original length). */
  toOriginal(i: number): number;
  /** Original exclusive end for a normalized exclusive end `i`. */
  toOriginalEnd(i: number): number;
}

/** Internal form: `starts[i]`/`ends[i]` = original range that produced unit `i`. */
export interface NormalizedMap {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** Growable buffer of output units with their original ranges. */
class Builder {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  private lastWasSpace = false;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.units = new Uint16Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  push(unit: number, start: number, end: number): void {
    if (unit === 0x20) {
      // Collapse white-space runs; the one space covers the whole run.
      if (this.lastWasSpace) {
        this.ends[this.length - 1] = end;
        return;
      }
      this.lastWasSpace = true;
    } else {
      this.lastWasSpace = false;
    }
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const cap = this.units.length * 2;
    const units = new Uint16Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
}

/** Uint16 units → string, chunked so the spread never overflows the stack. */
export function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 4096;
  if (length <= CHUNK) return String.fromCharCode(...units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + CHUNK))));
  }
  return parts.join('');
}

export function normalizeWithMap(input: string): NormalizedMap {
  const n = input.length;
  const out = new Builder(n);
  let i = 0;
  while (i < n) {
    const segStart = i;
    const cp = input.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (INVISIBLE.has(cp)) continue;
    let simple = isStableAlone(cp);
    while (i < n) {
      const next = input.codePointAt(i) ?? 0;
      if (!isExtending(next)) break;
      i += next > 0xffff ? 2 : 1;
      simple = false;
    }
    if (simple) {
      // Single BMP unit that NFC leaves alone (the hot path for Hangul/ASCII).
      out.push(isSpace(cp) ? 0x20 : foldWidth(cp), segStart, i);
      continue;
    }
    const seg = input.slice(segStart, i).normalize('NFC');
    for (let k = 0; k < seg.length; k++) {
      const u = seg.charCodeAt(k);
      if (INVISIBLE.has(u)) continue;
      out.push(isSpace(u) ? 0x20 : foldWidth(u), segStart, i);
    }
  }
  return {
    text: unitsToString(out.units, out.length),
    starts: out.starts.subarray(0, out.length),
    ends: out.ends.subarray(0, out.length),
  };
}

/**
 * Normalize `text` for matching while keeping offsets: Unicode NFC, full-width
 * Latin/digits → ASCII, NBSP and other spaces → one plain space per run,
 * zero-width characters and soft hyphens removed.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const { text: normalized, starts, ends } = normalizeWithMap(text);
  const length = normalized.length;
  return {
    text: normalized,
    toOriginal: (i) => (i < length ? starts[i]! : text.length),
    toOriginalEnd: (i) => (i <= 0 ? (length > 0 ? starts[0]! : 0) : ends[Math.min(i, length) - 1]!),
  };
}

/**
 * Lowercase one UTF-16 unit at a time, keeping a unit only if its lowercase
 * form has a different length ('İ' → 'i̇'). The result has exactly the
 * input's length, so normalized offsets stay valid; aliases go through the
 * same function, so both sides agree.
 */
export function foldCase(s: string): string {
  const n = s.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) {
      units[i] = u >= 0x41 && u <= 0x5a ? u + 32 : u;
    } else if (
      isHangulSyllable(u) ||
      (u >= 0xd800 && u <= 0xdfff) ||
      (u >= 0x3000 && u <= 0x9fff)
    ) {
      units[i] = u;
    } else {
      const lower = String.fromCharCode(u).toLowerCase();
      units[i] = lower.length === 1 ? lower.charCodeAt(0) : u;
    }
  }
  return unitsToString(units, n);
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
