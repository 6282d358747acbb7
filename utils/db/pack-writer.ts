// The write side for packs: installing, replacing and removing a pack's records,
// and the pack list's own settings (enabled, priority, sync state). Each write is
// one transaction that moves the dataset version on.
import { packContent } from '../pack/content';
import type { Pack } from '../pack/types';
import { recordArrivals } from './arrivals';
import type { AllianceDb } from './database';
import { packRecords, rememberPackRecords, replaceOrigin } from './dataset-records';
import { userReferencedCompanies } from './kept';
import { stampPackRecords, writeOriginChunks } from './pack-chunks';
import type { RecordSet } from './record-set';
import {
  BUNDLED,
  type Origin,
  type StoredCompany,
  type StoredPack,
  type SyncState,
  USER,
} from './records';
import { contentAfter, planReplace, type StampedContent, stampContent } from './replace-plan';
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
   * The origin's chunks are rewritten whole (pack-chunks.ts); records the version
   * leaves as they were keep the time of the version that last changed them (replace-plan.ts).
   */
  async installPack(pack: Pack, options: InstallOptions): Promise<StoredPack> {
    const { origin } = options;
    const updated = pack.pack.updated;
    // The same content the preview and the model use: `removed` wins over a record of the same id.
    // Stamped and compared before the transaction opens: it is pure work, and readers wait while it is open.
    const next = stampContent(packContent(pack), origin, updated);
    const early = await packRecords(this.db);
    const earlyPlan = planReplace(early.ofOrigin(origin), next);
    let written: { stamp: string; packs: RecordSet } | undefined;
    const record = await this.db.transaction('rw', this.writeTables(), async () => {
      await recordArrivals(this.db, pack, origin);
      const previous = await this.db.packs.get(origin);
      // Another pack write in between gives another snapshot: compare again, inside.
      const before = await packRecords(this.db);
      const plan = before === early ? earlyPlan : planReplace(before.ofOrigin(origin), next);
      const packs = await this.writeOrigin(before, origin, contentAfter(plan, next));
      await this.settleKeptCompanies(plan.removed.companies, packs);
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
      written = { stamp: await stampPackRecords(this.db), packs };
      await bumpVersion(this.db);
      return record;
    });
    // Committed: this context's snapshot is what was just written, no need to read it back.
    if (written) rememberPackRecords(this.db, written.stamp, written.packs);
    return record;
  }

  private writeTables() {
    const db = this.db;
    return [db.companies, db.alliances, db.packChunks, db.packs, db.meta, db.arrivals];
  }

  /**
   * Writes `origin`'s chunks (none for no records) and returns every pack record
   * as they now are. Inside the caller's transaction.
   */
  private async writeOrigin(
    before: RecordSet,
    origin: Origin,
    content: StampedContent,
  ): Promise<RecordSet> {
    const chunks = await writeOriginChunks(this.db, origin, content.companies, content.alliances);
    return replaceOrigin(before, origin, chunks);
  }

  /**
   * A company one of the user's alliances names stays when every pack drops it:
   * a user-owned copy (keptFrom) of the record just lost is kept, and steps aside
   * when a pack describes the company again or no user alliance names it. The
   * same rule as `settle` in utils/sync/apply.ts; a model-based test checks both agree.
   * `packs` is every pack record after the write. Runs inside the caller's transaction.
   */
  private async settleKeptCompanies(
    lost: readonly StoredCompany[],
    packs: RecordSet,
  ): Promise<void> {
    const userAlliances = await this.db.alliances.where('origin').equals(USER).toArray();
    const referenced = userReferencedCompanies(userAlliances);
    const userCompanies = await this.db.companies.where('origin').equals(USER).toArray();
    const kept = userCompanies.filter((c) => c.keptFrom);
    const candidates = lost.filter((r) => !r.deleted && referenced.has(r.id));
    if (!kept.length && !candidates.length) return;
    const inPacks = new Set(packs.companies.map((c) => c.id));
    const stale = kept.filter((c) => !referenced.has(c.id) || inPacks.has(c.id));
    await this.db.companies.bulkDelete(stale.map((c): [string, string] => [USER, c.id]));
    if (!candidates.length) return;
    const gone = new Set(stale.map((c) => c.id));
    const mine = userCompanies.filter((c) => !gone.has(c.id)).map((c) => c.id);
    const present = new Set([...inPacks, ...mine]);
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
    let written: { stamp: string; packs: RecordSet } | undefined;
    await this.db.transaction('rw', this.writeTables(), async () => {
      const before = await packRecords(this.db);
      const lost = before.ofOrigin(origin).companies;
      const packs = await this.writeOrigin(before, origin, { companies: [], alliances: [] });
      await this.settleKeptCompanies(lost, packs);
      await this.db.packs.delete(origin);
      written = { stamp: await stampPackRecords(this.db), packs };
      await bumpVersion(this.db);
    });
    if (written) rememberPackRecords(this.db, written.stamp, written.packs);
  }
}
