// Subscribed packs, kept current like ad-block filter lists: fetched on a
// schedule with conditional requests, validated whole before anything is
// written, installed in one transaction; a failure keeps the previous version
// and is recorded in plain words. Browser APIs come in as dependencies, so this
// runs in Node tests against a real local server.
import type { StoredPack, SyncState } from '../db/records';
import { RESERVED_ORIGINS } from '../db/records';
import type { AllianceStore } from '../db/store';
import { markSubscription } from '../db/user-data';
import { isLocalHost } from '../pack/schema';
import { formatProblem, parsePackText } from '../pack/validate';
import { err, ok, type Result } from '../result';
import type { FetchOutcome, FetchPackOptions } from '../sync/fetch-pack';

export interface SubscriptionDeps {
  fetchPack: (url: string, opts: FetchPackOptions) => Promise<FetchOutcome>;
  now: () => number;
  /** When to check again, given the state after an attempt. */
  nextCheck: (
    now: number,
    state: { expiresHours?: number; lastSuccess?: number; failures: number },
  ) => number;
  /** Schedules (or re-schedules) the check of one pack. */
  schedule: (origin: string, when: number) => Promise<void>;
  unschedule: (origin: string) => Promise<void>;
  online: () => boolean;
  /** Plain-http hosts the user confirmed. */
  allowHttpHost: (url: URL) => boolean;
  /** After a pack's records changed. */
  changed: () => Promise<void>;
}

const ALARM_PREFIX = 'sync:';
export const alarmName = (origin: string) => `${ALARM_PREFIX}${origin}`;
export const originOfAlarm = (name: string) =>
  name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null;

function checkUrl(raw: string, allowHttpHost: (u: URL) => boolean): Result<URL, string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return err('that is not a web address');
  }
  const local = isLocalHost(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (local || allowHttpHost(url))))
    return ok(url);
  if (url.protocol === 'http:')
    return err(
      `plain http is allowed only for this computer or hosts you confirm (${url.hostname})`,
    );
  return err('pack addresses must start with https://');
}

export class Subscriptions {
  private readonly store: AllianceStore;
  private readonly deps: SubscriptionDeps;
  /** One sync per pack at a time. */
  private readonly running = new Map<string, Promise<StoredPack | undefined>>();

  constructor(store: AllianceStore, deps: SubscriptionDeps) {
    this.store = store;
    this.deps = deps;
  }

  /**
   * Adds a pack by URL: fetched and validated now; nothing is stored if it fails.
   * `stamp` is when the user subscribed (now, or in their other browser): it is
   * remembered, so the subscription and a later unsubscribe both sync.
   */
  async subscribe(rawUrl: string, stamp?: string): Promise<Result<StoredPack, string>> {
    const url = checkUrl(rawUrl, this.deps.allowHttpHost);
    if (!url.ok) return url;
    const fetched = await this.deps.fetchPack(url.value.href, {
      allowHost: this.deps.allowHttpHost,
    });
    if (fetched.kind === 'error') return err(fetched.message);
    if (fetched.kind === 'not-modified') return err('the server answered 304 without a pack');
    const parsed = parsePackText(fetched.text, {
      knownCompanyIds: await this.store.knownCompanyIds(),
    });
    if (!parsed.ok) return err(parsed.error.map(formatProblem).slice(0, 5).join('; '));
    const id = parsed.value.pack.id;
    if (RESERVED_ORIGINS.includes(id)) return err(`pack.id: "${id}" is reserved`);
    const existing = await this.store.getPack(id);
    if (existing && existing.sync?.url !== url.value.href) {
      return err(
        `a pack with the id "${id}" is already installed${existing.sync?.url ? ` from ${existing.sync.url}` : ''}`,
      );
    }
    const now = this.deps.now();
    const sync: SyncState = {
      url: url.value.href,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastAttempt: new Date(now).toISOString(),
      lastSuccess: new Date(now).toISOString(),
      failures: 0,
      expiresHours: parsed.value.pack.expires,
    };
    const when = this.planNextCheck(sync, now);
    const pack = await this.store.installPack(parsed.value, { origin: id, sync: clean(sync) });
    await markSubscription(this.store, url.value.href, true, stamp ?? new Date(now).toISOString());
    await this.deps.schedule(id, when);
    await this.deps.changed();
    return ok(pack);
  }

  /** Checks one pack now. Never throws; the outcome is in the pack's sync state. */
  sync(origin: string): Promise<StoredPack | undefined> {
    const current = this.running.get(origin);
    if (current) return current;
    const run = this.syncSafely(origin).finally(() => this.running.delete(origin));
    this.running.set(origin, run);
    return run;
  }

  /** Checks every enabled subscription; one broken pack never stops the others. */
  async syncAll(): Promise<StoredPack[]> {
    const packs = (await this.store.listPacks()).filter((p) => p.sync?.url && p.enabled);
    const settled = await Promise.allSettled(packs.map((p) => this.sync(p.origin)));
    return settled.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  }

