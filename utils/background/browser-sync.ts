// Moves the user's own records, settings and subscriptions between this
// browser's database and storage.sync, where the browser carries them to the
// user's other browsers. Conflicts resolve per record (and per subscription) by
// the later `updated`; a delete-all wins over everything dated before it.
// Everything read back is validated like a pack (decodeSnapshot); what is bad is
// left out and reported. Over the quota, the data stays here and the reason is
// reported in plain words.

import type { AllianceStore } from '../db/store';
import type { SyncedSubscription } from '../db/synced';
import {
  applySyncedRecords,
  deleteUserData,
  clearedAt as localClearedAt,
  saveSubscriptionMarks,
  setClearedAt,
  subscriptionMarks,
  userSyncRecords,
} from '../db/user-data';
import type { DeleteAllSummary } from '../messaging';
import { serial } from '../serial';
import {
  activeSubscriptions,
  decodeSnapshot,
  encodeSnapshot,
  mergeSnapshots,
  SYNC_TOTAL_BYTES,
  type SyncSnapshot,
  staleKeys,
} from '../sync/snapshot';

export interface BrowserSyncDeps {
  storage: {
    get: () => Promise<Record<string, unknown>>;
    set: (items: Record<string, string>) => Promise<void>;
    remove: (keys: string[]) => Promise<void>;
  };
  settings: {
    get: () => Promise<{ updated: string; value: unknown } | undefined>;
    set: (value: unknown, updated: string) => Promise<void>;
    /** Back to the defaults; true when there were settings. */
    reset: (updated: string) => Promise<boolean>;
  };
  subscriptions: {
    /** Subscribes (fetching the pack) as of `updated`. */
    add: (url: string, updated: string) => Promise<void>;
    /** Unsubscribes the pack fetched from `url` as of `updated`. */
    remove: (url: string, updated: string) => Promise<void>;
  };
  /** After records from another browser changed the dataset. */
  changed: () => Promise<void>;
  /** The current problem in plain words, or null when syncing works. */
  report: (problem: string | null) => Promise<void>;
  now?: () => string;
}

export class BrowserSync {
  private readonly store: AllianceStore;
  private readonly deps: BrowserSyncDeps;
  /** One read-modify-write at a time. */
  private readonly run = serial();

  constructor(store: AllianceStore, deps: BrowserSyncDeps) {
    this.store = store;
    this.deps = deps;
  }

  /** Pulls what other browsers wrote, merges, and writes the merged snapshot back. One at a time. */
  sync(): Promise<void> {
    return this.run(() =>
      this.syncOnce().catch((e) => this.deps.report(`sync storage failed: ${String(e)}`)),
    );
  }

  /**
   * "Delete all my data": the database's user data, the subscriptions, the
   * settings and every item in storage.sync, leaving there only the time of the
   * deletion so the user's other browsers delete theirs too.
   */
  deleteEverywhere(): Promise<DeleteAllSummary> {
    return this.run(async () => {
      const when = this.now();
      const subscribed = (await this.store.listPacks()).filter((p) => p.sync?.url);
      for (const p of subscribed) await this.deps.subscriptions.remove(p.sync?.url ?? '', when);
      const deleted = await deleteUserData(this.store, when);
      const settings = await this.deps.settings.reset(when);
      const stored = await this.deps.storage.get();
      const ours = Object.keys(stored).filter((k) => k.startsWith('al:'));
      if (ours.length) await this.deps.storage.remove(ours);
      const marker = encodeSnapshot({ v: 2, records: [], subscriptions: [], clearedAt: when });
      if (marker.ok) await this.deps.storage.set(marker.items);
      await this.deps.changed();
      await this.deps.report(null);
      return {
        ...deleted,
        packs: deleted.packs + subscribed.length,
        subscriptions: subscribed.length,
        settings,
        syncItems: ours.length,
      };
    });
  }

  private now(): string {
    return this.deps.now?.() ?? new Date().toISOString();
  }

  private async local(): Promise<SyncSnapshot> {
    const [records, settings, subscriptions, cleared] = await Promise.all([
      userSyncRecords(this.store),
      this.deps.settings.get(),
      subscriptionMarks(this.store),
      localClearedAt(this.store),
    ]);
    const snapshot: SyncSnapshot = { v: 2, records, subscriptions };
    if (settings) snapshot.settings = settings;
    if (cleared) snapshot.clearedAt = cleared;
    return snapshot;
  }

  private async syncOnce(): Promise<void> {
    const stored = await this.deps.storage.get();
    const decoded = decodeSnapshot(stored);
    const local = await this.local();
    let snapshot = local;
    if (decoded) {
      const { merged, fromRemote, settingsFromRemote, settingsCleared } = mergeSnapshots(
        local,
        decoded.snapshot,
      );
      snapshot = merged;
      if (merged.clearedAt && merged.clearedAt !== local.clearedAt)
        await setClearedAt(this.store, merged.clearedAt);
      if (fromRemote.length) {
        await applySyncedRecords(this.store, fromRemote);
        await this.deps.changed();
      }
      if (settingsFromRemote && merged.settings)
        await this.deps.settings.set(merged.settings.value, merged.settings.updated);
      else if (settingsCleared && merged.clearedAt)
        await this.deps.settings.reset(merged.clearedAt);
      await this.followSubscriptions(merged.subscriptions, merged.clearedAt);
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
    const problems = decoded?.problems ?? [];
    await this.deps.report(
      problems.length
        ? `Some data from your other browsers was left out because it is not valid: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`
        : null,
    );
  }

  /** Subscribes and unsubscribes here to match the merged list, and remembers its dates. */
  private async followSubscriptions(
    merged: readonly SyncedSubscription[],
    cleared: string | undefined,
  ): Promise<void> {
    const installed = new Set(
      (await this.store.listPacks()).flatMap((p) => (p.sync?.url ? [p.sync.url] : [])),
    );
    const wanted = activeSubscriptions(merged);
    const byUrl = new Map(merged.map((s) => [s.url, s]));
    for (const url of wanted)
      if (!installed.has(url))
        await this.deps.subscriptions.add(url, byUrl.get(url)?.updated ?? this.now());
    for (const url of installed)
      if (!wanted.has(url))
        await this.deps.subscriptions.remove(url, byUrl.get(url)?.updated ?? cleared ?? this.now());
    await saveSubscriptionMarks(this.store, merged);
  }
}
