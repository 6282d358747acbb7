import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { AllianceDb } from '../../utils/db/database';
import { AllianceStore } from '../../utils/db/store';
import { loadMatcher } from '../../utils/matcher';
import { envelope, type Reply } from '../../utils/messaging';
import { samplePack } from '../support/packs';

let store: AllianceStore;
let name: string;
beforeEach(async () => {
  name = `msg-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(name));
  await loadBundledPack(store, JSON.stringify(samplePack({ id: 'core' })), false);
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(name);
});

const send = (raw: unknown, from: 'content' | 'extension' = 'content') =>
  dispatch(createHandlers(store), raw, from);

describe('message protocol', () => {
  it.each([
    [null, 'not an Alliance Lens message'],
    ['getDictionary', 'not an Alliance Lens message'],
    [{ channel: 'other', type: 'getStatus', payload: {} }, 'not an Alliance Lens message'],
    [
      { channel: 'alliance-lens', type: 'dropDatabase', payload: {} },
      'not an Alliance Lens message',
    ],
    [
      { channel: 'alliance-lens', type: 'getAlliances', payload: { companyIds: 'openai' } },
      'bad getAlliances request: companyIds: Invalid type: Expected Array but received "openai"',
    ],
    [
      { channel: 'alliance-lens', type: 'getAlliances', payload: { companyIds: [1] } },
      'bad getAlliances request: companyIds.0: Invalid type: Expected string but received 1',
    ],
    [
      { channel: 'alliance-lens', type: 'getDictionary' },
      'bad getDictionary request: Invalid type: Expected Object but received undefined',
    ],
  ])('rejects %j with a plain error and never throws', async (raw, message) => {
    expect(await send(raw)).toEqual({ ok: false, error: { message } });
  });

  it('refuses writes from content scripts', async () => {
    const reply = await send(envelope('removePack', { origin: 'sample' }), 'content');
    expect(reply).toEqual({
      ok: false,
      error: { message: 'removePack is not allowed from a web page' },
    });
  });

  it('answers the dictionary once per version, then "unchanged"', async () => {
    const first = (await send(envelope('getDictionary', {}))) as Reply<'getDictionary'>;
    expect(first.ok).toBe(true);
    if (!first.ok || !('matcher' in first.value)) throw new Error('expected a matcher');
    const found = loadMatcher(first.value.matcher).findMentions('오픈AI와 MS·오라클');
    expect(found.map((m) => m.id)).toEqual(['openai', 'microsoft', 'oracle']);
    const again = await send(envelope('getDictionary', { haveVersion: first.value.version }));
    expect(again).toEqual({ ok: true, value: { version: first.value.version, unchanged: true } });
  });

  it('imports a valid pack from an extension page', async () => {
    const text = JSON.stringify(samplePack({ id: 'extra', title: 'Extra' }));
    const reply = (await send(
      envelope('importPack', { text }),
      'extension',
    )) as Reply<'importPack'>;
    expect(reply.ok && reply.value.pack.origin).toBe('extra');
  });

  it('rejects a bad import with every problem and changes nothing', async () => {
    const before = await store.exportOrigin('bundled');
    const bad = samplePack({ id: 'extra' });
    bad.alliances[0]!.members[1]!.company = 'openia';
    bad.alliances[1]!.sources[0]!.url = 'javascript:alert(1)';
    const reply = await send(envelope('importPack', { text: JSON.stringify(bad) }), 'extension');
    expect(reply).toEqual({
      ok: false,
      error: {
        message: 'This file is not a valid Alliance Lens pack; nothing was imported.',
        problems: [
          'alliances[1].sources[0].url: not an http(s) link: "javascript:alert(1)"',
          'alliances[0].members[1]: unknown company "openia"',
        ],
      },
    });
    expect(await store.getPack('extra')).toBeUndefined();
    expect(await store.exportOrigin('bundled')).toEqual(before);
    expect(await store.datasetVersion()).toBe(1);
  });

  it('refuses to import a pack that claims a reserved id', async () => {
    const reply = await send(
      envelope('importPack', { text: JSON.stringify(samplePack({ id: 'user' })) }),
      'extension',
    );
    expect(reply.ok).toBe(false);
    expect(await store.counts()).toMatchObject({ user: { companies: 0, alliances: 0 } });
  });
});

describe('loadBundledPack', () => {
  it('skips an unchanged pack and reinstalls a changed one', async () => {
    const v = await store.datasetVersion();
    await loadBundledPack(store, JSON.stringify(samplePack({ id: 'core' })), false);
    expect(await store.datasetVersion()).toBe(v);
    await loadBundledPack(
      store,
      JSON.stringify(samplePack({ id: 'core', updated: '2026-12-01T00:00:00Z' })),
      false,
    );
    expect(await store.datasetVersion()).toBe(v + 1);
  });
});
