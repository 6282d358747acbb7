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
import { planReplace, type ReplacePlan, type StampedContent, stampContent } from './replace-plan';
import { bumpVersion, datasetVersion } from './version';

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
   * Only what changed is written (replace-plan.ts): records the version leaves as
   * they were are not rewritten, and keep the time of the version that last changed them.
   */
  async installPack(pack: Pack, options: InstallOptions): Promise<StoredPack> {
    const { origin } = options;
    const updated = pack.pack.updated;
    // The same content the preview and the model use: `removed` wins over a record of the same id.
    // Stamped before the transaction opens: it is pure work, and readers wait while it is open.
    const next = stampContent(packContent(pack), origin, updated);
    const early = await this.planOutside(origin, next);
    return this.db.transaction(
      'rw',
      [this.db.companies, this.db.alliances, this.db.packs, this.db.meta, this.db.arrivals],
      async () => {
        await recordArrivals(this.db, pack, origin);
        const previous = await this.db.packs.get(origin);
        // Every write moves the version on: if one came in between, compare again, inside.
        const plan =
          (await datasetVersion(this.db)) === early.version
            ? early.plan
            : planReplace(await this.recordsOf(origin), next);
        await this.writePlan(origin, plan);
        await this.settleKeptCompanies(plan.removed.companies);
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
          counts: { companies: next.companies.length, alliances: next.alliances.length },
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
   * The plan, made from a read-only snapshot before the write transaction opens:
   * reading and comparing tens of thousands of records takes a while, and the
   * pages' reads would wait for all of it inside a write transaction.
   */
  private async planOutside(
    origin: Origin,
    next: StampedContent,
  ): Promise<{ version: number; plan: ReplacePlan }> {
    const { version, previous } = await this.db.transaction(
      'r',
      [this.db.companies, this.db.alliances, this.db.meta],
      async () => ({
        version: await datasetVersion(this.db),
        previous: await this.recordsOf(origin),
      }),
    );
    return { version, plan: planReplace(previous, next) };
  }

  /** One origin's records. Inside the caller's transaction. */
  private async recordsOf(origin: Origin): Promise<StampedContent> {
    const [companies, alliances] = await Promise.all([
      this.db.companies.where('origin').equals(origin).toArray(),
      this.db.alliances.where('origin').equals(origin).toArray(),
    ]);
    return { companies, alliances };
  }

  /** Deletes the records a plan drops and writes the ones it brings. Inside the caller's transaction. */
  private async writePlan(origin: Origin, plan: ReplacePlan): Promise<void> {
    const key = (r: { id: string }): [string, string] => [origin, r.id];
    await this.db.companies.bulkDelete(plan.removed.companies.map(key));
    await this.db.alliances.bulkDelete(plan.removed.alliances.map(key));
    await this.db.companies.bulkPut(plan.put.companies);
    await this.db.alliances.bulkPut(plan.put.alliances);
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
    const kept = userCompanies.filter((c) => c.keptFrom);
    // One query for every id concerned, not one per record.
    const inPacks = new Set(
      kept.length
        ? (
            await this.db.companies
              .where('id')
              .anyOf(kept.map((c) => c.id))
              .primaryKeys()
          )
            .filter(([origin]) => origin !== USER)
            .map(([, id]) => id)
        : [],
    );
    const stale = kept.filter((c) => !referenced.has(c.id) || inPacks.has(c.id));
    await this.db.companies.bulkDelete(stale.map((c): [string, string] => [USER, c.id]));
    const candidates = lost.filter((r) => !r.deleted && referenced.has(r.id));
    if (!candidates.length) return;
    const present = new Set(
      (
        await this.db.companies
          .where('id')
          .anyOf(candidates.map((r) => r.id))
          .primaryKeys()
      ).map(([, id]) => id),
    );
    await this.db.companies.bulkPut(
      candidates
        .filter((r) => !present.has(r.id))
        .map((record) => ({ ...record, origin: USER, keptFrom: record.origin })),
    );
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
