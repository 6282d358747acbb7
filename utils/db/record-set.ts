// Records held in memory and queried the way IndexedDB indexes answer: the
// same entries in the same order (index key, then primary key [origin+id]),
// duplicates of a multi-entry index included, so a query over a RecordSet plus
// the user's table gives what one table holding both used to give. Pure (no Dexie).
//
// Why: pack records are stored in chunks (pack-chunks.ts), not one row each,
// so their indexes live here, built once per pack write (dataset-records.ts).
import type { StoredAlliance, StoredCompany } from './records';

type StoredRecord = StoredCompany | StoredAlliance;

/** One index entry: the key and the record it points at. */
export interface IndexEntry<T> {
  key: string;
  record: T;
}

/** IndexedDB's order of [origin+id] keys (strings compare by UTF-16 code unit, as here). */
export function comparePrimary(a: StoredRecord, b: StoredRecord): number {
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Index order: the key, then the primary key. */
export function compareEntries<T extends StoredRecord>(a: IndexEntry<T>, b: IndexEntry<T>): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return comparePrimary(a.record, b.record);
}

/** Merges two lists sorted by `compare` into one sorted list. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number) {
  if (!a.length) return [...b];
  if (!b.length) return [...a];
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * An index over records given in primary-key order, answering like an IndexedDB
 * (multi-entry) index. Each key's records keep that order, so only the distinct
 * keys are ever sorted, and only for prefix queries.
 */
export class SortedIndex<T extends StoredRecord> {
  private readonly groups = new Map<string, T[]>();
  private sortedKeys: string[] | undefined;

  /** `records` must be in primary-key order (comparePrimary). */
  constructor(
    records: readonly T[],
    keysOf: (record: T) => readonly string[] | string | undefined,
  ) {
    const add = (key: string, record: T) => {
      const group = this.groups.get(key);
      if (group) group.push(record);
      else this.groups.set(key, [record]);
    };
    for (const record of records) {
      const keys = keysOf(record);
      if (typeof keys === 'string') add(keys, record);
      // A multi-entry index holds each distinct key of a record once.
      else if (keys) for (const key of new Set(keys)) add(key, record);
    }
  }

  private keys(): string[] {
    this.sortedKeys ??= [...this.groups.keys()].sort();
    return this.sortedKeys;
  }

  /** The first key not below `key`. */
  private lowerBound(key: string): number {
    const keys = this.keys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Appends `key`'s entries to `out` up to `limit`; false once full. */
  private take(key: string, out: IndexEntry<T>[], limit: number): boolean {
    for (const record of this.groups.get(key) ?? []) {
      if (out.length >= limit) return false;
      out.push({ key, record });
    }
    return out.length < limit;
  }

  /** Entries whose key starts with `prefix`, in index order, at most `limit`. */
  startsWith(prefix: string, limit = Number.POSITIVE_INFINITY): IndexEntry<T>[] {
    const out: IndexEntry<T>[] = [];
    const keys = this.keys();
    for (let i = this.lowerBound(prefix); i < keys.length && keys[i]!.startsWith(prefix); i++)
      if (!this.take(keys[i]!, out, limit)) break;
    return out;
  }

  /** Entries whose key is one of `keys`, in index order, at most `limit`. */
  anyOf(keys: readonly string[], limit = Number.POSITIVE_INFINITY): IndexEntry<T>[] {
    const out: IndexEntry<T>[] = [];
    for (const key of [...new Set(keys)].sort()) if (!this.take(key, out, limit)) break;
    return out;
  }

  /** Every key. */
  allKeys(): IterableIterator<string> {
    return this.groups.keys();
  }

  /** Every record with at least one key. */
  *records(): Generator<T> {
    for (const group of this.groups.values()) yield* group;
  }
}

/** Records of one or more origins, sorted by primary key, with indexes built on first use. */
export class RecordSet {
  readonly companies: readonly StoredCompany[];
  readonly alliances: readonly StoredAlliance[];
  private built = new Map<string, unknown>();

  /** `companies` and `alliances` must be sorted by primary key (comparePrimary). */
  constructor(companies: readonly StoredCompany[], alliances: readonly StoredAlliance[]) {
    this.companies = companies;
    this.alliances = alliances;
  }

  private lazy<V>(name: string, build: () => V): V {
    if (!this.built.has(name)) this.built.set(name, build());
    return this.built.get(name) as V;
  }

  get companyAliases(): SortedIndex<StoredCompany> {
    return this.lazy('companyAliases', () => new SortedIndex(this.companies, (c) => c.aliasKeys));
  }

  get companyIds(): SortedIndex<StoredCompany> {
    return this.lazy('companyIds', () => new SortedIndex(this.companies, (c) => c.id));
  }

  get allianceAliases(): SortedIndex<StoredAlliance> {
    return this.lazy('allianceAliases', () => new SortedIndex(this.alliances, (a) => a.aliasKeys));
  }

  get allianceMembers(): SortedIndex<StoredAlliance> {
    return this.lazy('allianceMembers', () => new SortedIndex(this.alliances, (a) => a.memberIds));
  }

  get allianceKinds(): SortedIndex<StoredAlliance> {
    return this.lazy('allianceKinds', () => new SortedIndex(this.alliances, (a) => a.kind));
  }

  get allianceIds(): SortedIndex<StoredAlliance> {
    return this.lazy('allianceIds', () => new SortedIndex(this.alliances, (a) => a.id));
  }

  /** Builds every index now (ahead of the first query that needs one). */
  buildIndexes(): void {
    for (const index of [
      this.companyAliases,
      this.companyIds,
      this.allianceAliases,
      this.allianceMembers,
      this.allianceKinds,
      this.allianceIds,
    ])
      index.allKeys();
  }

  /** One origin's records (sorted by id). */
  ofOrigin(origin: string): { companies: StoredCompany[]; alliances: StoredAlliance[] } {
    return this.lazy(`origin:${origin}`, () => ({
      companies: this.companies.filter((c) => c.origin === origin),
      alliances: this.alliances.filter((a) => a.origin === origin),
    }));
  }
}
