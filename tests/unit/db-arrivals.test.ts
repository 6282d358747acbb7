// "What's new" in the database (fake-indexeddb): arrival batches recorded by
// installPack, the seen state, and the messages the card and the popup send.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { Subscriptions } from '../../utils/background/subscriptions';
import { arrivalBatches, recordArrivals } from '../../utils/db/arrivals';
import { AllianceDb } from '../../utils/db/database';
import { recordTables } from '../../utils/db/dataset-records';
import { markSeen, seenOf } from '../../utils/db/seen';
import { AllianceStore } from '../../utils/db/store';
import { envelope, type MessageType, type Replies, type RequestOf } from '../../utils/messaging';
import type { Alliance, Pack } from '../../utils/pack/types';
import { validatePack } from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

let store: AllianceStore;
let name: string;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(async () => {
  name = `arrivals-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(name));
  handlers = createHandlers(store);
  // The first install into an empty database: the baseline.
  await loadBundledPack(store, JSON.stringify(samplePack()), false);
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(name);
});

async function call<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
  from: 'content' | 'extension' = 'extension',
): Promise<Replies[T]> {
  const reply = await dispatch(handlers, envelope(type, payload), from);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Replies[T];
}

const appleMs: Alliance = {
  id: 'apple-microsoft',
  kind: 'partnership',
  name: null,
  members: [{ company: 'apple' }, { company: 'microsoft' }],
  since: '2026-11',
  until: null,
  status: 'active',
  sources: [{ url: 'https://example.com/apple-microsoft' }],
};

/** An alliance a later update brings. */
const appleOracle: Alliance = {
  ...appleMs,
  id: 'apple-oracle',
  members: [{ company: 'apple' }, { company: 'oracle' }],
};

/** A subscription-like pack of its own id that brings `alliances` about the sample's companies. */
function extraPack(alliances: Alliance[], updated = '2026-12-01T00:00:00Z'): Pack {
  const sample = samplePack();
  const r = validatePack({
    ...sample,
    pack: { id: 'extra', title: 'Extra news', updated },
    alliances,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('arrival batches', () => {
  it('records nothing for the first install into an empty database', async () => {
    expect(await arrivalBatches(store.db)).toEqual([]);
    expect((await call('getWhatsNew', {})).count).toBe(0);
  });

  it('records the ids a subscription brings that no origin had', async () => {
    const oaMs = samplePack().alliances[0]!;
    await store.installPack(extraPack([oaMs, appleMs]), { origin: 'extra' });
    const batches = await arrivalBatches(store.db);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      origin: 'extra',
      title: 'Extra news',
      ids: ['apple-microsoft'],
    });
  });

  it('records what a subscription brings when it subscribes and when a sync finds a new version', async () => {
    let served = extraPack([appleMs]);
    const subscriptions = new Subscriptions(store, {
      fetchPack: async (url) => ({ kind: 'ok', text: JSON.stringify(served), finalUrl: url }),
      now: () => Date.now(),
      nextCheck: (now) => now + 86_400_000,
      schedule: async () => {},
      unschedule: async () => {},
      online: () => true,
      allowHttpHost: () => false,
      changed: async () => {},
    });
    expect((await subscriptions.subscribe('https://packs.example/extra.json')).ok).toBe(true);
    const later = {
      ...appleMs,
      id: 'apple-oracle',
      members: [{ company: 'apple' }, { company: 'oracle' }],
    };
    served = extraPack([appleMs, later], '2026-12-02T00:00:00Z');
    await subscriptions.sync('extra');
    expect((await arrivalBatches(store.db)).map((b) => [b.origin, b.ids])).toEqual([
      ['extra', ['apple-microsoft']],
      ['extra', ['apple-oracle']],
    ]);
  });

  it('records nothing for a replacement that brings no new id', async () => {
    await store.installPack(extraPack([appleMs]), { origin: 'extra' });
    await store.installPack(extraPack([appleMs], '2026-12-02T00:00:00Z'), { origin: 'extra' });
    expect((await arrivalBatches(store.db)).map((b) => b.ids)).toEqual([['apple-microsoft']]);
  });

  it('records nothing when an install fails (same transaction)', async () => {
    const bad = extraPack([appleMs]);
    // A record the database cannot store (a function) makes the transaction fail after recording.
    (bad.alliances[0] as unknown as { sneaky: () => void }).sneaky = () => {};
    await expect(store.installPack(bad, { origin: 'extra' })).rejects.toThrow();
    expect(await arrivalBatches(store.db)).toEqual([]);
  });

  it('forgets batches past the kept days and keeps a bounded number', async () => {
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    await store.db.transaction('rw', [...recordTables(store.db), store.db.arrivals], async () => {
      await recordArrivals(store.db, extraPack([appleMs]), 'old', at('2026-05-01'));
    });
    expect(await arrivalBatches(store.db)).toHaveLength(1);
    const second = {
      ...appleMs,
      id: 'apple-oracle',
      members: [{ company: 'apple' }, { company: 'oracle' }],
    };
    await store.db.transaction('rw', [...recordTables(store.db), store.db.arrivals], async () => {
      await recordArrivals(store.db, extraPack([second]), 'extra', at('2026-12-01'));
    });
    expect((await arrivalBatches(store.db)).map((b) => b.ids)).toEqual([['apple-oracle']]);
  });
});

describe('new alliances on a company card', () => {
  beforeEach(async () => {
    await store.installPack(extraPack([appleMs]), { origin: 'extra' });
  });

  it('marks an arrival new for its companies never seen, and not after they were seen', async () => {
    const first = await call(
      'getAlliances',
      { companyIds: ['apple', 'openai'], allianceIds: [] },
      'content',
    );
    expect(first.newFor).toEqual({ apple: ['apple-microsoft'] });
    expect(first.arrivalSeq).toBeGreaterThan(0);
    await call('markSeen', { companyId: 'apple', arrivalSeq: first.arrivalSeq }, 'content');
    const again = await call(
      'getAlliances',
      { companyIds: ['apple', 'microsoft'], allianceIds: [] },
      'content',
    );
    // Microsoft's card was never opened: still new there.
    expect(again.newFor).toEqual({ microsoft: ['apple-microsoft'] });
  });

  it('marks a later arrival new again for a company already seen', async () => {
    const first = await call('getAlliances', { companyIds: ['apple'], allianceIds: [] });
    await call('markSeen', { companyId: 'apple', arrivalSeq: first.arrivalSeq });
    await store.installPack(extraPack([appleMs, appleOracle], '2026-12-03T00:00:00Z'), {
      origin: 'extra',
    });
    expect((await call('getAlliances', { companyIds: ['apple'], allianceIds: [] })).newFor).toEqual(
      {
        apple: ['apple-oracle'],
      },
    );
  });

  it('never records "seen" past the newest arrival (a stale or forged seq)', async () => {
    await call('markSeen', { companyId: 'oracle', arrivalSeq: 1e9 }, 'content');
    await store.installPack(extraPack([appleMs, appleOracle], '2026-12-03T00:00:00Z'), {
      origin: 'extra',
    });
    expect(
      (await call('getAlliances', { companyIds: ['oracle'], allianceIds: [] })).newFor,
    ).toEqual({
      oracle: ['apple-oracle'],
    });
  });

  it('keeps the seen state bounded, least recently seen first out', async () => {
    const limits = { days: 90, batches: 50, seenCompanies: 2 };
    const day = (d: number) => new Date(Date.UTC(2026, 11, d));
    await markSeen(store.db, 'apple', 1, day(1), limits);
    await markSeen(store.db, 'oracle', 1, day(2), limits);
    await markSeen(store.db, 'openai', 1, day(3), limits);
    expect([...(await seenOf(store.db, ['apple', 'oracle', 'openai'])).keys()]).toEqual([
      'oracle',
      'openai',
    ]);
    // Older than the kept arrivals: a row would say what a missing row says.
    await markSeen(store.db, 'microsoft', 1, new Date(Date.UTC(2027, 5, 1)), limits);
    expect([...(await seenOf(store.db, ['oracle', 'openai', 'microsoft'])).keys()]).toEqual([
      'microsoft',
    ]);
  });
});

describe('the popup’s count', () => {
  it('counts arrivals still in the merged view, since when, until dismissed', async () => {
    await store.installPack(extraPack([appleMs]), { origin: 'extra' });
    const summary = await call('getWhatsNew', {});
    expect(summary.count).toBe(1);
    expect(summary.alliances.map((a) => a.id)).toEqual(['apple-microsoft']);
    expect(summary.companies.map((c) => c.id).sort()).toEqual(['apple', 'microsoft']);
    expect(Date.parse(summary.since ?? '')).toBeGreaterThan(Date.now() - 60_000);

    await call('setPackEnabled', { origin: 'extra', enabled: false });
    expect((await call('getWhatsNew', {})).count).toBe(0);
    await call('setPackEnabled', { origin: 'extra', enabled: true });
    await call('removeRecord', { type: 'alliance', id: 'apple-microsoft', label: 'x' });
    expect((await call('getWhatsNew', {})).count).toBe(0);
    await call('restoreRecord', { seq: (await call('listTrash', {}))[0]!.seq! });

    await call('dismissWhatsNew', { arrivalSeq: summary.arrivalSeq });
    expect((await call('getWhatsNew', {})).count).toBe(0);
  });

  it('is for extension pages; the card may only mark seen', async () => {
    const reply = await dispatch(handlers, envelope('getWhatsNew', {}), 'content');
    expect(reply.ok).toBe(false);
    const dismiss = await dispatch(
      handlers,
      envelope('dismissWhatsNew', { arrivalSeq: 1 }),
      'content',
    );
    expect(dismiss.ok).toBe(false);
  });
});
