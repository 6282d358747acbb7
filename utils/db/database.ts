// The Dexie database. Only utils/db/ imports Dexie; pages read through reader.ts,
// the background writes through store.ts and the other write sides.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { MetaRow, StoredAlliance, StoredCompany, StoredPack, TrashEntry } from './records';
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
const SCHEMA_V5 = {
  ...SCHEMA_V4,
  companies: '[origin+id], id, origin, *aliasKeys',
  alliances: '[origin+id], id, origin, *memberIds, *aliasKeys, kind',
};

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

export class AllianceDb extends Dexie {
  companies!: Table<StoredCompany, [string, string]>;
  alliances!: Table<StoredAlliance, [string, string]>;
  packs!: EntityTable<StoredPack, 'origin'>;
  meta!: EntityTable<MetaRow, 'key'>;
  trash!: EntityTable<TrashEntry, 'seq'>;
  arrivals!: EntityTable<ArrivalBatch, 'seq'>;
  seen!: EntityTable<SeenCompany, 'company'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

/** What the write sides need of a store: its database (the read side and AllianceStore both have one). */
export interface HasDatabase {
  readonly db: AllianceDb;
}
