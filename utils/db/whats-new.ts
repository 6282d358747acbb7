// "What's new", as pure logic (no Dexie, tested in Node): which alliance ids an
// update brought, which of a company's alliances are new since the reader last
// opened its card, what the popup counts, and what is old enough to forget.
// The database side is arrivals.ts and seen.ts; the background's is
// utils/background/whats-new.ts.
//
// Time is counted in arrival batches (`seq`, which only grows), not in clock
// time: two updates in the same millisecond, or a clock set back, still order.
import type { Origin } from './records';

/** The alliance ids one pack install brought that no origin had before. */
export interface ArrivalBatch {
  /** Grows with every batch; "seen up to" is a seq. */
  seq?: number;
  /** ISO time of the install. */
  at: string;
  origin: Origin;
  /** The pack's title then, for the popup. */
  title: string;
  ids: string[];
}

/** The last batch the reader saw on a company's card. */
export interface SeenCompany {
  company: string;
  seq: number;
  /** ISO time of that card opening; old rows are forgotten first. */
  at: string;
}

/** How much history is kept. */
export const ARRIVAL_LIMITS = { days: 90, batches: 50, seenCompanies: 2000 };

const DAY_MS = 86_400_000;

/** A record's key in the alliances table: [origin, id]. */
export type RecordKey = readonly [Origin, string];

/**
 * The alliance ids the reader would see: some enabled origin has the id and
 * no tombstone of the reader's hides it. With no `disabled`, "present in any origin".
 */
export function presentIds(
  keys: readonly RecordKey[],
  tombstones: ReadonlySet<string>,
  disabled: ReadonlySet<Origin> = new Set(),
): Set<string> {
  const ids = new Set<string>();
  for (const [origin, id] of keys) if (!disabled.has(origin) && !tombstones.has(id)) ids.add(id);
  return ids;
}

/**
 * The ids a pack brings that were not present before. Installing into an empty
 * database (a fresh install) is the baseline: it brings nothing new.
 */
export function broughtIds(packIds: Iterable<string>, before: ReadonlySet<string>): string[] {
  if (before.size === 0) return [];
  return [...new Set(packIds)].filter((id) => !before.has(id));
}

/** The seqs to forget: older than the kept days, or beyond the kept number of batches. */
export function expiredBatches(
  batches: readonly Pick<ArrivalBatch, 'seq' | 'at'>[],
  now: Date,
  limits = ARRIVAL_LIMITS,
): number[] {
  const cutoff = now.getTime() - limits.days * DAY_MS;
  const newestFirst = [...batches].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  return newestFirst
    .filter((b, i) => i > 0 && (i >= limits.batches || Date.parse(b.at) < cutoff))
    .map((b) => b.seq ?? 0);
}

/** For each alliance id, the latest batch that brought it. */
export function latestArrivals(batches: readonly ArrivalBatch[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const b of batches) {
    const seq = b.seq ?? 0;
    for (const id of b.ids) if ((latest.get(id) ?? -1) < seq) latest.set(id, seq);
  }
  return latest;
}

/**
 * Per company asked about, the ids of its alliances that arrived after the
 * reader last saw its card. A company never seen counts from the baseline
 * (seq 0): everything that arrived after the first install is new to it.
 */
export function newAlliancesOf(
  companyIds: readonly string[],
  alliances: readonly { id: string; members: readonly { company: string }[] }[],
  latest: ReadonlyMap<string, number>,
  seen: ReadonlyMap<string, number>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const asked = new Set(companyIds);
  for (const a of alliances) {
    const arrived = latest.get(a.id);
    if (arrived === undefined) continue;
    for (const m of a.members) {
      if (!asked.has(m.company) || arrived <= (seen.get(m.company) ?? 0)) continue;
      const list = out[m.company];
      if (!list) out[m.company] = [a.id];
      else if (!list.includes(a.id)) list.push(a.id);
    }
  }
  return out;
}

export interface Unacknowledged {
  /** Present alliance ids that arrived after the acknowledgement, newest batch first. */
  ids: string[];
  /** When the first of them arrived (ISO), or null when there are none. */
  since: string | null;
  /** The newest batch counted: dismissing acknowledges up to it. */
  upTo: number;
}

/** What the popup reports: alliances that arrived after `acknowledged` and are still there. */
export function unacknowledged(
  batches: readonly ArrivalBatch[],
  acknowledged: number,
  present: ReadonlySet<string>,
): Unacknowledged {
  const ids = new Set<string>();
  let since: string | null = null;
  let upTo = acknowledged;
  const newestFirst = [...batches]
    .filter((b) => (b.seq ?? 0) > acknowledged)
    .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  for (const b of newestFirst) {
    const here = b.ids.filter((id) => present.has(id));
    upTo = Math.max(upTo, b.seq ?? 0);
    if (!here.length) continue;
    for (const id of here) ids.add(id);
    since = b.at;
  }
  return { ids: [...ids], since, upTo };
}
