// Every record of every origin, queried as one: the reader's own records (the
// `companies` and `alliances` tables, one row each) and the packs' (chunks,
// held in memory as a snapshot). Each query answers with the entries, in the
// order, that one IndexedDB table holding both used to give, so the merge rules
// (utils/pack/merge.ts) see exactly what they saw before pack records moved to chunks.
import type { AllianceDb } from './database';
import { PACK_STAMP_KEY, type PackChunk } from './pack-chunks';
import {
  compareEntries,
  comparePrimary,
  type IndexEntry,
  mergeSorted,
  RecordSet,
  type SortedIndex,
} from './record-set';
import type { StoredAlliance, StoredCompany } from './records';

/** The tables a read of every record needs; a caller's transaction must include them. */
export function recordTables(db: AllianceDb) {
  return [db.companies, db.alliances, db.packChunks, db.meta];
}

/** Each database's pack snapshot, by the stamp it was loaded at (the stamp changes on every pack write). */
const snapshots = new WeakMap<AllianceDb, { stamp: string; records: RecordSet }>();

/** Keeps a snapshot the writer built, once its transaction committed: no need to read it back. */
export function rememberPackRecords(db: AllianceDb, stamp: string, records: RecordSet): void {
  snapshots.set(db, { stamp, records });
}

export function packRecordSet(chunks: readonly PackChunk[]): RecordSet {
  const companies: StoredCompany[] = [];
  const alliances: StoredAlliance[] = [];
  // Chunks come in [origin+n] order and hold their records sorted by id: no sort needed.
  for (const chunk of chunks) {
    for (const c of chunk.companies) companies.push(c);
    for (const a of chunk.alliances) alliances.push(a);
  }
  return new RecordSet(companies, alliances);
}

/** `before` with `origin`'s records replaced by those of `chunks` (the origin's, as just written). */
export function replaceOrigin(
  before: RecordSet,
  origin: string,
  chunks: readonly PackChunk[],
): RecordSet {
  const mine = packRecordSet(chunks);
  return new RecordSet(
    mergeSorted(
      before.companies.filter((c) => c.origin !== origin),
      mine.companies,
      comparePrimary,
    ),
    mergeSorted(
      before.alliances.filter((a) => a.origin !== origin),
      mine.alliances,
      comparePrimary,
    ),
  );
}

/** Every pack record, from the snapshot when no pack changed since it was loaded. */
export async function packRecords(db: AllianceDb): Promise<RecordSet> {
  return db.transaction('r', [db.packChunks, db.meta], async () => {
    const stamp = (await db.meta.get(PACK_STAMP_KEY))?.value;
    const cached = snapshots.get(db);
    if (typeof stamp === 'string' && cached?.stamp === stamp) return cached.records;
    // Chunk by chunk through a cursor, not one getAll: each chunk is decoded in its own
    // task, so a page reading tens of thousands of records stays responsive meanwhile.
    const chunks: PackChunk[] = [];
    await db.packChunks.each((chunk) => {
      chunks.push(chunk);
    });
    const records = packRecordSet(chunks);
    if (typeof stamp === 'string') snapshots.set(db, { stamp, records });
    return records;
  });
}

/** Every record, the reader's own read now and the packs' from the snapshot, in one transaction. */
export async function datasetRecords(db: AllianceDb): Promise<DatasetRecords> {
  return db.transaction('r', recordTables(db), async () => {
    const [companies, alliances, packs] = await Promise.all([
      db.companies.toArray(),
      db.alliances.toArray(),
      packRecords(db),
    ]);
    return new DatasetRecords(new RecordSet(companies, alliances), packs);
  });
}

type IndexOf<T> = (set: RecordSet) => SortedIndex<T & (StoredCompany | StoredAlliance)>;

export class DatasetRecords {
  readonly user: RecordSet;
  readonly packs: RecordSet;

  constructor(user: RecordSet, packs: RecordSet) {
    this.user = user;
    this.packs = packs;
  }

