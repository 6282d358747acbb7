// The Dexie database. Only utils/db/ imports Dexie; pages read through reader.ts,
// the background writes through store.ts and the other write sides.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import {
  byOrigin,
  chunkTablesOf,
  type PackChunk,
  stampPackRecords,
  writeOriginChunks,
} from './pack-chunks';
import {
  type MetaRow,
  type StoredAlliance,
  type StoredCompany,
  type StoredPack,
  type TrashEntry,
  USER,
} from './records';
import { allianceAliasKeys, companyAliasKeys } from './stamp';
import type { ArrivalBatch, SeenCompany } from './whats-new';

export const DB_NAME = 'alliance-lens';

/**
 * Schema history. Each version is kept so an old database upgrades step by step.
 * v1 (2026-11-01): records keyed by [origin+id]; only origin and members indexed.
 * v2 (2026-11-29): normalized alias keys, kind, dates, status and update time indexed; meta table.
 * v3 (2026-11-29): trash of deleted user records and tombstones, for undo.
 * v4 (2026-12-06): "what's new": arrival batches (the alliance ids each pack update
 *     brought) and, per company, the last batch the reader saw on its card.
 * v5 (2026-12-06): the update-time, since, until and status indexes go: nothing queries
 *     them, and every record a pack install writes paid an index entry for each.
 * v6 (2026-12-06): pack records move to `packChunks`, about a thousand to a row
 *     (pack-chunks.ts); `companies` and `alliances` keep the reader's own records.
 *     A 30,000-record pack took seconds to write one row per record.
 */
export const SCHEMA_V1 = {
  companies: '[origin+id], id, origin',
  alliances: '[origin+id], id, origin, *memberIds',
  packs: 'origin',
};
const SCHEMA_V2 = {
  companies: '[origin+id], id, origin, *aliasKeys, updated',
  alliances: '[origin+id], id, origin, *memberIds, *aliasKeys, kind, since, until, status, updated',
  packs: 'origin, id, priority',
  meta: 'key',
};

const SCHEMA_V3 = { ...SCHEMA_V2, trash: '++seq, deletedAt' };
const SCHEMA_V4 = { ...SCHEMA_V3, arrivals: '++seq, at', seen: 'company, at' };
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  companies: '[origin+id], id, origin, *aliasKeys',
  alliances: '[origin+id], id, origin, *memberIds, *aliasKeys, kind',
};
const SCHEMA_V6 = { ...SCHEMA_V5, packChunks: '[origin+n], origin' };

async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = new Date().toISOString();
  await tx
    .table('companies')
    .toCollection()
    .modify((c: StoredCompany) => {
      c.aliases ??= [];
      c.aliasKeys = companyAliasKeys(c);
      c.updated ??= now;
    });
  await tx
    .table('alliances')
    .toCollection()
    .modify((a: StoredAlliance) => {
      a.aliasKeys = allianceAliasKeys(a);
      a.updated ??= now;
    });
  await tx
    .table('packs')
    .toCollection()
    .modify((p: StoredPack, ref) => {
      p.id ??= p.origin;
      p.priority ??= p.origin === 'bundled' ? 1000 : 100;
      p.enabled ??= true;
      ref.value = p;
    });
}

/** Moves every pack's records (any origin but the reader's) into chunks. */
async function upgradeToV6(tx: Transaction): Promise<void> {
  const companies = tx.table<StoredCompany>('companies');
  const alliances = tx.table<StoredAlliance>('alliances');
  const fromPacks = byOrigin(
    await companies.where('origin').notEqual(USER).toArray(),
    await alliances.where('origin').notEqual(USER).toArray(),
  );
  const tables = chunkTablesOf(tx);
  for (const [origin, records] of fromPacks)
    await writeOriginChunks(tables, origin, records.companies, records.alliances);
  await companies.where('origin').notEqual(USER).delete();
  await alliances.where('origin').notEqual(USER).delete();
  await stampPackRecords(tables);
}

export class AllianceDb extends Dexie {
  companies!: Table<StoredCompany, [string, string]>;
  alliances!: Table<StoredAlliance, [string, string]>;
  packs!: EntityTable<StoredPack, 'origin'>;
  meta!: EntityTable<MetaRow, 'key'>;
  trash!: EntityTable<TrashEntry, 'seq'>;
  arrivals!: EntityTable<ArrivalBatch, 'seq'>;
  seen!: EntityTable<SeenCompany, 'company'>;
  /** Pack records (every origin but `user`), in chunks: pack-chunks.ts. */
  packChunks!: Table<PackChunk, [string, number]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
  }
}

/** What the write sides need of a store: its database (the read side and AllianceStore both have one). */
export interface HasDatabase {
  readonly db: AllianceDb;
}
