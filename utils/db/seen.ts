// What the reader has seen of the arrivals: per company, the last batch shown
// on its card, and the batch up to which the popup's "N new alliances" was
// dismissed. Written by the background only (cards send a message). Kept small:
// rows older than the kept arrivals say nothing a missing row would not (both
// count every kept batch as new), and past a cap the least recent go first.
import type { AllianceDb } from './database';
import { ARRIVAL_LIMITS, type SeenCompany } from './whats-new';

const ACK_KEY = 'whatsNewAcknowledged';
const DAY_MS = 86_400_000;

/** The last batch seen on each company's card; companies never seen are absent (baseline, 0). */
export async function seenOf(
  db: AllianceDb,
  companyIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.seen.bulkGet([...companyIds]);
  return new Map(rows.flatMap((r) => (r ? [[r.company, r.seq] as const] : [])));
}

/** The reader saw `company`'s card showing the arrivals up to `seq`. */
export async function markSeen(
  db: AllianceDb,
  company: string,
  seq: number,
  now: Date,
  limits = ARRIVAL_LIMITS,
): Promise<void> {
  await db.transaction('rw', db.seen, async () => {
    const previous = await db.seen.get(company);
    const row: SeenCompany = {
      company,
      seq: Math.max(seq, previous?.seq ?? 0),
      at: now.toISOString(),
    };
    await db.seen.put(row);
    const cutoff = new Date(now.getTime() - limits.days * DAY_MS).toISOString();
    await db.seen.where('at').below(cutoff).delete();
    const extra = (await db.seen.count()) - limits.seenCompanies;
    if (extra > 0) await db.seen.orderBy('at').limit(extra).delete();
  });
}

/** The batch up to which the popup's count was dismissed (0: never). */
export async function acknowledged(db: AllianceDb): Promise<number> {
  const value = (await db.meta.get(ACK_KEY))?.value;
  return typeof value === 'number' ? value : 0;
}

export async function acknowledge(db: AllianceDb, seq: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (seq > (await acknowledged(db))) await db.meta.put({ key: ACK_KEY, value: seq });
  });
}

/** "Delete all my data": which cards the reader opened is theirs, and the arrivals go with it. */
export async function forgetWhatsNew(db: AllianceDb): Promise<void> {
  await db.transaction('rw', [db.seen, db.arrivals, db.meta], async () => {
    await Promise.all([db.seen.clear(), db.arrivals.clear(), db.meta.delete(ACK_KEY)]);
  });
}
