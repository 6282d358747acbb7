// The one data-access module: every query and transaction over the Dexie database.
import type { Dictionary } from '../dictionary';
import { aliasKey, type DictionaryEntry } from '../matcher';
import { packContent } from '../pack/content';
import {
  type AllianceView,
  type CompanyView,
  makeOriginRank,
  mergeAlliances,
  mergeCompanies,
} from '../pack/merge';
import type { Alliance, AllianceKind, Pack, PackInfo } from '../pack/types';
import { PACK_FORMAT, PACK_VERSION } from '../pack/types';
import { AllianceDb } from './database';
import { userReferencedCompanies } from './kept';
import {
  BUNDLED,
  type Origin,
  type StoredAlliance,
  type StoredCompany,
  type StoredPack,
  type SyncState,
  USER,
} from './records';
import { toAlliance, toCompany, toStoredAlliance, toStoredCompany } from './stamp';

const BUNDLED_PRIORITY = 1000;

export interface InstallOptions {
  origin: Origin;
  priority?: number;
  enabled?: boolean;
  sync?: SyncState;
}

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'clips' }
  | { kind: 'company'; companyId: string };

export interface DatasetCounts {
  companies: number;
  alliances: number;
  packs: number;
  user: { companies: number; alliances: number };
}

const VERSION_KEY = 'datasetVersion';
const DICTIONARY_KEY = 'dictionary';
const COUNTS_KEY = 'counts';

export class AllianceStore {
  readonly db: AllianceDb;

  constructor(db: AllianceDb = new AllianceDb()) {
    this.db = db;
  }

  /** Grows on every write, so readers can cache derived data (the matcher's dictionary) by it. */
  async datasetVersion(): Promise<number> {
    const row = await this.db.meta.get(VERSION_KEY);
    return typeof row?.value === 'number' ? row.value : 0;
  }

  /** Call inside every write transaction (utils/db only). */
  async bumpVersion(): Promise<void> {
    const current = await this.datasetVersion();
    await this.db.meta.put({ key: VERSION_KEY, value: current + 1 });
  }

  async knownCompanyIds(): Promise<Set<string>> {
    return new Set((await this.db.companies.orderBy('id').uniqueKeys()) as string[]);
  }

  async listPacks(): Promise<StoredPack[]> {
    return this.db.packs.orderBy('priority').toArray();
  }

