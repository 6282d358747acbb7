// The write side for packs: installing, replacing and removing a pack's records,
// and the pack list's own settings (enabled, priority, sync state). Each write is
// one transaction that moves the dataset version on.
import { packContent } from '../pack/content';
import type { Pack } from '../pack/types';
import { recordArrivals } from './arrivals';
import type { AllianceDb } from './database';
import { userReferencedCompanies } from './kept';
import {
  BUNDLED,
  type Origin,
  type StoredCompany,
  type StoredPack,
  type SyncState,
  USER,
} from './records';
import { toStoredAlliance, toStoredCompany } from './stamp';
import { bumpVersion } from './version';

const BUNDLED_PRIORITY = 1000;

export interface InstallOptions {
  origin: Origin;
  priority?: number;
  enabled?: boolean;
  sync?: SyncState;
}

export class PackWriter {
  private readonly db: AllianceDb;

  constructor(db: AllianceDb) {
    this.db = db;
  }

  /**
   * Replaces every record of `options.origin` with the pack's, in one transaction:
   * a failure anywhere leaves the database exactly as it was. The pack must be validated.
   */
  async installPack(pack: Pack, options: InstallOptions): Promise<StoredPack> {
    const { origin } = options;
    const updated = pack.pack.updated;
    return this.db.transaction(
      'rw',
      [this.db.companies, this.db.alliances, this.db.packs, this.db.meta, this.db.arrivals],
      async () => {
        await recordArrivals(this.db, pack, origin);
        const previous = await this.db.packs.get(origin);
        const lost = await this.db.companies.where('origin').equals(origin).toArray();
        await this.db.companies.where('origin').equals(origin).delete();
        await this.db.alliances.where('origin').equals(origin).delete();
        // The same content the preview and the model use: `removed` wins over a record of the same id.
        const content = packContent(pack);
        await this.db.companies.bulkPut(
          content.companies.map((c) => toStoredCompany(c, origin, updated)),
        );
        await this.db.alliances.bulkPut(
          content.alliances.map((a) => toStoredAlliance(a, origin, updated)),
        );
        await this.settleKeptCompanies(lost);
        const record: StoredPack = {
          origin,
          id: pack.pack.id,
          title: pack.pack.title,
          updated,
          installed: new Date().toISOString(),
          enabled: options.enabled ?? previous?.enabled ?? true,
          priority:
            options.priority ??
            previous?.priority ??
            (origin === BUNDLED ? BUNDLED_PRIORITY : await this.nextPriority()),
          counts: { companies: content.companies.length, alliances: content.alliances.length },
        };
        if (pack.pack.publisher) record.publisher = pack.pack.publisher;
        if (pack.pack.homepage) record.homepage = pack.pack.homepage;
        if (pack.pack.license) record.license = pack.pack.license;
        const sync = options.sync ?? previous?.sync;
        if (sync) record.sync = sync;
        await this.db.packs.put(record);
        await bumpVersion(this.db);
        return record;
      },
    );
  }

  /**
   * A company one of the user's alliances names stays when every pack drops it:
   * a user-owned copy (keptFrom) of the record just lost is kept, and steps aside
   * when a pack describes the company again or no user alliance names it. The
   * same rule as `settle` in utils/sync/apply.ts; a model-based test checks both agree.
   * Runs inside the caller's transaction.
   */
  private async settleKeptCompanies(lost: readonly StoredCompany[]): Promise<void> {
    const userAlliances = await this.db.alliances.where('origin').equals(USER).toArray();
    const referenced = userReferencedCompanies(userAlliances);
    const userCompanies = await this.db.companies.where('origin').equals(USER).toArray();
    for (const c of userCompanies) {
      if (!c.keptFrom) continue;
      const inPacks = (await this.db.companies.where('id').equals(c.id).toArray()).some(
        (r) => r.origin !== USER,
      );
      if (!referenced.has(c.id) || inPacks) await this.db.companies.delete([USER, c.id]);
    }
    for (const record of lost) {
      if (record.deleted || !referenced.has(record.id)) continue;
      if ((await this.db.companies.where('id').equals(record.id).count()) > 0) continue;
      await this.db.companies.put({ ...record, origin: USER, keptFrom: record.origin });
    }
  }

  private async nextPriority(): Promise<number> {
    const packs = await this.db.packs.toArray();
    const used = packs.filter((p) => p.origin !== BUNDLED).map((p) => p.priority);
    return used.length ? Math.max(...used) + 1 : 100;
  }

  /** Records a sync attempt's outcome without touching the pack's records. */
  async updateSync(origin: Origin, sync: SyncState): Promise<void> {
    await this.db.packs.update(origin, { sync });
  }

  async setPackEnabled(origin: Origin, enabled: boolean): Promise<void> {
    await this.db.transaction('rw', [this.db.packs, this.db.meta], async () => {
      await this.db.packs.update(origin, { enabled });
      await bumpVersion(this.db);
    });
  }

  /** Moves a pack one place up (-1) or down (+1) in priority; the bundled pack stays last. */
  async movePack(origin: Origin, direction: -1 | 1): Promise<void> {
    await this.db.transaction('rw', [this.db.packs, this.db.meta], async () => {
      const packs = (await this.db.packs.orderBy('priority').toArray()).filter(
        (p) => p.origin !== BUNDLED,
      );
      const i = packs.findIndex((p) => p.origin === origin);
      const j = i + direction;
      if (i < 0 || j < 0 || j >= packs.length) return;
      [packs[i], packs[j]] = [packs[j]!, packs[i]!];
      for (let k = 0; k < packs.length; k++)
        await this.db.packs.update(packs[k]!.origin, { priority: 100 + k });
      await bumpVersion(this.db);
    });
  }

  /** Removes a pack and its records; the user's records are never touched. */
  async removePack(origin: Origin): Promise<void> {
    await this.db.transaction(
      'rw',
      [this.db.companies, this.db.alliances, this.db.packs, this.db.meta],
      async () => {
        const lost = await this.db.companies.where('origin').equals(origin).toArray();
        await this.db.companies.where('origin').equals(origin).delete();
        await this.db.alliances.where('origin').equals(origin).delete();
        await this.settleKeptCompanies(lost);
        await this.db.packs.delete(origin);
        await bumpVersion(this.db);
      },
    );
  }
}
