// Model-based: two browsers sharing one storage.sync, with edits, deletes,
// subscribes, unsubscribes and delete-all interleaved in any order. After both
// have synced, each shows exactly what a last-writer-wins model says: a deletion,
// an unsubscribe or a delete-all is never undone by an older state elsewhere.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserSync } from '../../utils/background/browser-sync';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { Subscriptions } from '../../utils/background/subscriptions';
import { AllianceDb } from '../../utils/db/database';
import { AllianceStore } from '../../utils/db/store';
import { envelope, type MessageType, type RequestOf } from '../../utils/messaging';
import { samplePack } from '../support/packs';
import { fakeSyncStorage, memorySettings } from '../support/sync-storage';

const IDS = ['x', 'y', 'z'];
const URLS = ['https://packs.example/a.json', 'https://packs.example/b.json'];

const opened: AllianceStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of opened.splice(0)) {
    s.db.close();
    await Dexie.delete(s.db.name);
  }
});

const packFor = (url: string) => {
  const id = url.endsWith('a.json') ? 'pack-a' : 'pack-b';
  return JSON.stringify({ ...samplePack(), pack: { ...samplePack().pack, id } });
};

async function browser(storage: ReturnType<typeof fakeSyncStorage>) {
  const store = new AllianceStore(new AllianceDb(`two-${Math.random()}`));
  opened.push(store);
  await loadBundledPack(store, JSON.stringify(samplePack({ id: 'core' })), false);
  const settings = memorySettings();
  const subscriptions = new Subscriptions(store, {
    fetchPack: async (url) => ({ kind: 'ok', text: packFor(url), finalUrl: url }),
    now: () => Date.now(),
    nextCheck: (now) => now + 3_600_000,
    schedule: async () => {},
    unschedule: async () => {},
    online: () => true,
    allowHttpHost: () => false,
    changed: async () => {},
  });
  const sync = new BrowserSync(store, {
    storage,
    settings,
    subscriptions: {
      add: async (url, updated) => void (await subscriptions.subscribe(url, updated)),
      remove: async (url, updated) => {
        const origin = await subscriptions.originOf(url);
        if (origin) await subscriptions.unsubscribe(origin, updated);
      },
    },
    changed: async () => {},
    report: async () => {},
    now: () => new Date().toISOString(),
  });
  const handlers = createHandlers(store, undefined, subscriptions);
  const call = async <T extends MessageType>(type: T, payload: RequestOf<T>) =>
    dispatch(handlers, envelope(type, payload), 'extension');
  return {
    store,
    sync,
    subscriptions,
    call,
    setSettings: (value: unknown) => {
      void settings.set(value, new Date().toISOString());
    },
    settings: settings.current,
    mine: async () =>
      (await store.exportView({ kind: 'mine' })).alliances.map((a) => `${a.id}:${a.status}`).sort(),
    subscribed: async () =>
      (await store.listPacks()).flatMap((p) => (p.sync?.url ? [p.sync.url] : [])).sort(),
  };
}

const alliance = (id: string, status: string) => ({
  id,
  kind: 'partnership',
  name: null,
  members: [{ company: 'apple' }, { company: 'oracle' }],
  since: '2026-11',
  until: null,
  status,
  sources: [{ url: 'https://example.com/x' }],
});

const op = fc.oneof(
  fc.record({
    kind: fc.constant('save' as const),
    at: fc.nat(1),
    id: fc.constantFrom(...IDS),
    status: fc.constantFrom('announced', 'active', 'ended'),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(1), id: fc.constantFrom(...IDS) }),
  fc.record({
    kind: fc.constant('subscribe' as const),
    at: fc.nat(1),
    url: fc.constantFrom(...URLS),
  }),
  fc.record({
    kind: fc.constant('unsubscribe' as const),
    at: fc.nat(1),
    url: fc.constantFrom(...URLS),
  }),
  fc.record({ kind: fc.constant('settings' as const), at: fc.nat(1), delay: fc.nat(3000) }),
  fc.record({ kind: fc.constant('deleteAll' as const), at: fc.nat(1) }),
  fc.record({ kind: fc.constant('sync' as const), at: fc.nat(1) }),
);

