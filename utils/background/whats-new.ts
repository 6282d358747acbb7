// The background's side of "what's new": which alliances in a getAlliances
// reply are new to each company asked about, what the popup reports, and the
// reader's "seen" and "dismiss". The one writer of the arrivals' seen state.
import { allianceKeys, arrivalBatches, lastArrival } from '../db/arrivals';
import type { Clock } from '../db/clock';
import { acknowledge, acknowledged, forgetWhatsNew, markSeen, seenOf } from '../db/seen';
import type { AllianceStore } from '../db/store';
import {
  latestArrivals,
  newAlliancesOf,
  presentIds,
  type Unacknowledged,
  unacknowledged,
} from '../db/whats-new';
import type { WhatsNewSummary } from '../messaging';
import type { AllianceView } from '../pack/merge';

export class WhatsNew {
  private readonly store: AllianceStore;
  private readonly now: Clock;
  /** The latest batch of each alliance id, by dataset version (arrivals change only with packs). */
  private cache: { version: number; latest: Map<string, number>; last: number } | null = null;

  constructor(store: AllianceStore, now: Clock = store.now) {
    this.store = store;
    this.now = now;
  }

  private async arrivals(): Promise<{ latest: Map<string, number>; last: number }> {
    const version = await this.store.datasetVersion();
    if (this.cache?.version !== version) {
      const batches = await arrivalBatches(this.store.db);
      // Oldest first: the last batch is the newest.
      this.cache = { version, latest: latestArrivals(batches), last: batches.at(-1)?.seq ?? 0 };
    }
    return this.cache;
  }

  /** Per company asked about, its alliances (of `alliances`) new since its card was last seen. */
  async newFor(
    companyIds: readonly string[],
    alliances: readonly AllianceView[],
  ): Promise<{ newFor: Record<string, string[]>; arrivalSeq: number }> {
    const { latest, last } = await this.arrivals();
    if (!latest.size) return { newFor: {}, arrivalSeq: last };
    const seen = await seenOf(this.store.db, companyIds);
    return { newFor: newAlliancesOf(companyIds, alliances, latest, seen), arrivalSeq: last };
  }

  /** A card showed `companyId`'s arrivals up to `seq` (never past the newest batch). */
  async seen(companyId: string, seq: number): Promise<void> {
    const last = await lastArrival(this.store.db);
    await markSeen(this.store.db, companyId, Math.min(seq, last), this.now());
  }

  async summary(limit = 30): Promise<WhatsNewSummary> {
    const db = this.store.db;
    const [batches, ack, packs, { keys, tombstones }] = await Promise.all([
      arrivalBatches(db),
      acknowledged(db),
      this.store.listPacks(),
      allianceKeys(db),
    ]);
    const disabled = new Set(packs.filter((p) => !p.enabled).map((p) => p.origin));
    const found: Unacknowledged = unacknowledged(
      batches,
      ack,
      presentIds(keys, tombstones, disabled),
    );
    const shown = new Set(found.ids.slice(0, limit));
    const { alliances, companies } = shown.size
      ? await this.store.alliancesOf([], [...shown])
      : { alliances: [], companies: [] };
    const order = new Map(found.ids.map((id, i) => [id, i]));
    alliances.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return {
      count: found.ids.length,
      since: found.since,
      arrivalSeq: found.upTo,
      alliances,
      companies,
    };
  }

  /** The popup's "dismiss": what arrived up to `seq` is no longer counted there. */
  async dismiss(seq: number): Promise<void> {
    await acknowledge(this.store.db, Math.min(seq, await lastArrival(this.store.db)));
  }

  async forget(): Promise<void> {
    await forgetWhatsNew(this.store.db);
    this.cache = null;
  }
}
