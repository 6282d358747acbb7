// The dataset version: a counter in the meta table that every write moves on,
// so readers can cache what they derive (the matcher's dictionary, the counts) by it.
import type { AllianceDb } from './database';

const VERSION_KEY = 'datasetVersion';

export async function datasetVersion(db: AllianceDb): Promise<number> {
  const row = await db.meta.get(VERSION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside every write transaction (utils/db only): the transaction must include `meta`. */
export async function bumpVersion(db: AllianceDb): Promise<void> {
  await db.meta.put({ key: VERSION_KEY, value: (await datasetVersion(db)) + 1 });
}
