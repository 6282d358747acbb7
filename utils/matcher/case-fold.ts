// Case folding that keeps every string's length, so offsets into normalized
// text stay valid after folding, and the same folds as per-unit tables for
// the matcher (folding its tables instead of each text it scans).

const LENGTH_CHANGING = /[\u0130\u03a3]/;

/**
 * Lowercase without changing the length, so normalized offsets stay valid.
 * `toLowerCase` keeps lengths except for two characters (checked over all of
 * Unicode): 'İ' → 'i̇' (two units; kept as is) and 'Σ', whose lowercase
 * depends on context (always 'σ' here). Aliases go through the same function,
 * so both sides agree.
 */
export function foldCase(s: string): string {
  if (!LENGTH_CHANGING.test(s)) return s.toLowerCase();
  return s
    .replace(/\u03a3/g, '\u03c3')
    .split('\u0130')
    .map((part) => part.toLowerCase())
    .join('\u0130');
}

let foldPairs: Uint16Array | null = null;

/**
 * The units `foldCase` changes, each followed by what it becomes:
 * `[unit, folded, unit, folded, …]`, about 1,400 pairs; every other unit
 * (surrogates included) folds to itself. Found by a native regex over all
 * units, so tables built from it (per page, see scan.ts) skip the other
 * 64,000 units instead of visiting each in a cold loop.
 */
export function foldedPairs(): Uint16Array {
  if (foldPairs) return foldPairs;
  const chunks: string[] = [];
  const identity = new Uint16Array(0x1000);
  for (let lo = 0; lo < 0x10000; lo += 0x1000) {
    for (let k = 0; k < 0x1000; k++) identity[k] = lo + k;
    chunks.push(String.fromCharCode(...identity));
  }
  // Lone surrogates never match the `u`-mode class; astral letters fold in pairs anyway.
  const pairs: number[] = [];
  for (const m of chunks.join('').matchAll(/\p{Changes_When_Lowercased}/gu)) {
    const folded = foldCase(m[0]);
    if (m[0].length === 1 && folded.length === 1 && folded !== m[0])
      pairs.push(m.index, folded.charCodeAt(0));
  }
  foldPairs = Uint16Array.from(pairs);
  return foldPairs;
}

/**
 * `foldCase` unit by unit: `foldCase(s)[i] === foldTable()[s.charCodeAt(i)]`
 * for any `s` without surrogates (lowercasing maps code points one to one
 * there, `Σ` aside, which `foldCase` folds without context). Surrogates map
 * to themselves: astral letters fold in pairs, so texts with surrogates
 * must go through `foldCase` itself.
 */
export function foldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) table[u] = u;
  const pairs = foldedPairs();
  for (let k = 0; k < pairs.length; k += 2) table[pairs[k]!] = pairs[k + 1]!;
  return table;
}
