// Backup of the whole database (dexie-export-import), made in an extension page,
// which may read the database. Restoring goes through the background (restore.ts).
import { exportDB } from 'dexie-export-import';
import type { HasDatabase } from './database';

export async function backupDatabase(store: HasDatabase): Promise<Blob> {
  return exportDB(store.db, { prettyJson: false });
}