  async getPack(origin: Origin): Promise<StoredPack | undefined> {
    return this.db.packs.get(origin);
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
      [this.db.companies, this.db.alliances, this.db.packs, this.db.meta],
      async () => {
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
        const sync = options.sync ?? previous?.sync;
        if (sync) record.sync = sync;
        await this.db.packs.put(record);
        await this.bumpVersion();
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

  async myClips(): Promise<{ alliance: Alliance; updated: string }[]> {
    const mine = await this.db.alliances.where('origin').equals(USER).toArray();
    return mine
      .filter((a) => !a.deleted && a.sources.some((s) => s.quote))
      .sort((a, b) => b.updated.localeCompare(a.updated))
      .map((a) => ({ alliance: toAlliance(a), updated: a.updated }));
  }

  /** The records of some origins, for comparing a pack with what is installed. */
  async recordsOf(
    origins: readonly Origin[],
  ): Promise<{ companies: StoredCompany[]; alliances: StoredAlliance[] }> {
    const [companies, alliances] = await Promise.all([
      this.db.companies.where('origin').anyOf(origins).toArray(),
      this.db.alliances.where('origin').anyOf(origins).toArray(),
    ]);
    return { companies, alliances };
  }

  /** Records a sync attempt's outcome without touching the pack's records. */
  async updateSync(origin: Origin, sync: SyncState): Promise<void> {
    await this.db.packs.update(origin, { sync });
  }

  async setPackEnabled(origin: Origin, enabled: boolean): Promise<void> {
    await this.db.transaction('rw', [this.db.packs, this.db.meta], async () => {
      await this.db.packs.update(origin, { enabled });
      await this.bumpVersion();
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
      [packs[i], packs[j]] = [packs[j], packs[i]];
      for (let k = 0; k < packs.length; k++)
        await this.db.packs.update(packs[k].origin, { priority: 100 + k });
      await this.bumpVersion();
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
        await this.bumpVersion();
      },
    );
  }

  /** One origin's records as a pack, ready to publish or to import elsewhere. */
  async exportOrigin(origin: Origin, info?: Partial<PackInfo>): Promise<Pack> {
    const [stored, companies, alliances] = await Promise.all([
      this.db.packs.get(origin),
      this.db.companies.where('origin').equals(origin).toArray(),
      this.db.alliances.where('origin').equals(origin).toArray(),
    ]);
    const pack: PackInfo = {
      id: info?.id ?? stored?.id ?? origin,
      title: info?.title ?? stored?.title ?? origin,
      updated: info?.updated ?? stored?.updated ?? new Date().toISOString(),
    };
    const publisher = info?.publisher ?? stored?.publisher;
    const homepage = info?.homepage ?? stored?.homepage;
    if (publisher) pack.publisher = publisher;
    if (homepage) pack.homepage = homepage;
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      pack,
      companies: companies.filter((c) => !c.deleted).map(toCompany),
      alliances: alliances.filter((a) => !a.deleted).map(toAlliance),
    };
  }

  /**
   * The dataset as the reader sees it, as a self-contained pack: everything,
   * only the user's own records (with the companies they refer to, ready to
   * publish), or one company's neighbourhood.
   */
  async exportView(scope: ExportScope): Promise<Pack> {
    const all = await this.mergedAlliances();
    let alliances: AllianceView[];
    if (scope.kind === 'all') alliances = all;
    else if (scope.kind === 'mine') alliances = all.filter((a) => a.origin === USER);
    else if (scope.kind === 'clips') {
      const clipIds = new Set((await this.myClips()).map((c) => c.alliance.id));
      alliances = all.filter((a) => a.origin === USER && clipIds.has(a.id));
    } else alliances = all.filter((a) => a.members.some((m) => m.company === scope.companyId));
    const memberIds = new Set(alliances.flatMap((a) => a.members.map((m) => m.company)));
    if (scope.kind === 'company') memberIds.add(scope.companyId);
    let companies = await this.mergedCompanies();
    companies =
      scope.kind === 'all'
        ? companies
        : companies.filter(
            (c) => memberIds.has(c.id) || (scope.kind === 'mine' && c.origins[0] === USER),
          );
    const titles = {
      all: 'Alliance Lens dataset',
      mine: 'My alliances',
      clips: 'My clips',
      company: `Alliances of ${scope.kind === 'company' ? scope.companyId : ''}`,
    };
    const ids = {
      all: 'alliance-lens-export',
      mine: 'my-alliances',
      clips: 'my-clips',
      company: `neighbourhood-${scope.kind === 'company' ? scope.companyId : ''}`,
    };
    return {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      pack: { id: ids[scope.kind], title: titles[scope.kind], updated: new Date().toISOString() },
      companies: companies.map(({ origins: _o, ...c }) => c),
      alliances: alliances.map(({ origin: _o, overridden: _v, ...a }) => a),
    };
  }

  private async rank() {
    const packs = await this.db.packs.toArray();
    const disabled = new Set(packs.filter((p) => !p.enabled).map((p) => p.origin));
    const rank = makeOriginRank(new Map(packs.map((p) => [p.origin, p.priority])));
    return { rank, active: (origin: Origin) => !disabled.has(origin) };
  }

  /** Every company as the reader sees it: one per id, across all enabled origins. */
  async mergedCompanies(ids?: readonly string[]): Promise<CompanyView[]> {
    const { rank, active } = await this.rank();
    const records = ids
      ? await this.db.companies.where('id').anyOf(ids).toArray()
      : await this.db.companies.toArray();
    return mergeCompanies(
      records.filter((r) => active(r.origin)),
      rank,
    );
  }

  async mergedAlliances(): Promise<AllianceView[]> {
    const { rank, active } = await this.rank();
    return mergeAlliances(
      (await this.db.alliances.toArray()).filter((r) => active(r.origin)),
      rank,
    );
  }

  /**
   * The alliances each of `companyIds` takes part in, plus the alliances named by
   * `allianceIds`, with every company they name.
   */
  async alliancesOf(
    companyIds: readonly string[],
    allianceIds: readonly string[] = [],
  ): Promise<{ alliances: AllianceView[]; companies: CompanyView[] }> {
    const { rank, active } = await this.rank();
    const touching = await this.db.alliances
      .where('memberIds')
      .anyOf(companyIds)
      .distinct()
      .toArray();
    // Fetch every origin's record of those ids, so a user override hides the pack version.
    const ids = [...new Set([...touching.map((a) => a.id), ...allianceIds])];
    const all = await this.db.alliances.where('id').anyOf(ids).toArray();
    const wanted = new Set(companyIds);
    const named = new Set(allianceIds);
    const alliances = mergeAlliances(
      all.filter((r) => active(r.origin)),
      rank,
    ).filter((a) => named.has(a.id) || a.members.some((m) => wanted.has(m.company)));
    const memberIds = new Set<string>(companyIds);
    for (const a of alliances) for (const m of a.members) memberIds.add(m.company);
    return { alliances, companies: await this.mergedCompanies([...memberIds]) };
  }

  /**
   * Every alias of every company and named alliance, for the matcher. Kept in
   * the meta table by dataset version: merging every record on each page load
   * would cost hundreds of milliseconds with a large dataset.
   */
  async dictionary(): Promise<Dictionary> {
    const version = await this.datasetVersion();
    const cached = (await this.db.meta.get(DICTIONARY_KEY))?.value as Dictionary | undefined;
    if (cached?.version === version) return cached;
    const dictionary = await this.buildDictionary(version);
    await this.db.meta.put({ key: DICTIONARY_KEY, value: dictionary });
    return dictionary;
  }

  private async buildDictionary(version: number): Promise<Dictionary> {
    const entries: DictionaryEntry[] = [];
    for (const c of await this.mergedCompanies()) {
      for (const alias of new Set([c.names.en, c.names.ko, ...c.aliases]))
        entries.push({ alias, type: 'company', id: c.id });
    }
    for (const a of await this.mergedAlliances()) {
      if (!a.name) continue;
      for (const alias of new Set([a.name.en, a.name.ko, ...(a.aliases ?? [])])) {
        if (alias) entries.push({ alias, type: 'alliance', id: a.id });
      }
    }
    return { version, entries };
  }

  /**
   * Companies with a name or alias starting with `query` (normalized: "오픈 ai"
   * finds 오픈AI), through the multi-entry alias index: fast on any size.
   */
  async searchCompanies(query: string, limit = 8): Promise<CompanyView[]> {
    const key = aliasKey(query);
    if (!key) return [];
    const hits = await this.db.companies
      .where('aliasKeys')
      .startsWith(key)
      .limit(limit * 4)
      .toArray();
    const ids = [...new Set(hits.filter((c) => !c.deleted).map((c) => c.id))].slice(0, limit);
    const views = await this.mergedCompanies(ids);
    // Exact names first, then shorter names (closer matches) first.
    const rank = (c: CompanyView) => (c.aliases.some((a) => aliasKey(a) === key) ? 0 : 1);
    return views
      .sort((a, b) => rank(a) - rank(b) || a.names.en.length - b.names.en.length)
      .slice(0, limit);
  }

  /**
   * What the popup's search shows, in one read transaction (a transaction per
   * query would cost more than the queries): companies named like `query`,
   * alliances named like it, of those companies or of `kinds`, and every
   * company those alliances name (for their labels).
   */
  async search(
    query: string,
    kinds: readonly AllianceKind[],
    limit = 6,
  ): Promise<{ companies: CompanyView[]; alliances: AllianceView[]; members: CompanyView[] }> {
    if (!aliasKey(query)) return { companies: [], alliances: [], members: [] };
    return this.db.transaction(
      'r',
      [this.db.companies, this.db.alliances, this.db.packs],
      async () => {
        const companies = await this.searchCompanies(query, limit);
        const alliances = await this.searchAlliances(query, kinds, limit, companies.slice(0, 3));
        const memberIds = [...new Set(alliances.flatMap((a) => a.members.map((m) => m.company)))];
        return { companies, alliances, members: await this.mergedCompanies(memberIds) };
      },
    );
  }

  /** Alliances named like `query`, of the companies named like it, or of that kind. */
  async searchAlliances(
    query: string,
    kinds: readonly AllianceKind[],
    limit = 8,
    found?: readonly CompanyView[],
  ): Promise<AllianceView[]> {
    const key = aliasKey(query);
    if (!key) return [];
    const companies = found ?? (await this.searchCompanies(query, 3));
    const [named, ofCompanies, ofKind] = await Promise.all([
      this.db.alliances.where('aliasKeys').startsWith(key).limit(limit).primaryKeys(),
      companies.length
        ? this.db.alliances
            .where('memberIds')
            .anyOf(companies.map((c) => c.id))
            .limit(limit * 2)
            .primaryKeys()
        : [],
      kinds.length
        ? this.db.alliances
            .where('kind')
            .anyOf([...kinds])
            .limit(limit)
            .primaryKeys()
        : [],
    ]);
    const ids = [
      ...new Set([...named, ...ofCompanies, ...ofKind].map((k) => (k as [string, string])[1])),
    ].slice(0, limit * 2);
    const { rank, active } = await this.rank();
    const all = await this.db.alliances.where('id').anyOf(ids).toArray();
    return mergeAlliances(
      all.filter((r) => active(r.origin)),
      rank,
    ).slice(0, limit);
  }

  /** Counts for the popup and the manager, kept by dataset version (counting 60,000 keys is not free). */
  async counts(): Promise<DatasetCounts> {
    const version = await this.datasetVersion();
    const cached = (await this.db.meta.get(COUNTS_KEY))?.value as
      | { version: number; counts: DatasetCounts }
      | undefined;
    if (cached?.version === version) return cached.counts;
    const counts = await this.countAll();
    await this.db.meta.put({ key: COUNTS_KEY, value: { version, counts } });
    return counts;
  }

  private async countAll(): Promise<DatasetCounts> {
    const [companyIds, allianceIds, packs, userCompanies, userAlliances] = await Promise.all([
      this.db.companies.orderBy('id').uniqueKeys(),
      this.db.alliances.orderBy('id').uniqueKeys(),
      this.db.packs.count(),
      this.db.companies.where('origin').equals('user').count(),
      this.db.alliances.where('origin').equals('user').count(),
    ]);
    return {
      companies: companyIds.length,
      alliances: allianceIds.length,
      packs,
      user: { companies: userCompanies, alliances: userAlliances },
    };
  }
}
