// The database as the background holds it: the read side (reader.ts) plus the
// pack write side (pack-writer.ts). The background is the one writer; extension
// pages construct a DatasetReader instead. The user's own edits (edits.ts) and
// synced records (user-data.ts) are further write sides that take this store.
import type { Pack } from '../pack/types';
import { type Clock, systemClock } from './clock';
import type { AllianceDb } from './database';
import { type InstallOptions, PackWriter } from './pack-writer';
import { DatasetReader } from './reader';
import type { Origin, StoredPack, SyncState } from './records';

export type { InstallOptions } from './pack-writer';
export type { DatasetCounts, ExportScope } from './reader';

export class AllianceStore extends DatasetReader {
  /** The clock the user's edits are stamped by (handlers hand it to UserEdits). */
  readonly now: Clock;
  private readonly packWriter: PackWriter;

  constructor(db?: AllianceDb, options: { now?: Clock } = {}) {
    super(db);
    this.now = options.now ?? systemClock;
    this.packWriter = new PackWriter(this.db);
  }

  /**
   * Replaces every record of `options.origin` with the pack's, in one transaction:
   * a failure anywhere leaves the database exactly as it was. The pack must be validated.
   */
  installPack(pack: Pack, options: InstallOptions): Promise<StoredPack> {
    return this.packWriter.installPack(pack, options);
  }

  /** Removes a pack and its records; the user's records are never touched. */
  removePack(origin: Origin): Promise<void> {
    return this.packWriter.removePack(origin);
  }

  /** Records a sync attempt's outcome without touching the pack's records. */
  updateSync(origin: Origin, sync: SyncState): Promise<void> {
    return this.packWriter.updateSync(origin, sync);
  }

  setPackEnabled(origin: Origin, enabled: boolean): Promise<void> {
    return this.packWriter.setPackEnabled(origin, enabled);
  }

  /** Moves a pack one place up (-1) or down (+1) in priority; the bundled pack stays last. */
  movePack(origin: Origin, direction: -1 | 1): Promise<void> {
    return this.packWriter.movePack(origin, direction);
  }
}
