// URLs, e-mail addresses and bare domains: names inside them are not
// mentions (help@naver.com, https://www.naver.com/x, naver.com). Found with
// hand-written linear scans rather than regexes, which can backtrack
// quadratically on long unbroken runs.

import { foldCase } from './case-fold';
import { isAsciiAlnum, isSpace } from './chars';

/** Top-level domains that make `x.tld` a host name. `co.kr` ends in `kr`. */
const TLDS = new Set(['com', 'net', 'kr', 'org', 'io', 'ai']);

/** Characters of host names, e-mail local parts and the `@` between them. */
const isLinkChar = (c: number): boolean =>
  isAsciiAlnum(c) || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2b || c === 0x40;

/** Index of the first white space at or after `i`. */
function toSpace(t: string, i: number): number {
  let j = i;
  while (j < t.length && !isSpace(t.charCodeAt(j))) j++;
  return j;
}

/**
 * Sorted, merged `[start, end)` ranges of link-like tokens in `t`.
 * `lower` is `t` case-folded (same length), used for the scheme search.
 */
export function findLinkRanges(t: string, lower: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];

  // URLs: from the scheme or `www.` to the next white space.
  for (const m of lower.matchAll(/https?:\/\/|www\./g)) {
    ranges.push([m.index, toSpace(t, m.index)]);
  }

  // Runs of host/e-mail characters around each `.` or `@`: `a@b.c` is an
  // e-mail address, a run with a `.tld` label is a host name (plus its
  // `/path`, if any). Runs never overlap, so every character is visited at
  // most twice.
  let scanned = 0;
  for (const m of t.matchAll(/[.@]/g)) {
    if (m.index < scanned) continue;
    let start = m.index;
    while (start > scanned && isLinkChar(t.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < t.length && isLinkChar(t.charCodeAt(end))) end++;
    scanned = end;
    const run = lower.slice(start, end);
    const at = run.indexOf('@');
    const labels = run.split('.');
    const isEmail = at > 0 && run.indexOf('.', at) > at + 1;
    const isHost =
      labels.length > 1 && labels[0] !== '' && labels.slice(1).some((l) => TLDS.has(l));
    if (isEmail || isHost) {
      ranges.push([start, t.charCodeAt(end) === 0x2f ? toSpace(t, end) : end]);
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Does `[start, end)` overlap any of the sorted, merged `ranges`? */
export function overlapsRanges(
  ranges: Array<[number, number]>,
  start: number,
  end: number,
): boolean {
  // Binary search for the last range starting before `end`.
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] < end) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && ranges[found]![1] > start;
}

/**
 * `(start, end) => overlapsRanges(findLinkRanges(t, foldCase(t)), start, end)`,
 * for candidates visited from left to right, without scanning all of `t`.
 * Link ranges never cross white space, so they can be found in any stretch
 * of `t` that starts and ends at white space (or at the ends of `t`): the
 * one around the last candidate is kept, and most stretches are ruled out
 * by one pass over them: without `@`, `:`, a `.` followed by more of the
 * stretch, or a `www.`, nothing in them is a link.
 */
export function linkFilter(t: string): (start: number, end: number) => boolean {
  let from = 0;
  let to = -1;
  let ranges: Array<[number, number]> | null = null;
  return (start, end) => {
    if (start < from || end > to) {
      from = start;
      while (from > 0 && !isSpace(t.charCodeAt(from - 1))) from--;
      to = end;
      while (to < t.length && !isSpace(t.charCodeAt(to))) to++;
      ranges = null;
      for (let k = from; k < to; k++) {
        const c = t.charCodeAt(k);
        if (
          c === 0x40 ||
          c === 0x3a ||
          (c === 0x2e && (k + 1 < to || (k - from >= 3 && isWww(t, k - 3))))
        ) {
          const stretch = t.slice(from, to);
          ranges = findLinkRanges(stretch, foldCase(stretch));
          break;
        }
      }
    }
    return ranges !== null && ranges.length > 0 && overlapsRanges(ranges, start - from, end - from);
  };
}

const isWww = (t: string, k: number): boolean =>
  (t.charCodeAt(k) | 0x20) === 0x77 &&
  (t.charCodeAt(k + 1) | 0x20) === 0x77 &&
  (t.charCodeAt(k + 2) | 0x20) === 0x77;