  /** After browser start: every subscription gets its alarm, spread out. */
  async scheduleAll(startupDelay: (index: number) => number): Promise<void> {
    const packs = (await this.store.listPacks()).filter((p) => p.sync?.url && p.enabled);
    const now = this.deps.now();
    await Promise.all(
      packs.map((p, i) => {
        const due = p.sync?.nextCheck ? Date.parse(p.sync.nextCheck) : now;
        return this.deps.schedule(p.origin, Math.max(due, now + startupDelay(i)));
      }),
    );
  }

  /** Removes a pack; for a subscription, remembers when, so the unsubscribe sticks everywhere. */
  async unsubscribe(origin: string, stamp?: string): Promise<void> {
    const url = (await this.store.getPack(origin))?.sync?.url;
    await this.deps.unschedule(origin);
    await this.store.removePack(origin);
    if (url)
      await markSubscription(
        this.store,
        url,
        false,
        stamp ?? new Date(this.deps.now()).toISOString(),
      );
    await this.deps.changed();
  }

  /** The subscription fetched from `url`, if there is one. */
  async originOf(url: string): Promise<string | undefined> {
    return (await this.store.listPacks()).find((p) => p.sync?.url === url)?.origin;
  }

  /**
   * syncOnce, with anything unexpected (a store error, a bug) recorded as the
   * pack's failure and the next check still scheduled: a subscription must never
   * silently stop updating.
   */
  private async syncSafely(origin: string): Promise<StoredPack | undefined> {
    try {
      return await this.syncOnce(origin);
    } catch (e) {
      const now = this.deps.now();
      try {
        const pack = await this.store.getPack(origin);
        if (!pack?.sync) return pack;
        const next: SyncState = {
          ...pack.sync,
          lastAttempt: new Date(now).toISOString(),
          lastError: `the check failed: ${e instanceof Error ? e.message : String(e)}`.slice(
            0,
            500,
          ),
          failures: (pack.sync.failures ?? 0) + 1,
        };
        const when = this.planNextCheck(next, now);
        await this.store.updateSync(origin, clean(next));
        await this.deps.schedule(origin, when);
        return await this.store.getPack(origin);
      } catch {
        // The database itself fails: at least keep the alarm, so the check is retried.
        await this.deps.schedule(origin, now + 60 * 60_000).catch(() => {});
        return undefined;
      }
    }
  }

  private async syncOnce(origin: string): Promise<StoredPack | undefined> {
    const pack = await this.store.getPack(origin);
    const url = pack?.sync?.url;
    if (!pack || !url) return pack;
    const now = this.deps.now();
    const previous = pack.sync ?? {};
    const failures = previous.failures ?? 0;
    const record = async (patch: SyncState, failed: boolean) => {
      const next: SyncState = { ...previous, ...patch, lastAttempt: new Date(now).toISOString() };
      next.failures = failed ? failures + 1 : 0;
      const when = this.planNextCheck(next, now);
      await this.store.updateSync(origin, clean(next));
      await this.deps.schedule(origin, when);
    };
    if (!this.deps.online()) {
      // Offline is not the pack's fault: try again later without counting a failure.
      await this.store.updateSync(
        origin,
        clean({ ...previous, lastError: 'the browser is offline' }),
      );
      await this.deps.schedule(origin, now + 15 * 60_000);
      return this.store.getPack(origin);
    }
    const fetched = await this.deps.fetchPack(url, {
      etag: previous.etag,
      lastModified: previous.lastModified,
      allowHost: this.deps.allowHttpHost,
    });
    if (fetched.kind === 'not-modified') {
      await record({ lastSuccess: new Date(now).toISOString(), lastError: undefined }, false);
    } else if (fetched.kind === 'error') {
      await record({ lastError: fetched.message }, true);
    } else {
      const parsed = parsePackText(fetched.text, {
        knownCompanyIds: await this.store.knownCompanyIds(),
      });
      if (!parsed.ok) {
        const problems = parsed.error.map(formatProblem);
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
        await record({ lastError: `${problems[0]}${more}` }, true);
      } else if (parsed.value.pack.id !== pack.id) {
        await record(
          { lastError: `the pack's id changed from "${pack.id}" to "${parsed.value.pack.id}"` },
          true,
        );
      } else {
        const sync = clean({
          ...previous,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          lastSuccess: new Date(now).toISOString(),
          lastAttempt: new Date(now).toISOString(),
          lastError: undefined,
          failures: 0,
          expiresHours: parsed.value.pack.expires,
        });
        const when = this.planNextCheck(sync, now);
        await this.store.installPack(parsed.value, { origin, sync });
        await this.deps.schedule(origin, when);
        await this.deps.changed();
      }
    }
    return this.store.getPack(origin);
  }

  /** Sets `nextCheck` from the state's expiry, last success and failures; returns that time. */
  private planNextCheck(sync: SyncState, now: number): number {
    const when = this.deps.nextCheck(now, {
      expiresHours: sync.expiresHours,
      lastSuccess: sync.lastSuccess ? Date.parse(sync.lastSuccess) : undefined,
      failures: sync.failures ?? 0,
    });
    sync.nextCheck = new Date(when).toISOString();
    return when;
  }
}

/** Drops undefined fields, so stored state stays small and comparable. */
function clean(s: SyncState): SyncState {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as SyncState;
}
