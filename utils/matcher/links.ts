// URLs, e-mail addresses and bare domains: names inside them are not
// mentions (help@naver.com, https://www.naver.com/x, naver.com). Found with
// hand-written linear scans rather than regexes, which can backtrack
// quadratically on long unbroken runs.

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
