// What the database stores: pack records stamped with where they came from.
import type { Origin } from '../pack/origin';
import type { Alliance, Company } from '../pack/types';

export { BUNDLED, type Origin, RESERVED_ORIGINS, USER } from '../pack/origin';

interface Stamp {
  origin: Origin;
  /**
   * ISO time the record was written (user records), or when its pack published
   * the version that last changed it (a later version leaving it as it was does not
   * rewrite it: utils/db/replace-plan.ts).
   */
  updated: string;
  /** A user tombstone: hides the record of the same id from every pack. */
  deleted?: boolean;
}

export interface StoredCompany extends Company, Stamp {
  /** Normalized aliases (and names), indexed for search and lookup. */
  aliasKeys: string[];
  /**
   * Set on a user-owned copy of a pack's company, kept because one of the
   * user's alliances names it after every pack dropped it (kept.ts).
   */
  keptFrom?: Origin;
}

export interface StoredAlliance extends Alliance, Stamp {
  memberIds: string[];
  aliasKeys: string[];
}

export interface SyncState {
  /** Where the pack is fetched from; absent for packs imported from a file. */
  url?: string;
  etag?: string;
  lastModified?: string;
  /** ISO times. */
  lastAttempt?: string;
  lastSuccess?: string;
  /** Plain words: "the server answered 500", "alliances[12].since: not a date". */
  lastError?: string;
  nextCheck?: string;
  /** Failures in a row, for the backoff. */
  failures?: number;
  /** The pack's `expires` hint, in hours. */
  expiresHours?: number;
}

export interface StoredPack {
  /** The pack's own id; also the origin of its records (`bundled` for the bundled pack). */
  origin: Origin;
  id: string;
  title: string;
  publisher?: string;
  homepage?: string;
  /** The pack's `license` (SPDX), shown beside the pack. */
  license?: string;
  /** The pack's `updated`. */
  updated: string;
  installed: string;
  enabled: boolean;
  /** Lower wins when two packs describe the same company. */
  priority: number;
  counts: { companies: number; alliances: number };
  sync?: SyncState;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type RecordType = 'company' | 'alliance';

/** A user record's key where it travels and where its deletion is noted: `company:<id>`. */
export const recordKey = (type: RecordType, id: string) => `${type}:${id}`;

/** A deleted record, kept so the deletion can be undone. */
export interface TrashEntry {
  seq?: number;
  type: RecordType;
  id: string;
  /** What the user saw, for the trash list. */
  label: string;
  deletedAt: string;
  /** The user's own record that was removed, if there was one. */
  record: StoredCompany | StoredAlliance | null;
  /** True when a tombstone now hides a pack's record of this id. */
  tombstone: boolean;
}
