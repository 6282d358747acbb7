// Backup and restore of the whole database (dexie-export-import), and
// deleting the user's data. Runs in extension pages (it needs FileReader).
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { DB_NAME } from './database';
import { USER } from './records';
import type { AllianceStore } from './store';

export async function backupDatabase(store: AllianceStore): Promise<Blob> {
  return exportDB(store.db, { prettyJson: false });
}

/** Replaces the database with a backup. A file that is not our backup changes nothing. */
export async function restoreDatabase(store: AllianceStore, backup: Blob): Promise<void> {
  let meta: Awaited<ReturnType<typeof peakImportFile>>;
  try {
    meta = await peakImportFile(backup);
  } catch {
    throw new Error('This file is not an Alliance Lens backup.');
  }
  if (meta.formatName !== 'dexie' || meta.data.databaseName !== DB_NAME) {
    throw new Error('This file is not an Alliance Lens backup.');
  }
  await importInto(store.db, backup, { clearTablesBeforeImport: true, acceptVersionDiff: true });
  // Cached derived data (the dictionary) came from the backup; mark the dataset as changed.
  await store.db.transaction('rw', store.db.meta, () => store.bumpVersion());
}

/** Deletes the user's own records, installed packs and trash; the bundled pack stays. */
export async function deleteUserData(store: AllianceStore): Promise<void> {
  const db = store.db;
  await db.transaction(
    'rw',
    [db.companies, db.alliances, db.packs, db.trash, db.meta],
    async () => {
      const packs = (await db.packs.toArray())
        .filter((p) => p.origin !== 'bundled')
        .map((p) => p.origin);
      for (const origin of [USER, ...packs]) {
        await db.companies.where('origin').equals(origin).delete();
        await db.alliances.where('origin').equals(origin).delete();
      }
      await db.packs.bulkDelete(packs);
      await db.trash.clear();
      await store.bumpVersion();
    },
  );
}
