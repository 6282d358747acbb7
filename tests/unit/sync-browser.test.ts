import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserSync } from '../../utils/background/browser-sync';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { AllianceDb } from '../../utils/db/database';
import { AllianceStore } from '../../utils/db/store';
import { envelope, type MessageType, type RequestOf } from '../../utils/messaging';
import {
  decodeSnapshot,
  encodeSnapshot,
  mergeRecords,
  type SyncSnapshot,
} from '../../utils/sync/snapshot';
import { samplePack } from '../support/packs';
import { fakeSyncStorage, memorySettings } from '../support/sync-storage';

const opened: AllianceStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) {
    s.db.close();
    await Dexie.delete(s.db.name);
  }
});

/** One clock for every browser of a test, moved on by hand (no sleeping for a later stamp). */
function fakeClock() {
  let time = Date.now();
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

async function browserWith(
  storage: ReturnType<typeof fakeSyncStorage>,
  clock: Pick<ReturnType<typeof fakeClock>, 'now'> = fakeClock(),
) {
  const store = new AllianceStore(new AllianceDb(`browser-${Math.random()}`), {
    now: clock.now,
  });
  opened.push(store);
  await loadBundledPack(store, JSON.stringify(samplePack({ id: 'core' })), false);
  const settings = memorySettings();
  const problems: (string | null)[] = [];
  const sync = new BrowserSync(store, {
    storage,
    settings,
    subscriptions: { add: async () => {}, remove: async () => {} },
    changed: async () => {},
    report: async (p) => void problems.push(p),
  });
  const call = async <T extends MessageType>(type: T, payload: RequestOf<T>) => {
    const reply = await dispatch(createHandlers(store), envelope(type, payload), 'extension');
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
  return {
    store,
    sync,
    call,
    problems,
    setSettings: (v: unknown, updated: string) => settings.set(v, updated),
    settings: settings.current,
  };
}

const myAlliance = (id: string, status = 'announced') => ({
  id,
  kind: 'partnership',
  name: null,
  members: [{ company: 'apple' }, { company: 'oracle' }],
  since: '2026-11',
  until: null,
  status,
  sources: [{ url: 'https://example.com/x' }],
});

describe('the user’s records across browsers', () => {
  it('carries records, edits and deletions from one browser to another', async () => {
    const storage = fakeSyncStorage();
    const clock = fakeClock();
    const a = await browserWith(storage, clock);
    const b = await browserWith(storage, clock);
    await a.call('saveAlliance', { alliance: myAlliance('mine-1') });
    await a.sync.sync();
    await b.sync.sync();
    expect((await b.store.exportView({ kind: 'mine' })).alliances.map((x) => x.id)).toEqual([
      'mine-1',
    ]);

    // B edits it later; A picks the edit up.
    clock.advance(5);
    await b.call('saveAlliance', { alliance: myAlliance('mine-1', 'active') });
    await b.sync.sync();
    await a.sync.sync();
    expect((await a.store.exportView({ kind: 'mine' })).alliances[0]!.status).toBe('active');

    // A deletes it; the deletion reaches B instead of the record coming back.
    clock.advance(5);
    await a.call('removeRecord', { type: 'alliance', id: 'mine-1', label: 'x' });
    await a.sync.sync();
    await b.sync.sync();
    await a.sync.sync();
    expect((await b.store.exportView({ kind: 'mine' })).alliances).toEqual([]);
    expect((await a.store.exportView({ kind: 'mine' })).alliances).toEqual([]);
  });

  it('resolves a conflict per record by the later update', async () => {
    const storage = fakeSyncStorage();
    const clock = fakeClock();
    const a = await browserWith(storage, clock);
    const b = await browserWith(storage, clock);
    await a.call('saveAlliance', { alliance: myAlliance('one', 'active') });
    await b.call('saveAlliance', { alliance: myAlliance('two') });
    clock.advance(5);
    await b.call('saveAlliance', { alliance: myAlliance('one', 'ended') }); // later than A's
    await a.sync.sync();
    await b.sync.sync();
    await a.sync.sync();
    for (const browser of [a, b]) {
      const mine = (await browser.store.exportView({ kind: 'mine' })).alliances;
      expect(mine.map((x) => [x.id, x.status])).toEqual([
        ['one', 'ended'],
        ['two', 'announced'],
      ]);
    }
  });

  it('takes the later settings', async () => {
    const storage = fakeSyncStorage();
    const a = await browserWith(storage);
    const b = await browserWith(storage);
    a.setSettings({ hoverDelayMs: 100 }, '2026-11-01T00:00:00Z');
    b.setSettings({ hoverDelayMs: 700 }, '2026-11-02T00:00:00Z');
    await a.sync.sync();
    await b.sync.sync();
    await a.sync.sync();
    expect(a.settings()?.value).toEqual({ hoverDelayMs: 700 });
  });

  it('over the quota: says so plainly, writes nothing, and keeps everything here', async () => {
    const storage = fakeSyncStorage();
    const a = await browserWith(storage);
    for (let i = 0; i < 60; i++) {
      await a.call('saveAlliance', {
        alliance: { ...myAlliance(`big-${i}`), summary: { en: 'x'.repeat(1900) } },
      });
    }
    await a.sync.sync();
    expect(storage.items).toEqual({});
    expect(a.problems.at(-1)).toMatch(
      /^Your own records need \d+ KB, more than the browser's sync storage holds \(100 KB\)/,
    );
    expect((await a.store.exportView({ kind: 'mine' })).alliances).toHaveLength(60);
  });
});

describe('snapshot encoding', () => {
  it('round-trips through chunks that each fit the per-item quota', () => {
    const snapshot: SyncSnapshot = {
      v: 2,
      records: Array.from({ length: 30 }, (_, i) => ({
        key: `alliance:k${i}`,
        updated: '2026-11-01T00:00:00.000Z',
        record: null,
      })),
      subscriptions: [
        {
          url: 'https://example.com/p.json',
          updated: '2026-11-01T00:00:00.000Z',
          subscribed: true,
        },
      ],
      settings: {
        updated: '2026-11-01T00:00:00.000Z',
        value: { uiLang: 'ko', note: '한국어 설정 '.repeat(200) },
      },
    };
    const encoded = encodeSnapshot(snapshot, 1024);
    if (!encoded.ok) throw new Error('too big');
    for (const [k, v] of Object.entries(encoded.items))
      expect(new TextEncoder().encode(k + JSON.stringify(v)).length).toBeLessThanOrEqual(1024);
    expect(decodeSnapshot(encoded.items)).toEqual({ snapshot, problems: [] });
    expect(decodeSnapshot({ 'al:meta': '{"chunks":2}', 'al:0': '{' })).toBeNull();
  });

  it('merges per record, later update winning, local on a tie', () => {
    const r = (key: string, updated: string, v: string | null) => ({
      key,
      updated,
      record: v === null ? null : ({ id: v } as never),
    });
    const { merged, fromRemote } = mergeRecords(
      [r('a', '2', 'local-a'), r('b', '5', 'local-b'), r('c', '3', 'local-c')],
      [
        r('a', '3', 'remote-a'),
        r('b', '4', 'remote-b'),
        r('c', '3', 'remote-c'),
        r('d', '1', null),
      ],
    );
    expect(merged.map((m) => [m.key, m.record && (m.record as { id: string }).id])).toEqual([
      ['a', 'remote-a'],
      ['b', 'local-b'],
      ['c', 'local-c'],
      ['d', null],
    ]);
    // A deletion of a record this browser never had changes nothing here (it stays in `merged`).
    expect(fromRemote.map((m) => m.key)).toEqual(['a']);
  });
});
