// The read side of the database: every query, and the only part of utils/db that
// extension pages import (pages read; the background is the one writer, store.ts).
// It does write one thing: caches of what it derives, kept in meta by dataset version.
import type { Dictionary } from '../dictionary';
import { aliasKey } from '../matcher';
import { dictionaryEntries } from '../pack/dictionary-entries';
import {
  type AllianceView,
  type CompanyView,
  makeOriginRank,
  mergeAlliances,
  mergeCompanies,
} from '../pack/merge';
import type { Alliance, AllianceKind, Pack, PackInfo } from '../pack/types';
import { AllianceDb } from './database';
import { type DatasetRecords, datasetRecords, recordTables } from './dataset-records';
import { type ExportScope, exportOrigin, exportView } from './export';
import type { Origin, StoredAlliance, StoredCompany, StoredPack } from './records';
import { USER } from './records';
import { toAlliance } from './stamp';
import { datasetVersion } from './version';

export type { ExportScope };

export interface SearchAnswer {
  companies: CompanyView[];
  alliances: AllianceView[];
  members: CompanyView[];
}

export interface DatasetCounts {
  companies: number;
  alliances: number;
  packs: number;
  user: { companies: number; alliances: number };
}

const DICTIONARY_KEY = 'dictionary';
/** Bumped when dictionary entries gain a field, so a cached older one is rebuilt. */
const DICTIONARY_FORMAT = 2;
const COUNTS_KEY = 'counts';
/** How long searchPromptly gives the database before the held dataset answers: longer than a search takes when it is free. */
export const HELD_ANSWER_AFTER_MS = 100;

export class DatasetReader {
  readonly db: AllianceDb;

  constructor(db: AllianceDb = new AllianceDb()) {
    this.db = db;
  }

  /** Grows on every write, so readers can cache derived data (the matcher's dictionary) by it. */
  async datasetVersion(): Promise<number> {
    return datasetVersion(this.db);
  }

  async knownCompanyIds(): Promise<Set<string>> {
    return (await this.records()).companyIds();
  }

  /** The dataset as the last search (or prepareSearch) read it: see heldDataset(). */
  private held?: HeldDataset;

  /**
   * Loads the packs' records and builds the indexes a search uses, so the first
   * search does not wait for them (the popup calls it as it opens).
   */
  async prepareSearch(): Promise<void> {
    const held = await this.hold();
    held.view.packs.buildIndexes();
  }

  /** A reader over the dataset as the last search read it, which answers from memory (see searchPromptly). */
  heldDataset(): Pick<DatasetReader, 'search'> | undefined {
    return this.held;
  }

  /** Every origin's records (the reader's own, and the packs' from their snapshot). */
  protected records(): Promise<DatasetRecords> {
    return datasetRecords(this.db);
  }

  protected packList(): Promise<StoredPack[]> {
    return this.db.packs.toArray();
  }

  /** Reads every record and the packs' list in one transaction, and holds them. */
  private hold(): Promise<HeldDataset> {
    return this.db.transaction('r', [...recordTables(this.db), this.db.packs], async () => {
      const [view, packs] = await Promise.all([this.records(), this.packList()]);
      this.held = new HeldDataset(this.db, view, packs);
      return this.held;
    });
  }

  async listPacks(): Promise<StoredPack[]> {
    return this.db.packs.orderBy('priority').toArray();
  }

  async getPack(origin: Origin): Promise<StoredPack | undefined> {
    return this.db.packs.get(origin);
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
    const records = await this.records();
    // In origin order, as the origin index gave them.
    const of = [...new Set(origins)].sort().map((o) => records.ofOrigin(o));
    return {
      companies: of.flatMap((r) => r.companies),
      alliances: of.flatMap((r) => r.alliances),
    };
  }

  /** One origin's records as a pack, ready to publish or to import elsewhere. */
  async exportOrigin(origin: Origin, info?: Partial<PackInfo>): Promise<Pack> {
    return exportOrigin(this.db, (await this.records()).ofOrigin(origin), origin, info);
  }

  /**
   * The dataset as the reader sees it, as a self-contained pack: everything,
   * only the user's own records (with the companies they refer to, ready to
   * publish), or one company's neighbourhood.
   */
  async exportView(scope: ExportScope): Promise<Pack> {
    return exportView(this, scope);
  }

  private async rank() {
    const packs = await this.packList();
    const disabled = new Set(packs.filter((p) => !p.enabled).map((p) => p.origin));
    const rank = makeOriginRank(new Map(packs.map((p) => [p.origin, p.priority])));
    return { rank, active: (origin: Origin) => !disabled.has(origin) };
  }

  /** Every company as the reader sees it: one per id, across all enabled origins. */
  async mergedCompanies(ids?: readonly string[]): Promise<CompanyView[]> {
    const { rank, active } = await this.rank();
    const all = await this.records();
    const records = ids ? all.companiesWithIds(ids) : all.companies();
    return mergeCompanies(
      records.filter((r) => active(r.origin)),
      rank,
    );
  }

