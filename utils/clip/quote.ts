// Sentences and quotes for clipped sources. Pure: runs in Node.
//
// A sentence ends:
// - at a line break (the break itself belongs to no sentence);
// - after 。！？ (full-width), always;
// - after ! ? when white space or the end follows;
// - after "다." (Korean declarative ending), whatever follows;
// - after "." when white space or the end follows, unless the word before it
//   is an abbreviation (U.S., e.g., Inc., Corp., Mr., Jan., a single initial)
//   or the next word starts with a lower-case Latin letter.
// Closing quotes and brackets right after the mark stay with the sentence
// (`…했다."`). "2.5" and "naver.com" never end a sentence: no space follows.

const CLOSERS = new Set([...'"\'”’」』)]］）»›']);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isBreak = (c: string): boolean =>
  c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** Words that take a period without ending a sentence (compared case-insensitively). */
const ABBREVIATIONS = new Set(
  [
    'inc corp co ltd llc plc mr mrs ms dr prof sr jr st vs no nos approx est dept gov sen rep gen',
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun',
  ]
    .join(' ')
    .split(' '),
);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word === '') return false;
  // U.S, e.g, i.e, U.K — letters joined by dots; or a single initial (J. Smith).
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word) || /^[A-Z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Index just after the sentence-final mark at `i` (and its closers), or -1 if `i` ends nothing. */
function sentenceEndAt(text: string, i: number): number {
  const c = text[i];
  let j = i + 1;
  const skipClosers = (): void => {
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
  };
  if (c === '。' || c === '！' || c === '？') {
    skipClosers();
    return j;
  }
  if (c === '!' || c === '?' || c === '.' || c === '…') {
    if (c === '.' && text[i - 1] === '다') {
      skipClosers();
      return j;
    }
    skipClosers();
    if (j < text.length && !isSpace(text[j])) return -1;
    if (c === '.' || c === '…') {
      if (c === '.' && endsWithAbbreviation(text, i)) return -1;
      let k = j;
      while (k < text.length && isSpace(text[k]) && !isBreak(text[k]!)) k++;
      if (k < text.length && /[a-z]/.test(text[k]!)) return -1;
    }
    return j;
  }
  return -1;
}

/** Every sentence of `text` as [start, end), trimmed, in order; empty ones left out. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (isBreak(text[i]!)) {
      push(start, i);
      start = ++i;
      continue;
    }
    const end = sentenceEndAt(text, i);
    if (end > 0) {
      push(start, end);
      start = i = end;
      continue;
    }
    i++;
  }
  push(start, text.length);
  return out;
}

/**
 * The sentence around `offset` (clamped to the text), as [start, end) without
 * surrounding white space. An offset between sentences picks the one before
 * it (or the first one, before the first sentence); empty text gives {0, 0}.
 */
export function sentenceAround(text: string, offset: number): { start: number; end: number } {
  const ranges = sentenceRanges(text);
  if (ranges.length === 0) return { start: 0, end: 0 };
  const at = Math.max(0, Math.min(offset, text.length));
  let best = ranges[0]!;
  for (const r of ranges) {
    if (r.start > at) break;
    best = r;
  }
  return { start: best.start, end: best.end };
}

/**
 * `s` with white space collapsed and trimmed; if still longer than `max`,
 * cut at the last word boundary that keeps at least half of it (else at
 * `max - 1`, never inside a surrogate pair), trailing punctuation dropped,
 * and '…' appended. The result is at most `max` characters.
 */
export function trimQuote(s: string, max = 300): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let cut = max - 1;
  const space = flat.lastIndexOf(' ', cut);
  if (space >= max / 2) cut = space;
  else if (/[\uDC00-\uDFFF]/.test(flat[cut] ?? '')) cut--;
  const head = flat
    .slice(0, cut)
    .replace(/[\s,;:·\-–—]+$/u, '')
    .trimEnd();
  return `${head}…`;
}
