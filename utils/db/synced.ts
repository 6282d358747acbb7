// The user's own records as they travel between their browsers (utils/sync/snapshot.ts
// packs them into storage.sync; user-data.ts reads and writes them here).
import type { Alliance, Company } from '../pack/types';

/** One of the user's records as it travels: the pack record, plus `deleted` for a tombstone. */
export type UserRecord = (Company | Alliance) & { deleted?: boolean };

/** One of the user's records, or the time it was deleted (`record: null`). */
export interface SyncedRecord {
  /** `company:<id>` or `alliance:<id>` (records.ts `recordKey`). */
  key: string;
  updated: string;
  record: UserRecord | null;
}

/** A subscription, or the time it was ended (`subscribed: false`), so an unsubscribe sticks. */
export interface SyncedSubscription {
  url: string;
  updated: string;
  subscribed: boolean;
}