  async mergedAlliances(): Promise<AllianceView[]> {
    const { rank, active } = await this.rank();
    return mergeAlliances(
      (await this.records()).alliances().filter((r) => active(r.origin)),
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
    const records = await this.records();
    const touching = records.alliancesWithMembers(companyIds);
    // Fetch every origin's record of those ids, so a user override hides the pack version.
    const ids = [...new Set([...touching.map((a) => a.id), ...allianceIds])];
    const all = records.alliancesWithIds(ids);
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
    const cached = (await this.db.meta.get(DICTIONARY_KEY))?.value as
      | (Dictionary & { format?: number })
      | undefined;
    // A dictionary cached by an older extension lacks what newer entries carry (ambiguous).
    if (cached?.version === version && cached.format === DICTIONARY_FORMAT) return cached;
    const dictionary = { ...(await this.buildDictionary(version)), format: DICTIONARY_FORMAT };
    await this.db.meta.put({ key: DICTIONARY_KEY, value: dictionary });
    return dictionary;
  }

  private async buildDictionary(version: number): Promise<Dictionary> {
    const entries = dictionaryEntries(await this.mergedCompanies(), await this.namedAlliances());
    return { version, entries };
  }

  /**
   * The merged alliances that may give the dictionary a name: those with an alias
   * key in some origin. Reading the other tens of thousands would be wasted work
   * competing with the pages' reads after every change.
   */
  private async namedAlliances(): Promise<AllianceView[]> {
    const { rank, active } = await this.rank();
    const all = await this.records();
    // Every origin's record of those ids, so a user's record without a name still wins.
    const records = all.alliancesWithIds([...all.namedAllianceIds()]);
    return mergeAlliances(
      records.filter((r) => active(r.origin)),
      rank,
    );
  }

  /**
   * Companies with a name or alias starting with `query` (normalized: "오픈 ai"
   * finds 오픈AI), through the alias index (in memory for the packs, record-set.ts).
   */
  async searchCompanies(query: string, limit = 8): Promise<CompanyView[]> {
    const key = aliasKey(query);
    if (!key) return [];
    const hits = (await this.records()).companiesByAliasPrefix(key, limit * 4);
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
  async search(query: string, kinds: readonly AllianceKind[], limit = 6): Promise<SearchAnswer> {
    if (!aliasKey(query)) return { companies: [], alliances: [], members: [] };
    // What the search reads is held, so the next one can answer while the database is busy.
    return (await this.hold()).search(query, kinds, limit);
  }

  /**
   * search(), answered within `waitMs` however busy the database is: the
   * database's answer if it comes by then; otherwise the held dataset's, with
   * the database's to follow as `fresher`. IndexedDB holds every read of the
   * tables a write covers until that write commits, and a big pack's install is
   * one write of seconds; the popup's search would otherwise wait it out.
   */
  async searchPromptly(
    query: string,
    kinds: readonly AllianceKind[],
    limit: number,
    waitMs = HELD_ANSWER_AFTER_MS,
  ): Promise<{ answer: SearchAnswer; fresher?: Promise<SearchAnswer> }> {
    const held = this.held;
    const fresh = this.search(query, kinds, limit);
    if (!held) return { answer: await fresh };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), waitMs);
    });
    let first: SearchAnswer | 'late';
    try {
      first = await Promise.race([fresh, late]);
    } finally {
      clearTimeout(timer);
    }
    if (first !== 'late') return { answer: first };
    return { answer: await held.search(query, kinds, limit), fresher: fresh };
  }

  /** search(), over whatever records() and packList() give. */
  protected async searchRecords(
    query: string,
    kinds: readonly AllianceKind[],
    limit: number,
  ): Promise<SearchAnswer> {
    const companies = await this.searchCompanies(query, limit);
    const alliances = await this.searchAlliances(query, kinds, limit, companies.slice(0, 3));
    const memberIds = [...new Set(alliances.flatMap((a) => a.members.map((m) => m.company)))];
    return { companies, alliances, members: await this.mergedCompanies(memberIds) };
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
    const records = await this.records();
    const named = records.alliancesByAliasPrefix(key, limit);
    const ofCompanies = companies.length
      ? records.alliancesWithMembers(
          companies.map((c) => c.id),
          limit * 2,
        )
      : [];
    const ofKind = kinds.length ? records.alliancesOfKinds(kinds, limit) : [];
    const ids = [...new Set([...named, ...ofCompanies, ...ofKind].map((a) => a.id))].slice(
      0,
      limit * 2,
    );
    const { rank, active } = await this.rank();
    const all = records.alliancesWithIds(ids);
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
    const [records, packs] = await Promise.all([this.records(), this.db.packs.count()]);
    return {
      companies: records.companyIds().size,
      alliances: records.allianceIds().size,
      packs,
      user: {
        companies: records.user.ofOrigin(USER).companies.length,
        alliances: records.user.ofOrigin(USER).alliances.length,
      },
    };
  }
}

/**
 * A reader over records already read: its search and the merged views behind it
 * answer from memory without touching the database (the other reads still do).
 */
class HeldDataset extends DatasetReader {
  readonly view: DatasetRecords;
  private readonly packs: StoredPack[];

  constructor(db: AllianceDb, view: DatasetRecords, packs: StoredPack[]) {
    super(db);
    this.view = view;
    this.packs = packs;
  }

  protected override records(): Promise<DatasetRecords> {
    return Promise.resolve(this.view);
  }

  protected override packList(): Promise<StoredPack[]> {
    return Promise.resolve(this.packs);
  }

  override search(query: string, kinds: readonly AllianceKind[], limit = 6): Promise<SearchAnswer> {
    return this.searchRecords(query, kinds, limit);
  }
}
