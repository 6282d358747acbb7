// The user's own data as it travels between their browsers (the write side of
// utils/background/browser-sync.ts): their records and when they deleted them,
// dated subscription changes, the time of the last "delete all", and delete-all.
import { compare } from '../compare';
import type { Alliance, Company } from '../pack/types';
import type { HasDatabase } from './database';
import { stampPackRecords, writeOriginChunks } from './pack-chunks';
import { recordKey, USER } from './records';
import { toAlliance, toCompany, toStoredAlliance, toStoredCompany } from './stamp';
import type { SyncedRecord, SyncedSubscription, UserRecord } from './synced';
import { bumpVersion } from './version';

const MARKS_KEY = 'subscriptionMarks';
const CLEARED_KEY = 'clearedAt';
const DELETIONS_KEY = 'userDeletions';

/** Subscriptions as dated marks: subscribing and unsubscribing both leave one. */
export async function subscriptionMarks(store: HasDatabase): Promise<SyncedSubscription[]> {
  const [row, packs] = await Promise.all([
    store.db.meta.get(MARKS_KEY),
    store.db.packs.orderBy('priority').toArray(),
  ]);
  const marks = new Map<string, SyncedSubscription>();
  const stored = row?.value;
  if (Array.isArray(stored))
    for (const m of stored as SyncedSubscription[])
      if (m && typeof m.url === 'string') marks.set(m.url, m);
  // A pack subscribed before marks existed counts from its install.
  for (const p of packs)
    if (p.sync?.url && !marks.has(p.sync.url))
      marks.set(p.sync.url, { url: p.sync.url, updated: p.installed, subscribed: true });
  return [...marks.values()].sort((a, b) => compare(a.url, b.url));
}

export async function saveSubscriptionMarks(
  store: HasDatabase,
  marks: readonly SyncedSubscription[],
): Promise<void> {
  await store.db.meta.put({ key: MARKS_KEY, value: [...marks] });
}

export async function markSubscription(
  store: HasDatabase,
  url: string,
  subscribed: boolean,
  updated: string,
): Promise<void> {
  await store.db.transaction('rw', store.db.meta, async () => {
    const row = await store.db.meta.get(MARKS_KEY);
    const marks = (Array.isArray(row?.value) ? row.value : []) as SyncedSubscription[];
    const next = marks.filter((m) => m.url !== url);
    next.push({ url, updated, subscribed });
    await store.db.meta.put({ key: MARKS_KEY, value: next });
  });
}

export async function clearedAt(store: HasDatabase): Promise<string | undefined> {
  const value = (await store.db.meta.get(CLEARED_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

export async function setClearedAt(store: HasDatabase, when: string): Promise<void> {
  await store.db.meta.put({ key: CLEARED_KEY, value: when });
}

export interface DeletedData {
  records: number;
  packs: number;
  trash: number;
}

/**
 * Deletes the user's own records, installed packs, trash, deletion markers and
 * subscription marks in one transaction, and notes when (`clearedAt`), so the
 * deletion also wins in every other browser. The bundled pack stays.
 */
export async function deleteUserData(store: HasDatabase, when: string): Promise<DeletedData> {
  const db = store.db;
  return db.transaction(
    'rw',
    [db.companies, db.alliances, db.packChunks, db.packs, db.trash, db.meta],
    async () => {
      const packs = (await db.packs.toArray())
        .filter((p) => p.origin !== 'bundled')
        .map((p) => p.origin);
      const records =
        (await db.companies
          .where('origin')
          .equals(USER)
          .filter((c) => !c.keptFrom)
          .count()) + (await db.alliances.where('origin').equals(USER).count());
      const trash = await db.trash.count();
      await db.companies.where('origin').equals(USER).delete();
      await db.alliances.where('origin').equals(USER).delete();
      for (const origin of packs) await writeOriginChunks(db, origin, [], []);
      await stampPackRecords(db);
      await db.packs.bulkDelete(packs);
      await db.trash.clear();
      await db.meta.bulkDelete([MARKS_KEY, DELETIONS_KEY]);
      await db.meta.put({ key: CLEARED_KEY, value: when });
      await bumpVersion(db);
      return { records, packs: packs.length, trash };
    },
  );
}

type Deletions = Record<string, string>;
const deletionsOf = async (store: HasDatabase): Promise<Deletions> => ({
  ...((await store.db.meta.get(DELETIONS_KEY))?.value as Deletions | undefined),
});

/** Notes when the user's records were deleted, so the deletion reaches their other browsers. */
export async function markDeleted(
  store: HasDatabase,
  keys: readonly string[],
  when: string,
): Promise<void> {
  if (!keys.length) return;
  const deletions = await deletionsOf(store);
  for (const k of keys) deletions[k] = when;
  await store.db.meta.put({ key: DELETIONS_KEY, value: deletions });
}

/** The user's own records and deletions, for storage.sync (plain records: stamps are local). */
export async function userSyncRecords(store: HasDatabase): Promise<SyncedRecord[]> {
  const [companies, alliances, deletions] = await Promise.all([
    store.db.companies.where('origin').equals(USER).toArray(),
    store.db.alliances.where('origin').equals(USER).toArray(),
    deletionsOf(store),
  ]);
  const out = new Map<string, SyncedRecord>();
  for (const [key, when] of Object.entries(deletions))
    out.set(key, { key, updated: when, record: null });
  const withFlag = (record: Company | Alliance, deleted?: boolean): UserRecord =>
    deleted ? { ...record, deleted: true } : record;
  const records: [string, string, UserRecord][] = [
    ...companies
      .filter((c) => !c.keptFrom)
      .map((c): [string, string, UserRecord] => [
        recordKey('company', c.id),
        c.updated,
        withFlag(toCompany(c), c.deleted),
      ]),
    ...alliances.map((a): [string, string, UserRecord] => [
      recordKey('alliance', a.id),
      a.updated,
      withFlag(toAlliance(a), a.deleted),
    ]),
  ];
  for (const [key, updated, record] of records) {
    const deleted = out.get(key);
    if (!deleted || updated >= deleted.updated) out.set(key, { key, updated, record });
  }
  return [...out.values()];
}

/**
 * Writes records from the user's other browsers, already validated
 * (utils/sync/snapshot.ts readSyncedRecord); stamps are made here, never taken.
 */
export async function applySyncedRecords(
  store: HasDatabase,
  entries: readonly SyncedRecord[],
): Promise<void> {
  if (!entries.length) return;
  const db = store.db;
  await db.transaction('rw', [db.companies, db.alliances, db.meta], async () => {
    const deletions = await deletionsOf(store);
    for (const e of entries) {
      const [type, ...rest] = e.key.split(':');
      const id = rest.join(':');
      if (e.record) {
        const { deleted, ...plain } = e.record;
        // A tombstone hides a pack's record and is found by no index (as UserEdits makes it).
        const flag = deleted ? { deleted: true, aliasKeys: [], memberIds: [] } : {};
        if (type === 'company')
          await db.companies.put({
            ...toStoredCompany(plain as Company, USER, e.updated),
            ...flag,
          });
        else
          await db.alliances.put({
            ...toStoredAlliance(plain as Alliance, USER, e.updated),
            ...flag,
          });
        delete deletions[e.key];
      } else {
        const table = type === 'company' ? db.companies : db.alliances;
        await table.delete([USER, id]);
        deletions[e.key] = e.updated;
      }
    }
    await db.meta.put({ key: DELETIONS_KEY, value: deletions });
    await bumpVersion(db);
  });
}