  /** One index's entries from both sides, in index order, at most `limit`. */
  private query<T extends StoredCompany | StoredAlliance>(
    index: IndexOf<T>,
    ask: (index: SortedIndex<T>) => IndexEntry<T>[],
    limit = Number.POSITIVE_INFINITY,
  ): T[] {
    const both = mergeSorted(
      ask(index(this.user) as SortedIndex<T>),
      ask(index(this.packs) as SortedIndex<T>),
      compareEntries,
    );
    return both.slice(0, limit).map((e) => e.record);
  }

  /** Every company, in primary-key order (as `companies.toArray()`). */
  companies(): StoredCompany[] {
    return mergeSorted(this.user.companies, this.packs.companies, comparePrimary);
  }

  alliances(): StoredAlliance[] {
    return mergeSorted(this.user.alliances, this.packs.alliances, comparePrimary);
  }

  /** Every origin's records of `ids` (as `where('id').anyOf(ids)`). */
  companiesWithIds(ids: readonly string[]): StoredCompany[] {
    return this.query<StoredCompany>(
      (s) => s.companyIds,
      (i) => i.anyOf(ids),
    );
  }

  alliancesWithIds(ids: readonly string[]): StoredAlliance[] {
    return this.query<StoredAlliance>(
      (s) => s.allianceIds,
      (i) => i.anyOf(ids),
    );
  }

  /** Companies with an alias key starting with `prefix`, one entry per key (as the multi-entry index). */
  companiesByAliasPrefix(prefix: string, limit?: number): StoredCompany[] {
    return this.query<StoredCompany>(
      (s) => s.companyAliases,
      (i) => i.startsWith(prefix, limit),
      limit,
    );
  }

  alliancesByAliasPrefix(prefix: string, limit?: number): StoredAlliance[] {
    return this.query<StoredAlliance>(
      (s) => s.allianceAliases,
      (i) => i.startsWith(prefix, limit),
      limit,
    );
  }

  alliancesWithMembers(companyIds: readonly string[], limit?: number): StoredAlliance[] {
    return this.query<StoredAlliance>(
      (s) => s.allianceMembers,
      (i) => i.anyOf(companyIds, limit),
      limit,
    );
  }

  alliancesOfKinds(kinds: readonly string[], limit?: number): StoredAlliance[] {
    return this.query<StoredAlliance>(
      (s) => s.allianceKinds,
      (i) => i.anyOf(kinds, limit),
      limit,
    );
  }

  /** The ids of alliances with an alias key in some origin. */
  namedAllianceIds(): Set<string> {
    const ids = new Set<string>();
    for (const set of [this.user, this.packs])
      for (const a of set.allianceAliases.records()) ids.add(a.id);
    return ids;
  }

  /** Every company id, each once. */
  companyIds(): Set<string> {
    const ids = new Set<string>();
    for (const c of this.user.companies) ids.add(c.id);
    for (const c of this.packs.companies) ids.add(c.id);
    return ids;
  }

  allianceIds(): Set<string> {
    const ids = new Set<string>();
    for (const a of this.user.alliances) ids.add(a.id);
    for (const a of this.packs.alliances) ids.add(a.id);
    return ids;
  }

  /** One origin's records, sorted by id. */
  ofOrigin(origin: string): { companies: StoredCompany[]; alliances: StoredAlliance[] } {
    const user = this.user.ofOrigin(origin);
    const packs = this.packs.ofOrigin(origin);
    return {
      companies: [...user.companies, ...packs.companies],
      alliances: [...user.alliances, ...packs.alliances],
    };
  }
}

/** Every stored record of every origin, in primary-key order: what one table per type used to hold. */
export async function storedRecords(
  db: AllianceDb,
): Promise<{ companies: StoredCompany[]; alliances: StoredAlliance[] }> {
  const records = await datasetRecords(db);
  return { companies: records.companies(), alliances: records.alliances() };
}
