// Pack records as the database stores them: each origin's records in rows of
// about a thousand (`packChunks`), sorted by id, rather than one row per record.
//
// Why: writing 30,000 records one row each costs seconds on disk (each row and
// each of its index entries is a write); the same records as 30 rows take a
// tenth of a second, and are read back whole in tens of milliseconds. Packs are
// only ever written and removed whole, and queried through an in-memory index
// (dataset-records.ts), so nothing needs a row per record. The reader's own
// records (origin `user`) stay one row each in `companies` and `alliances`.
import type { EntityTable, Table, Transaction } from 'dexie';
import type { MetaRow, Origin, StoredAlliance, StoredCompany } from './records';

/** Records per chunk (companies and alliances together). */
export const CHUNK_RECORDS = 1000;

export interface PackChunk {
  origin: Origin;
  /** 0, 1, 2…: the chunk's place in its origin. */
  n: number;
  companies: StoredCompany[];
  alliances: StoredAlliance[];
}

/** Meta key of a token that changes whenever any pack's records change: the snapshot's cache key. */
export const PACK_STAMP_KEY = 'packRecordsStamp';

export function newPackStamp(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One origin's records as chunk rows: companies first, then alliances, each sorted by id. */
export function toChunks(
  origin: Origin,
  companies: readonly StoredCompany[],
  alliances: readonly StoredAlliance[],
  size = CHUNK_RECORDS,
): PackChunk[] {
  const sortedCompanies = [...companies].sort(byId);
  const sortedAlliances = [...alliances].sort(byId);
  const chunks: PackChunk[] = [];
  const total = sortedCompanies.length + sortedAlliances.length;
  for (let start = 0; start < total; start += size) {
    const end = start + size;
    chunks.push({
      origin,
      n: chunks.length,
      companies: sortedCompanies.slice(start, end),
      alliances: sortedAlliances.slice(
        Math.max(0, start - sortedCompanies.length),
        Math.max(0, end - sortedCompanies.length),
      ),
    });
  }
  return chunks;
}

/** Groups records of any pack origins by origin. */
export function byOrigin(
  companies: readonly StoredCompany[],
  alliances: readonly StoredAlliance[],
): Map<Origin, { companies: StoredCompany[]; alliances: StoredAlliance[] }> {
  const out = new Map<Origin, { companies: StoredCompany[]; alliances: StoredAlliance[] }>();
  const of = (origin: Origin) => {
    const group = out.get(origin) ?? { companies: [], alliances: [] };
    out.set(origin, group);
    return group;
  };
  for (const c of companies) of(c.origin).companies.push(c);
  for (const a of alliances) of(a.origin).alliances.push(a);
  return out;
}

/** What the chunk writes need: the tables, whether a Dexie db or an upgrade transaction's. */
export interface ChunkTables {
  packChunks: Table<PackChunk, [string, number]>;
  meta: EntityTable<MetaRow, 'key'>;
}

export function chunkTablesOf(tx: Transaction): ChunkTables {
  return { packChunks: tx.table('packChunks'), meta: tx.table('meta') };
}

/**
 * Replaces one origin's chunks (none: the origin's records are gone) and returns
 * the chunks written. Inside the caller's transaction.
 */
export async function writeOriginChunks(
  tables: ChunkTables,
  origin: Origin,
  companies: readonly StoredCompany[],
  alliances: readonly StoredAlliance[],
): Promise<PackChunk[]> {
  const chunks = toChunks(origin, companies, alliances);
  await tables.packChunks.where('origin').equals(origin).delete();
  await tables.packChunks.bulkPut(chunks);
  return chunks;
}

/** Marks the pack records changed, so every context's snapshot reloads. Inside the writing transaction. */
export async function stampPackRecords(
  tables: ChunkTables,
  stamp = newPackStamp(),
): Promise<string> {
  await tables.meta.put({ key: PACK_STAMP_KEY, value: stamp });
  return stamp;
}
