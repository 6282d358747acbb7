// Trust: packs that arrive from outside never break validation, subscriptions or
// the reader's own version of a record.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Subscriptions } from '../../utils/background/subscriptions';
import { AllianceDb } from '../../utils/db/database';
import { UserEdits } from '../../utils/db/edits';
import { AllianceStore } from '../../utils/db/store';
import type { Pack } from '../../utils/pack/types';
import { MAX_PROBLEMS, validatePack } from '../../utils/pack/validate';
import { applyPack, view } from '../../utils/sync/apply';
import type { FetchOutcome } from '../../utils/sync/fetch-pack';
import { previewImport } from '../../utils/sync/preview';
import { dexieBackupText } from '../support/backup';
import { samplePack } from '../support/packs';

let store: AllianceStore;
let dbName: string;
let n = 0;
beforeEach(() => {
  dbName = `trust-${++n}-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(dbName));
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(dbName);
});

describe('validation never throws', () => {
  it('caps the problems of a pack with 200,000 bad records instead of overflowing the stack', () => {
    const pack = samplePack() as unknown as Record<string, unknown>;
    pack.companies = Array.from({ length: 200_000 }, () => ({ id: 'Not An Id', names: 3 }));
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.length).toBe(MAX_PROBLEMS + 1);
    expect(result.error.at(-1)?.message).toMatch(/^and \d+ more problems$/);
  }, 60_000); // Heavy (200,000 records), not a timing check: a loaded machine needs longer.

  it('turns anything unexpected inside the checks into a problem', () => {
    const hostile = samplePack() as unknown as Record<string, unknown>;
    Object.defineProperty(hostile, 'companies', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = validatePack(hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.message).toMatch(/could not be checked.*boom/);
  });
});

describe('`removed` is handled alike in preview, model and install', () => {
  it('a record listed both in the pack and in removed is withdrawn everywhere', async () => {
    const pack: Pack = { ...samplePack(), removed: [{ type: 'company', id: 'apple' }] };
    const checked = validatePack(pack);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const preview = previewImport(checked.value, { companies: [], alliances: [] }, 'sample');
    expect(preview.added.map((r) => r.id)).not.toContain('apple');
    const model = view(
      applyPack({ companies: [], alliances: [] }, 'sample', checked.value, 'x'),
      new Map([['sample', 100]]),
    );
    expect(model.companies.map((c) => c.id)).not.toContain('apple');
    const installed = await store.installPack(checked.value, { origin: 'sample' });
    expect((await store.mergedCompanies()).map((c) => c.id)).not.toContain('apple');
    expect(installed.counts.companies).toBe(checked.value.companies.length - 1);
  });
});

describe("the reader's own version owns its aliases", () => {
  it('an alias the reader deleted from a pack company is no longer in the dictionary', async () => {
    const checked = validatePack(samplePack());
    if (!checked.ok) throw new Error('sample pack invalid');
    await store.installPack(checked.value, { origin: 'sample' });
    const edits = new UserEdits(store);
    await edits.saveCompany({
      id: 'openai',
      names: { en: 'OpenAI', ko: '오픈AI' },
      aliases: ['OpenAI', '오픈AI'],
    });
    const openai = (await store.mergedCompanies(['openai']))[0];
    expect(openai?.aliases).toEqual(['OpenAI', '오픈AI']);
    const dictionary = await store.dictionary();
    expect(dictionary.entries.some((e) => e.alias === 'Open AI')).toBe(false);
  });
});

/** Subscriptions over the real store, with a fetch that the test scripts. */
function subscriptions(fetchPack: (url: string) => Promise<FetchOutcome>) {
  const scheduled = new Map<string, number>();
  let now = Date.parse('2026-11-10T00:00:00Z');
  const subs = new Subscriptions(store, {
    fetchPack: (url) => fetchPack(url),
    now: () => now,
    nextCheck: (t, s) => t + 3_600_000 * (s.failures + 1),
    schedule: async (origin, when) => {
      scheduled.set(origin, when);
    },
    unschedule: async (origin) => {
      scheduled.delete(origin);
    },
    online: () => true,
    allowHttpHost: () => false,
    changed: async () => {},
  });
  return { subs, scheduled, tick: (ms: number) => (now += ms) };
}

const packText = (id: string) =>
  JSON.stringify({ ...samplePack(), pack: { ...samplePack().pack, id } });

describe('subscriptions never stop silently', () => {
  it('records a failure that throws, and still schedules the next check', async () => {
    let broken = false;
    const { subs, scheduled, tick } = subscriptions(async (url) => {
      if (broken) throw new RangeError('Maximum call stack size exceeded');
      return { kind: 'ok', text: packText('one'), finalUrl: url };
    });
    expect((await subs.subscribe('https://packs.example/one.json')).ok).toBe(true);
    broken = true;
    tick(10_000);
    scheduled.clear();
    const pack = await subs.sync('one');
    expect(pack?.sync?.lastError).toMatch(/Maximum call stack/);
    expect(pack?.sync?.failures).toBe(1);
    expect(scheduled.get('one')).toBeGreaterThan(0);
  });

  it('a pack with a huge number of problems is recorded as a failure with its reason', async () => {
    let text = packText('big');
    const { subs, scheduled } = subscriptions(async (url) => ({ kind: 'ok', text, finalUrl: url }));
    expect((await subs.subscribe('https://packs.example/big.json')).ok).toBe(true);
    const bad = JSON.parse(text);
    bad.companies = Array.from({ length: 150_000 }, () => ({ id: '!' }));
    text = JSON.stringify(bad);
    scheduled.clear();
    const pack = await subs.sync('big');
    expect(pack?.sync?.lastError).toMatch(/more problems/);
    expect(scheduled.has('big')).toBe(true);
  }, 60_000); // Heavy (200,000 records), not a timing check: a loaded machine needs longer.

  it('"Sync now" still syncs the other packs when one throws', async () => {
    const calls: string[] = [];
    let failOne = false;
    const { subs } = subscriptions(async (url) => {
      calls.push(url);
      if (failOne && url.endsWith('one.json')) throw new Error('socket hang up');
      return {
        kind: 'ok',
        text: packText(url.endsWith('one.json') ? 'one' : 'two'),
        finalUrl: url,
      };
    });
    await subs.subscribe('https://packs.example/one.json');
    await subs.subscribe('https://packs.example/two.json');
    failOne = true;
    calls.length = 0;
    const packs = await subs.syncAll();
    expect(calls.sort()).toEqual([
      'https://packs.example/one.json',
      'https://packs.example/two.json',
    ]);
    expect(packs.map((p) => p.origin).sort()).toEqual(['one', 'two']);
    expect(packs.find((p) => p.origin === 'one')?.sync?.lastError).toMatch(/socket hang up/);
    expect(packs.find((p) => p.origin === 'two')?.sync?.lastError).toBeUndefined();
  });
});

describe('redirects never lower the protection of the typed address', () => {
  const redirecting =
    (to: string): typeof fetch =>
    async () =>
      new Response(null, { status: 302, headers: { location: to } });

  it('refuses https → http, even to a confirmed host', async () => {
    const { fetchPack } = await import('../../utils/sync/fetch-pack');
    const outcome = await fetchPack('https://packs.example/p.json', {
      fetch: redirecting('http://packs.example/p.json'),
      allowHost: () => true,
    });
    expect(outcome).toMatchObject({ kind: 'error' });
    if (outcome.kind === 'error') expect(outcome.message).toMatch(/from https to an insecure/);
  });

  it('refuses a hop from a public address into this computer or a private network', async () => {
    const { fetchPack, isPrivateHost } = await import('../../utils/sync/fetch-pack');
    for (const to of [
      'https://127.0.0.1/p.json',
      'https://192.168.1.10/p.json',
      'https://10.0.0.2/p.json',
      'https://[::1]/p.json',
      'https://printer.local/p.json',
    ]) {
      const outcome = await fetchPack('https://packs.example/p.json', { fetch: redirecting(to) });
      expect(outcome.kind === 'error' && outcome.message).toMatch(/local or private address/);
    }
    expect(isPrivateHost('172.20.0.1')).toBe(true);
    expect(isPrivateHost('172.32.0.1')).toBe(false);
    expect(isPrivateHost('packs.example')).toBe(false);
  });
});

describe('a backup restore is validated like a pack', () => {
  it('leaves out a record without names (which broke every dictionary build) and says so', async () => {
    const { parseBackup, restoreRows } = await import('../../utils/db/restore');
    const stamp = { origin: 'user', updated: '2026-11-01T00:00:00.000Z' };
    const backup = dexieBackupText([
      {
        tableName: 'companies',
        rows: [
          { id: 'broken', aliases: ['x'], aliasKeys: ['x'], ...stamp },
          { id: 'good-co', names: { en: 'Good', ko: '굿' }, aliases: ['Good'], ...stamp },
        ],
      },
      {
        tableName: 'packs',
        rows: [
          {
            origin: 'evil',
            id: 'evil',
            title: 'Evil',
            updated: stamp.updated,
            installed: stamp.updated,
            enabled: true,
            priority: 100,
            counts: { companies: 0, alliances: 0 },
            sync: { url: 'http://attacker.example/p.json' },
          },
        ],
      },
    ]);
    const rows = parseBackup(backup);
    const summary = await restoreRows(store, rows);
    expect(summary.companies).toBe(1);
    expect(summary.skippedCount).toBe(2);
    expect(summary.skipped.join('\n')).toMatch(/company "broken": names: missing/);
    expect((await store.getPack('evil'))?.sync).toBeUndefined();
    const dictionary = await store.dictionary();
    expect(dictionary.entries.some((e) => e.id === 'good-co')).toBe(true);
    expect(() => parseBackup('{"formatName":"other"}')).toThrow('not an Alliance Lens backup');
  });

  it('subscription details are for extension pages only', async () => {
    const { allowedSenders } = await import('../../utils/messaging');
    expect(allowedSenders.getStatus).toEqual(['extension']);
  });
});
