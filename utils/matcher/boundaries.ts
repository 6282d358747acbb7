// Boundary rules, applied to candidates on the normalized text.
//
// Which rule applies depends on the script at the alias's edge: an alias that
// starts with Hangul uses the Hangul left rule, one that ends with Hangul the
// Hangul right rule; anything else (Latin, digits, symbols like `U+`) uses the
// Latin rules. So `SK텔레콤` has a Latin left edge and a Hangul right edge.

import {
  codePointAt,
  codePointBefore,
  isAsciiAlnum,
  isAsciiDigit,
  isHan,
  isHangul,
  isHangulSyllable,
  isWordChar,
} from './chars';
import {
  isParticleRun,
  isShortParticleRun,
  MAX_PARTICLE_RUN,
  mayStartParticleRun,
} from './particles';

export type EdgeScript = 'hangul' | 'latin';

export function edgeScript(cp: number): EdgeScript {
  return isHangul(cp) ? 'hangul' : 'latin';
}

/**
 * Left of the match.
 * - Hangul edge: start, a non-letter, a digit or a Han ideograph (美엔비디아).
 *   A Hangul syllable before means we're inside a word (카메타); a Latin
 *   letter too.
 * - Latin edge: start, a non-letter, a Hangul syllable (한국IBM, 한국MS) or a
 *   Han ideograph (美MS). Not a Latin letter or digit (MSCI is not MS), not
 *   `@` (e-mail, handles) and not `x.` (host names like www.naver).
 */
export function leftBoundaryOk(t: string, start: number, edge: EdgeScript): boolean {
  const p = codePointBefore(t, start);
  if (p < 0) return true;
  if (edge === 'hangul') return !isWordChar(p) || isAsciiDigit(p) || isHan(p);
  if (p === 0x40) return false;
  if (p === 0x2e) return !isAsciiAlnum(codePointBefore(t, start - 1));
  return !isWordChar(p) || isHangulSyllable(p) || isHan(p);
}

/**
 * Right of the match.
 * - A run of Hangul syllables must be a particle chain (오픈AI와, MS가,
 *   삼성전자에서도) ending at a boundary; otherwise it's a longer word
 *   (메타버스, MS워드).
 * - Hangul edge: otherwise a non-letter or a digit.
 * - Latin edge: otherwise a non-letter, but not `.` + letter/digit
 *   (naver.com, which is a host name).
 */
export function rightBoundaryOk(t: string, end: number, edge: EdgeScript): boolean {
  const n = codePointAt(t, end);
  if (n < 0) return true;
  if (isHangulSyllable(n)) return particleRunOk(t, end);
  if (edge === 'hangul') return !isWordChar(n) || isAsciiDigit(n);
  if (n === 0x2e) return !isAsciiAlnum(codePointAt(t, end + 1));
  return !isWordChar(n);
}

/** The syllable run starting at `from` is a particle chain followed by a boundary. */
function particleRunOk(t: string, from: number): boolean {
  let j = from;
  // Bounded scan: longer runs can't be particles, so this stays O(1) per candidate.
  while (j < t.length && j - from <= MAX_PARTICLE_RUN && isHangulSyllable(t.charCodeAt(j))) j++;
  // Runs of one or two syllables (nearly all) are looked up without slicing.
  const ok =
    j - from <= 2
      ? isShortParticleRun(t.charCodeAt(from), j - from === 2 ? t.charCodeAt(from + 1) : -1)
      : isParticleRun(t.slice(from, j));
  if (!ok) return false;
  const after = codePointAt(t, j);
  return after < 0 || !isWordChar(after) || isAsciiDigit(after) || isHan(after);
}

// Fast paths for the matcher's inner loop: the same rules, decided from one
// neighbouring code unit when it is ASCII or a Hangul syllable (nearly
// always), and by the functions above otherwise.

const LEFT_HANGUL = 1;
const LEFT_LATIN = 2;
const RIGHT_HANGUL = 4;
const RIGHT_LATIN = 8;
/** Decided by the full function (`.` needs the unit beyond it). */
const LATIN_DOT = 16;

const ASCII = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const word = isWordChar(c);
  const digit = isAsciiDigit(c);
  ASCII[c] =
    (!word || digit ? LEFT_HANGUL | RIGHT_HANGUL : 0) |
    (!word && c !== 0x40 ? LEFT_LATIN : 0) |
    (!word ? RIGHT_LATIN : 0) |
    (c === 0x2e ? LATIN_DOT : 0);
}

/** `leftBoundaryOk(t, start, hangul ? 'hangul' : 'latin')`, faster. */
export function leftOk(t: string, start: number, hangul: boolean): boolean {
  if (start === 0) return true;
  const p = t.charCodeAt(start - 1);
  if (p < 0x80) {
    const f = ASCII[p]!;
    if (hangul) return (f & LEFT_HANGUL) !== 0;
    return (f & LATIN_DOT) !== 0 ? leftBoundaryOk(t, start, 'latin') : (f & LEFT_LATIN) !== 0;
  }
  if (p >= 0xac00 && p <= 0xd7a3) return !hangul;
  return leftBoundaryOk(t, start, hangul ? 'hangul' : 'latin');
}

/** `rightBoundaryOk(t, end, hangul ? 'hangul' : 'latin')`, faster. */
export function rightOk(t: string, end: number, hangul: boolean): boolean {
  if (end >= t.length) return true;
  const n = t.charCodeAt(end);
  if (n < 0x80) {
    const f = ASCII[n]!;
    if (hangul) return (f & RIGHT_HANGUL) !== 0;
    return (f & LATIN_DOT) !== 0 ? rightBoundaryOk(t, end, 'latin') : (f & RIGHT_LATIN) !== 0;
  }
  if (n >= 0xac00 && n <= 0xd7a3 && !mayStartParticleRun(n)) return false;
  return rightBoundaryOk(t, end, hangul ? 'hangul' : 'latin');
}
