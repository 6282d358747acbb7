// The user's own edits: saving records (new ones, or overrides of a pack's),
// deleting through a trash, and going back to a pack's version. Part of the
// data-access module: only utils/db touches Dexie.
import type { Alliance, Company } from '../pack/types';
import { type Clock, systemClock } from './clock';
import type { HasDatabase } from './database';
import { datasetRecords, recordTables } from './dataset-records';
import {
  type RecordType,
  recordKey,
  type StoredAlliance,
  type StoredCompany,
  type TrashEntry,
  USER,
} from './records';
import { toStoredAlliance, toStoredCompany } from './stamp';
import { markDeleted } from './user-data';
import { bumpVersion } from './version';

/** The user's records as they were before a clip, to undo it. */
export interface ClipUndo {
  companies: { id: string; previous: StoredCompany | null }[];
  alliance: { id: string; previous: StoredAlliance | null };
}

export class UserEdits {
  private readonly store: HasDatabase;
  private readonly now: Clock;

  constructor(store: HasDatabase, now: Clock = systemClock) {
    this.store = store;
    this.now = now;
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  private get db() {
    return this.store.db;
  }

  private tables() {
    return [...recordTables(this.db), this.db.trash];
  }

  private table(type: RecordType) {
    return type === 'company' ? this.db.companies : this.db.alliances;
  }

  /** Saves a validated company as the user's record; a pack's record of the same id stays underneath. */
  async saveCompany(company: Company): Promise<void> {
    const record = toStoredCompany(company, USER, this.nowIso());
    await this.db.transaction('rw', this.tables(), async () => {
      await this.db.companies.put(record);
      await bumpVersion(this.db);
    });
  }

  async saveAlliance(alliance: Alliance): Promise<void> {
    const record = toStoredAlliance(alliance, USER, this.nowIso());
    await this.db.transaction('rw', this.tables(), async () => {
      await this.db.alliances.put(record);
      await bumpVersion(this.db);
    });
  }

  /**
   * Deletes what the reader sees under `id`: the user's record if any, and a
   * tombstone hides the packs' records. Everything goes to the trash first.
   */
  async remove(type: RecordType, id: string, label: string): Promise<TrashEntry> {
    return this.db.transaction('rw', this.tables(), async () => {
      const table = this.table(type);
      const records = await datasetRecords(this.db);
      const all: (StoredCompany | StoredAlliance)[] =
        type === 'company' ? records.companiesWithIds([id]) : records.alliancesWithIds([id]);
      const mine = all.find((r) => r.origin === USER);
      const fromPacks = all.filter((r) => r.origin !== USER);
      if (!all.length || mine?.deleted) throw new Error(`no ${type} "${id}" to delete`);
      const entry: TrashEntry = {
        type,
        id,
        label,
        deletedAt: this.nowIso(),
        record: mine ?? null, // (never a tombstone: that throws above)
        tombstone: fromPacks.length > 0,
      };
      if (mine) await table.delete([USER, id]);
      if (mine && !fromPacks.length)
        await markDeleted(this.store, [recordKey(type, id)], entry.deletedAt);
      if (fromPacks.length) {
        // A copy of the pack's record, marked deleted and taken out of the indexes that find it.
        const tombstone = {
          ...fromPacks[0],
          origin: USER,
          updated: this.nowIso(),
          deleted: true,
          aliasKeys: [],
        };
        if (type === 'alliance') (tombstone as StoredAlliance).memberIds = [];
        await (table as typeof this.db.companies).put(tombstone as StoredCompany);
      }
      entry.seq = await this.db.trash.add(entry);
      await bumpVersion(this.db);
      return entry;
    });
  }

  /** Undoes a deletion. */
  async restore(seq: number): Promise<void> {
    await this.db.transaction('rw', this.tables(), async () => {
      const entry = await this.db.trash.get(seq);
      if (!entry) throw new Error('that deletion is no longer in the trash');
      const table = this.table(entry.type);
      if (entry.tombstone) await table.delete([USER, entry.id]);
      if (entry.record)
        await (table as typeof this.db.companies).put(entry.record as StoredCompany);
      await this.db.trash.delete(seq);
      await bumpVersion(this.db);
    });
  }

  /** Drops the user's override so the pack's version shows again (the override goes to the trash). */
  async revert(type: RecordType, id: string, label: string): Promise<TrashEntry> {
    return this.db.transaction('rw', this.tables(), async () => {
      const table = this.table(type);
      const mine = (await table.get([USER, id])) as StoredCompany | StoredAlliance | undefined;
      if (!mine) throw new Error(`"${id}" has no edits of yours`);
      const entry: TrashEntry = {
        type,
        id,
        label,
        deletedAt: this.nowIso(),
        record: mine,
        tombstone: false,
      };
      await table.delete([USER, id]);
      entry.seq = await this.db.trash.add(entry);
      await bumpVersion(this.db);
      return entry;
    });
  }

  /**
   * Saves a clip in one transaction: new companies and the alliance as the
   * user's records. Returns what undoing it takes (the user records as they were).
   */
  async saveClip(alliance: Alliance, newCompanies: readonly Company[]): Promise<ClipUndo> {
    return this.db.transaction('rw', this.tables(), async () => {
      const before: ClipUndo = { companies: [], alliance: { id: alliance.id, previous: null } };
      for (const c of newCompanies) {
        before.companies.push({
          id: c.id,
          previous: (await this.db.companies.get([USER, c.id])) ?? null,
        });
        await this.db.companies.put(toStoredCompany(c, USER, this.nowIso()));
      }
      before.alliance.previous = (await this.db.alliances.get([USER, alliance.id])) ?? null;
      await this.db.alliances.put(toStoredAlliance(alliance, USER, this.nowIso()));
      await bumpVersion(this.db);
      return before;
    });
  }

  /** Puts the user's records back as they were before a clip. */
  async undoClip(undo: ClipUndo): Promise<void> {
    await this.db.transaction('rw', this.tables(), async () => {
      const { alliance } = undo;
      const gone: string[] = [];
      if (alliance.previous)
        await this.db.alliances.put({ ...alliance.previous, updated: this.nowIso() });
      else {
        await this.db.alliances.delete([USER, alliance.id]);
        gone.push(recordKey('alliance', alliance.id));
      }
      for (const c of undo.companies) {
        if (c.previous) await this.db.companies.put({ ...c.previous, updated: this.nowIso() });
        else {
          await this.db.companies.delete([USER, c.id]);
          gone.push(recordKey('company', c.id));
        }
      }
      await markDeleted(this.store, gone, this.nowIso());
      await bumpVersion(this.db);
    });
  }

  async trash(): Promise<TrashEntry[]> {
    return this.db.trash.orderBy('seq').reverse().toArray();
  }
}
