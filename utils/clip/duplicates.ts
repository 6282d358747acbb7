// Is a clipped alliance already known? And adding a source to one that is.
// Pure: runs in Node.
//
// A partial date stands for every day it covers (2024 → the whole year,
// 2024-06 → all of June), so two dates are "within the window" when the gap
// between their spans is at most `windowDays`: 2024-06 and 2024-06-12 are
// within (no gap), 2024 and 2024-06-12 too, 2024-06 and 2024-08-15 are 46
// days apart. A missing (or invalid) date on either side counts as within.

import type { AllianceView } from '../pack/merge';
import type { Alliance, AllianceKind, PartialDate, Source } from '../pack/types';
import { daySpan } from './date';
import { articleUrlKey } from './url';

export interface ClipCandidate {
  kind: AllianceKind;
  /** Company ids. */
  members: string[];
  since: PartialDate | null;
}

/** Whether two partial dates are at most `windowDays` apart (see the header). */
export function withinWindow(
  a: PartialDate | null,
  b: PartialDate | null,
  windowDays: number,
): boolean {
  const x = a ? daySpan(a) : null;
  const y = b ? daySpan(b) : null;
  if (!x || !y) return true;
  const gap = Math.max(0, x.first - y.last, y.first - x.last);
  return gap <= windowDays;
}

/**
 * How many extra members `b` has beyond the clipped set `a`, or -1 when it lacks
 * one of them. News names the main parties of a deal; the dataset may also list
 * shareholders (the Rebellions–Sapeon merger lists SK Telecom and KT too).
 */
function extraMembers(a: ReadonlySet<string>, b: readonly string[]): number {
  const other = new Set(b);
  for (const id of a) if (!other.has(id)) return -1;
  return other.size - a.size;
}

/** Sort key: the last day a `since` covers; no date sorts last. */
const newness = (since: PartialDate | null): number =>
  (since ? daySpan(since)?.last : undefined) ?? Number.NEGATIVE_INFINITY;

/**
 * An existing alliance of the same kind with the same member set (order and
 * repeats ignored) whose `since` is within `windowDays` of the candidate's;
 * of several, the newest `since` (undated ones last, then list order). Null
 * if there is none.
 */
export function findDuplicate(
  candidate: ClipCandidate,
  existing: readonly AllianceView[],
  windowDays = 42,
): AllianceView | null {
  const members = new Set(candidate.members);
  if (members.size < 2) return null;
  let best: AllianceView | null = null;
  let bestExtra = Number.POSITIVE_INFINITY;
  for (const a of existing) {
    if (a.kind !== candidate.kind) continue;
    const extra = extraMembers(
      members,
      a.members.map((m) => m.company),
    );
    if (extra < 0) continue;
    if (!withinWindow(candidate.since, a.since, windowDays)) continue;
    // The closest member set first (the exact one), then the newest.
    if (
      !best ||
      extra < bestExtra ||
      (extra === bestExtra && newness(a.since) > newness(best.since))
    ) {
      best = a;
      bestExtra = extra;
    }
  }
  return best;
}

/**
 * `alliance` with `source` appended to its sources, unless a source with the
 * same article URL is already there (ignoring tracking parameters, the
 * fragment, a trailing slash and http vs https) — then `alliance` itself.
 * Never mutates its arguments.
 */
export function addSource<T extends Alliance>(alliance: T, source: Source): T {
  const key = articleUrlKey(source.url);
  if (alliance.sources.some((s) => articleUrlKey(s.url) === key)) return alliance;
  return { ...alliance, sources: [...alliance.sources, source] };
}
