// What the database keeps about the user's data beyond their records: dated
// subscription changes and the time of the last "delete all", both synced to
// their other browsers (utils/background/browser-sync.ts), and delete-all itself.
import type { SyncedSubscription } from '../sync/browser-sync';
import { USER } from './records';
import type { AllianceStore } from './store';

const MARKS_KEY = 'subscriptionMarks';
const CLEARED_KEY = 'clearedAt';
const DELETIONS_KEY = 'userDeletions';

/** Subscriptions as dated marks: subscribing and unsubscribing both leave one. */
export async function subscriptionMarks(store: AllianceStore): Promise<SyncedSubscription[]> {
  const [row, packs] = await Promise.all([store.db.meta.get(MARKS_KEY), store.listPacks()]);
  const marks = new Map<string, SyncedSubscription>();
  const stored = row?.value;
  if (Array.isArray(stored))
    for (const m of stored as SyncedSubscription[])
      if (m && typeof m.url === 'string') marks.set(m.url, m);
  // A pack subscribed before marks existed counts from its install.
  for (const p of packs)
    if (p.sync?.url && !marks.has(p.sync.url))
      marks.set(p.sync.url, { url: p.sync.url, updated: p.installed, subscribed: true });
  return [...marks.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export async function saveSubscriptionMarks(
  store: AllianceStore,
  marks: readonly SyncedSubscription[],
): Promise<void> {
  await store.db.meta.put({ key: MARKS_KEY, value: [...marks] });
}

export async function markSubscription(
  store: AllianceStore,
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

export async function clearedAt(store: AllianceStore): Promise<string | undefined> {
  const value = (await store.db.meta.get(CLEARED_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

export async function setClearedAt(store: AllianceStore, when: string): Promise<void> {
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
export async function deleteUserData(store: AllianceStore, when: string): Promise<DeletedData> {
  const db = store.db;
  return db.transaction(
    'rw',
    [db.companies, db.alliances, db.packs, db.trash, db.meta],
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
      for (const origin of [USER, ...packs]) {
        await db.companies.where('origin').equals(origin).delete();
        await db.alliances.where('origin').equals(origin).delete();
      }
      await db.packs.bulkDelete(packs);
      await db.trash.clear();
      await db.meta.bulkDelete([MARKS_KEY, DELETIONS_KEY]);
      await db.meta.put({ key: CLEARED_KEY, value: when });
      await store.bumpVersion();
      return { records, packs: packs.length, trash };
    },
  );
}
