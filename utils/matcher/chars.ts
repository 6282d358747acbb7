// Character classes used by normalization and the boundary rules. They take
// code points (not code units) so astral letters are classified correctly.

export const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

export const isAsciiAlnum = (c: number): boolean =>
  isAsciiDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export const isHangulSyllable = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;

/** ㆍ (U+318D) is formally a jamo but Korean news uses it as a middle dot. */
export const HANGUL_MIDDLE_DOT = 0x318d;

export const isHangulJamo = (c: number): boolean =>
  (c >= 0x1100 && c <= 0x11ff) ||
  (c >= 0x3131 && c <= 0x318e && c !== HANGUL_MIDDLE_DOT) ||
  (c >= 0xa960 && c <= 0xa97f) ||
  (c >= 0xd7b0 && c <= 0xd7ff);

export const isHangul = (c: number): boolean => isHangulSyllable(c) || isHangulJamo(c);

/** CJK ideographs: headlines prefix names with 美/中/韓 (美MS, 中화웨이). */
export const isHan = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x20000 && c <= 0x3134f);

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Letter, digit, combining mark or `_`: anything that glues onto a word. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x5f;
  if (isHangulSyllable(c)) return true;
  if (c === HANGUL_MIDDLE_DOT) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/** White space that normalization turns into a plain space (NBSP included). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Code point starting at `i`, or -1 past the end. */
export function codePointAt(s: string, i: number): number {
  return i < s.length ? (s.codePointAt(i) ?? -1) : -1;
}

/** Code point ending just before `i`, or -1 at the start. */
export function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}
