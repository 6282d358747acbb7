// Arrival batches: the alliance ids each pack install brought that no origin had
// before. Recorded inside PackWriter.installPack's transaction (before it
// replaces anything, so "before" is the database as it was), so an install that
// fails records nothing. The rules are pure, in whats-new.ts.
import type { Pack } from '../pack/types';
import type { AllianceDb } from './database';
import { datasetRecords } from './dataset-records';
import { type Origin, USER } from './records';
import {
  type ArrivalBatch,
  broughtIds,
  expiredBatches,
  presentIds,
  type RecordKey,
} from './whats-new';

/**
 * Every alliance record's key, and the ids the reader's tombstones hide. Inside
 * a transaction, it must include `recordTables` (dataset-records.ts).
 */
export async function allianceKeys(
  db: AllianceDb,
): Promise<{ keys: RecordKey[]; tombstones: Set<string> }> {
  const records = await datasetRecords(db);
  const keys: RecordKey[] = [];
  for (const set of [records.user, records.packs])
    for (const a of set.alliances) keys.push([a.origin, a.id]);
  const mine = records.user.ofOrigin(USER).alliances;
  return { keys, tombstones: new Set(mine.filter((a) => a.deleted).map((a) => a.id)) };
}

/**
 * Notes the alliance ids `pack` brings that no origin has now (nothing on the
 * first install into an empty database: that is the baseline), then forgets
 * old batches. Call inside a transaction that includes `recordTables` and `arrivals`.
 */
export async function recordArrivals(
  db: AllianceDb,
  pack: Pack,
  origin: Origin,
  now: Date = new Date(),
): Promise<void> {
  const { keys, tombstones } = await allianceKeys(db);
  const removed = new Set(
    (pack.removed ?? []).filter((r) => r.type === 'alliance').map((r) => r.id),
  );
  const ids = broughtIds(
    pack.alliances.map((a) => a.id).filter((id) => !removed.has(id)),
    presentIds(keys, tombstones),
  );
  if (ids.length) {
    const batch: ArrivalBatch = { at: now.toISOString(), origin, title: pack.pack.title, ids };
    await db.arrivals.add(batch);
  }
  await pruneArrivals(db, now);
}

async function pruneArrivals(db: AllianceDb, now: Date): Promise<void> {
  const stamps: { seq: number; at: string }[] = [];
  // Only the keys and times: a batch's id list may be long.
  await db.arrivals.orderBy('at').eachKey((at, cursor) => {
    stamps.push({ seq: cursor.primaryKey as number, at: at as string });
  });
  const expired = expiredBatches(stamps, now);
  if (expired.length) await db.arrivals.bulkDelete(expired);
}

/** Every kept batch, oldest first. */
export async function arrivalBatches(db: AllianceDb): Promise<ArrivalBatch[]> {
  return db.arrivals.orderBy('seq').toArray();
}

/** The newest batch's seq (0 before any). */
export async function lastArrival(db: AllianceDb): Promise<number> {
  return ((await db.arrivals.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}