describe('two browsers, one storage.sync', () => {
  it('converge on the last-writer-wins model, with deletes, unsubscribes and delete-all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        let clock = Date.parse('2026-11-20T00:00:00Z');
        const tick = () => {
          clock += 1000;
          vi.setSystemTime(clock);
        };
        tick();
        const storage = fakeSyncStorage();
        const browsers = [await browser(storage), await browser(storage)];
        // The model: the latest state of each record and subscription, and the last delete-all.
        const records = new Map<string, string | null>();
        const subs = new Map<string, boolean>();
        let settings: number | undefined;
        for (const o of ops) {
          tick();
          const b = browsers[o.at] ?? browsers[0];
          if (!b) continue;
          if (o.kind === 'save') {
            await b.call('saveAlliance', { alliance: alliance(o.id, o.status) });
            records.set(o.id, o.status);
          } else if (o.kind === 'delete') {
            // One can only delete what this browser shows.
            if (!(await b.mine()).some((m) => m.startsWith(`${o.id}:`))) continue;
            await b.call('removeRecord', { type: 'alliance', id: o.id, label: o.id });
            records.set(o.id, null);
          } else if (o.kind === 'subscribe') {
            if ((await b.subscribed()).includes(o.url)) continue;
            await b.subscriptions.subscribe(o.url);
            subs.set(o.url, true);
          } else if (o.kind === 'unsubscribe') {
            const origin = await b.subscriptions.originOf(o.url);
            if (!origin) continue;
            await b.subscriptions.unsubscribe(origin);
            subs.set(o.url, false);
          } else if (o.kind === 'settings') {
            b.setSettings({ hoverDelayMs: o.delay });
            settings = o.delay;
          } else if (o.kind === 'deleteAll') {
            await b.sync.deleteEverywhere();
            records.clear();
            subs.clear();
            settings = undefined;
          } else {
            await b.sync.sync();
          }
        }
        for (const b of [...browsers, ...browsers]) {
          tick();
          await b.sync.sync();
        }
        const expected = [...records]
          .flatMap(([id, status]) => (status ? [`${id}:${status}`] : []))
          .sort();
        const expectedSubs = [...subs].flatMap(([url, on]) => (on ? [url] : [])).sort();
        for (const b of browsers) {
          expect(await b.mine()).toEqual(expected);
          expect(await b.subscribed()).toEqual(expectedSubs);
          expect((b.settings()?.value as { hoverDelayMs?: number } | undefined)?.hoverDelayMs).toBe(
            settings,
          );
        }
        for (const b of browsers) {
          b.store.db.close();
          await Dexie.delete(b.store.db.name);
        }
        opened.splice(0);
        vi.useRealTimers();
      }),
      {
        numRuns: 300,
        // The cases the issue names, always run: an unsubscribe and a delete-all elsewhere stick.
        examples: [
          [
            [
              { kind: 'subscribe', at: 0, url: URLS[0] ?? '' },
              { kind: 'sync', at: 0 },
              { kind: 'sync', at: 1 },
              { kind: 'unsubscribe', at: 1, url: URLS[0] ?? '' },
              { kind: 'sync', at: 0 },
            ],
          ],
          [
            [
              { kind: 'save', at: 0, id: 'x', status: 'active' },
              { kind: 'subscribe', at: 0, url: URLS[1] ?? '' },
              { kind: 'settings', at: 0, delay: 700 },
              { kind: 'sync', at: 0 },
              { kind: 'sync', at: 1 },
              { kind: 'deleteAll', at: 1 },
              { kind: 'sync', at: 0 },
            ],
          ],
        ],
      },
    );
  }, 120_000);
});
