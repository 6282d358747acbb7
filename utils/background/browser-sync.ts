// Moves the user's own records, settings and subscription list between this
// browser's database and storage.sync, where the browser carries them to the
// user's other browsers. Conflicts resolve per record by the later `updated`.
// Nothing is dropped silently: over the quota, the data stays here and the
// reason is reported in plain words.
import type { AllianceStore } from '../db/store';
import {
  decodeSnapshot,
  encodeSnapshot,
  mergeSnapshots,
  SYNC_TOTAL_BYTES,
  type SyncSnapshot,
  staleKeys,
} from '../sync/browser-sync';

export interface BrowserSyncDeps {
  storage: {
    get: () => Promise<Record<string, unknown>>;
    set: (items: Record<string, string>) => Promise<void>;
    remove: (keys: string[]) => Promise<void>;
  };
  settings: {
    get: () => Promise<{ updated: string; value: unknown } | undefined>;
    set: (value: unknown, updated: string) => Promise<void>;
  };
  subscriptions: {
    list: () => Promise<string[]>;
    add: (url: string) => Promise<void>;
  };
  /** After records from another browser changed the dataset. */
  changed: () => Promise<void>;
  /** The current problem in plain words, or null when syncing works. */
  report: (problem: string | null) => Promise<void>;
}

export class BrowserSync {
  private readonly store: AllianceStore;
  private readonly deps: BrowserSyncDeps;
  private queue: Promise<void> = Promise.resolve();

  constructor(store: AllianceStore, deps: BrowserSyncDeps) {
    this.store = store;
    this.deps = deps;
  }

  /** Pulls what other browsers wrote, merges, and writes the merged snapshot back. One at a time. */
  sync(): Promise<void> {
    this.queue = this.queue
      .then(() => this.syncOnce())
      .catch((e) => this.deps.report(`sync storage failed: ${String(e)}`));
    return this.queue;
  }

  private async local(): Promise<SyncSnapshot> {
    const [records, settings, subscriptions] = await Promise.all([
      this.store.userSyncRecords(),
      this.deps.settings.get(),
      this.deps.subscriptions.list(),
    ]);
    return { v: 1, records, settings, subscriptions };
  }

  private async syncOnce(): Promise<void> {
    const stored = await this.deps.storage.get();
    const remote = decodeSnapshot(stored);
    const local = await this.local();
    let snapshot = local;
    if (remote) {
      const { merged, fromRemote, settingsFromRemote } = mergeSnapshots(local, remote);
      snapshot = merged;
      if (fromRemote.length) {
        await this.store.applySyncedRecords(fromRemote);
        await this.deps.changed();
      }
      if (settingsFromRemote && merged.settings)
        await this.deps.settings.set(merged.settings.value, merged.settings.updated);
      for (const url of merged.subscriptions)
        if (!local.subscriptions.includes(url)) await this.deps.subscriptions.add(url);
    }
    const encoded = encodeSnapshot(snapshot);
    if (!encoded.ok) {
      const kb = (n: number) => Math.ceil(n / 1024);
      await this.deps.report(
        `Your own records need ${kb(encoded.bytes)} KB, more than the browser's sync storage holds (${kb(SYNC_TOTAL_BYTES)} KB). They are safe in this browser; to share them, export them or publish them as a pack.`,
      );
      return;
    }
    const changed = Object.entries(encoded.items).some(([k, v]) => stored[k] !== v);
    if (changed) {
      await this.deps.storage.set(encoded.items);
      const stale = staleKeys(Object.keys(stored), encoded.items);
      if (stale.length) await this.deps.storage.remove(stale);
    }
    await this.deps.report(null);
  }
}
