import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../utils/background/bundled';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { AllianceDb } from '../../utils/db/database';
import type { TrashEntry } from '../../utils/db/records';
import { AllianceStore } from '../../utils/db/store';
import { envelope, type MessageType, type Replies, type RequestOf } from '../../utils/messaging';
import { samplePack } from '../support/packs';

let store: AllianceStore;
let name: string;
beforeEach(async () => {
  name = `edits-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(name));
  await loadBundledPack(store, JSON.stringify(samplePack({ id: 'core' })), false);
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(name);
});

async function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Replies[T]> {
  const reply = await dispatch(createHandlers(store), envelope(type, payload), 'extension');
  if (!reply.ok)
    throw new Error(`${reply.error.message} ${JSON.stringify(reply.error.problems ?? [])}`);
  return reply.value as Replies[T];
}

const openai = () => samplePack().companies[0];

describe('user edits', () => {
  it('saves an override of a pack record, which wins and can be reverted to the pack’s version', async () => {
    await call('saveCompany', {
      company: {
        ...openai(),
        names: { en: 'OpenAI', ko: '오픈에이아이' },
        aliases: ['OpenAI', '오픈에이아이'],
      },
    });
    let [view] = await store.mergedCompanies(['openai']);
    expect(view!.names.ko).toBe('오픈에이아이');
    expect(view!.origins).toEqual(['user', 'bundled']);
    // The reader's version owns its alias list: the pack's 오픈AI, left out of it, is not matched.
    expect(view!.aliases).toEqual(['OpenAI', '오픈에이아이']);

    // A new version of the pack never overwrites the override.
    await loadBundledPack(
      store,
      JSON.stringify(samplePack({ id: 'core', updated: '2026-12-01T00:00:00Z' })),
      false,
    );
    [view] = await store.mergedCompanies(['openai']);
    expect(view!.names.ko).toBe('오픈에이아이');

    const entry = await call('revertRecord', { type: 'company', id: 'openai', label: 'OpenAI' });
    [view] = await store.mergedCompanies(['openai']);
    expect(view!.names.ko).toBe('오픈AI');
    // The override went to the trash and comes back with undo.
    await call('restoreRecord', { seq: entry.seq! });
    [view] = await store.mergedCompanies(['openai']);
    expect(view!.names.ko).toBe('오픈에이아이');
  });

  it('deletes a pack record through a tombstone, and undo brings it back', async () => {
    const before = await store.dictionary();
    const entry: TrashEntry = await call('removeRecord', {
      type: 'alliance',
      id: 'apple-openai',
      label: 'Apple – OpenAI',
    });
    expect(entry).toMatchObject({
      type: 'alliance',
      id: 'apple-openai',
      tombstone: true,
      record: null,
    });
    expect((await store.mergedAlliances()).map((a) => a.id)).not.toContain('apple-openai');
    expect((await store.alliancesOf(['apple'])).alliances).toEqual([]);
    expect((await call('listTrash', {})).map((t) => t.id)).toEqual(['apple-openai']);

    await call('restoreRecord', { seq: entry.seq! });
    expect((await store.mergedAlliances()).map((a) => a.id)).toContain('apple-openai');
    expect(await call('listTrash', {})).toEqual([]);
    expect((await store.dictionary()).version).toBeGreaterThan(before.version);
  });

  it('deleting a company removes it from the dictionary; undo restores it', async () => {
    const entry = await call('removeRecord', { type: 'company', id: 'oracle', label: 'Oracle' });
    expect((await store.dictionary()).entries.some((e) => e.id === 'oracle')).toBe(false);
    await call('restoreRecord', { seq: entry.seq! });
    expect((await store.dictionary()).entries.some((e) => e.id === 'oracle')).toBe(true);
  });

  it('creates a new alliance of the user’s own and deletes it into the trash', async () => {
    const alliance = {
      id: 'my-oracle-apple',
      kind: 'supply',
      name: null,
      members: [{ company: 'oracle', role: 'supplier' }, { company: 'apple' }],
      since: '2026-11',
      until: null,
      status: 'announced',
      sources: [{ url: 'https://example.com/news' }],
    };
    await call('saveAlliance', { alliance });
    const mine = (await store.alliancesOf(['apple'])).alliances.find(
      (a) => a.id === 'my-oracle-apple',
    );
    expect(mine).toMatchObject({ origin: 'user', overridden: false, kind: 'supply' });
    const entry = await call('removeRecord', {
      type: 'alliance',
      id: 'my-oracle-apple',
      label: 'x',
    });
    expect(entry).toMatchObject({ tombstone: false });
    expect(entry.record?.id).toBe('my-oracle-apple');
    expect(await store.db.alliances.get(['user', 'my-oracle-apple'])).toBeUndefined();
  });

  it('rejects invalid edits field by field and saves nothing', async () => {
    const version = await store.datasetVersion();
    const reply = await dispatch(
      createHandlers(store),
      envelope('saveAlliance', {
        alliance: {
          id: 'Bad Id',
          kind: 'partnership',
          name: null,
          members: [{ company: 'openai' }, { company: 'openia' }],
          since: '2025-02',
          until: '2024',
          status: 'active',
          sources: [{ url: 'javascript:alert(1)' }],
        },
      }),
      'extension',
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        message: 'Some fields need fixing; nothing was saved.',
        problems: [
          'id: not an id (use lowercase letters, digits and hyphens, like "samsung-electronics")',
          'sources[0].url: not an http(s) link: "javascript:alert(1)"',
          'members[1]: unknown company "openia"',
          'until: ends (2024) before it starts (2025-02)',
        ],
      },
    });
    expect(await store.datasetVersion()).toBe(version);
  });
});

describe('export', () => {
  it('exports the user’s own records as a self-contained pack that validates and imports elsewhere', async () => {
    await call('saveAlliance', {
      alliance: {
        id: 'my-apple-oracle',
        kind: 'partnership',
        name: null,
        members: [{ company: 'apple' }, { company: 'oracle' }],
        since: '2026-11',
        until: null,
        status: 'announced',
        sources: [{ url: 'https://example.com/a' }],
      },
    });
    const mine = await call('exportView', { scope: { kind: 'mine' } });
    expect(mine.pack.id).toBe('my-alliances');
    expect(mine.alliances.map((a) => a.id)).toEqual(['my-apple-oracle']);
    expect(mine.companies.map((c) => c.id).sort()).toEqual(['apple', 'oracle']);
    // Imports into an empty database: everything it refers to is inside.
    const other = new AllianceStore(new AllianceDb(`other-${Math.random()}`));
    const reply = await dispatch(
      createHandlers(other),
      envelope('importPack', { text: JSON.stringify(mine) }),
      'extension',
    );
    expect(reply.ok).toBe(true);
    other.db.close();
  });

  it('exports one company’s neighbourhood and everything', async () => {
    const hood = await call('exportView', { scope: { kind: 'company', companyId: 'oracle' } });
    expect(hood.alliances.map((a) => a.id)).toEqual(['oci-azure-openai']);
    expect(hood.companies.map((c) => c.id).sort()).toEqual(['microsoft', 'openai', 'oracle']);
    const all = await call('exportView', { scope: { kind: 'all' } });
    expect(all.alliances).toHaveLength(3);
    expect(all.companies).toHaveLength(4);
  });
});
