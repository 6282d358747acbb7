// Replacing a pack by its next version writes only what changed (utils/db/replace-plan.ts),
// in one transaction: checked on fake-indexeddb, with failures injected after some writes.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '../../utils/db/database';
import { storedRecords } from '../../utils/db/dataset-records';
import { planReplace, sameRecord, stampContent } from '../../utils/db/replace-plan';
import { AllianceStore } from '../../utils/db/store';
import { packContent } from '../../utils/pack/content';
import type { Pack } from '../../utils/pack/types';
import { validatePack } from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

const V1 = '2026-11-01T00:00:00Z';
const V2 = '2026-12-01T00:00:00Z';

function valid(pack: Pack): Pack {
  const r = validatePack(pack);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The next version: openai gains an alias, oracle and one alliance go, one alliance arrives. */
function nextVersion(): Pack {
  const next = samplePack({ updated: V2 });
  next.companies = next.companies.filter((c) => c.id !== 'oracle');
  next.alliances = next.alliances.filter((a) => !a.members.some((m) => m.company === 'oracle'));
  const openai = next.companies.find((c) => c.id === 'openai');
  if (!openai) throw new Error('the sample pack has openai');
  openai.aliases = [...(openai.aliases ?? []), 'Open A.I.'];
  const [first] = next.alliances;
  if (!first) throw new Error('the sample pack has alliances');
  next.alliances.push({ ...structuredClone(first), id: 'arrived-2026', since: '2026-11' });
  return next;
}

describe('sameRecord', () => {
  it('compares content: key order and undefined fields aside, the publish time aside', () => {
    const a = { id: 'x', names: { en: 'X', ko: '엑스' }, aliases: ['X'], updated: V1 };
    const b = {
      aliases: ['X'],
      names: { ko: '엑스', en: 'X' },
      id: 'x',
      updated: V2,
      wikidata: undefined,
    };
    expect(sameRecord(a, b)).toBe(true);
    expect(sameRecord(a, { ...b, aliases: ['X', 'Ex'] })).toBe(false);
    expect(sameRecord(a, { ...b, aliases: ['Ex'] })).toBe(false);
    expect(sameRecord(a, { ...b, homepage: 'https://x.example' })).toBe(false);
    // Only the record's own publish time is not content; a nested `updated` is.
    expect(sameRecord({ s: { updated: V1 } }, { s: { updated: V2 } })).toBe(false);
  });
});

describe('planReplace', () => {
  it('puts new and changed records, drops the ones gone, leaves the rest', () => {
    const before = stampContent(packContent(valid(samplePack())), 'sample', V1);
    const after = stampContent(packContent(valid(nextVersion())), 'sample', V2);
    const plan = planReplace(before, after);
    expect(plan.put.companies.map((c) => c.id)).toEqual(['openai']);
    expect(plan.put.companies[0]?.updated).toBe(V2);
    expect(plan.removed.companies.map((c) => c.id)).toEqual(['oracle']);
    expect(plan.put.alliances.map((a) => a.id)).toEqual(['arrived-2026']);
    expect(plan.removed.alliances.map((a) => a.id)).toEqual(['oci-azure-openai']);
    expect(plan.unchanged.companies.map((c) => [c.id, c.updated])).toEqual([
      ['microsoft', V1],
      ['apple', V1],
    ]);
  });

  it('rewrites everything on a first install', () => {
    const next = stampContent(packContent(valid(samplePack())), 'sample', V1);
    const plan = planReplace({ companies: [], alliances: [] }, next);
    expect(plan.put).toEqual(next);
    expect(plan.removed).toEqual({ companies: [], alliances: [] });
  });
});

describe('PackWriter replacing a version', () => {
  let dbName: string;
  let store: AllianceStore;
  let n = 0;
  beforeEach(() => {
    dbName = `replace-${++n}-${Math.random()}`;
    store = new AllianceStore(new AllianceDb(dbName));
  });
  afterEach(async () => {
    store.db.close();
    await Dexie.delete(dbName);
  });

  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        store.db.companies.toArray(),
        store.db.alliances.toArray(),
        store.db.packChunks.toArray(),
        store.db.packs.toArray(),
        store.db.meta.toArray(),
      ]),
    );

  it('writes only what changed; unchanged records keep their time', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    const pack = await store.installPack(valid(nextVersion()), { origin: 'sample' });
    const { companies, alliances } = await storedRecords(store.db);
    const times = Object.fromEntries(companies.map((c) => [c.id, c.updated]));
    expect(times).toEqual({ apple: V1, microsoft: V1, openai: V2 });
    const alliance = (id: string) => alliances.find((a) => a.origin === 'sample' && a.id === id);
    expect(alliance('oci-azure-openai')).toBeUndefined();
    expect(alliance('arrived-2026')?.updated).toBe(V2);
    // The search follows: the new alias is found, the dropped company's aliases are not.
    expect((await store.searchCompanies('openai')).map((c) => c.id)).toEqual(['openai']);
    expect(await store.searchCompanies('오라클')).toEqual([]);
    expect(pack.counts).toEqual({
      companies: 3,
      alliances: alliances.filter((a) => a.origin === 'sample').length,
    });
    expect(pack.updated).toBe(V2);
  });

  it('leaves the database exactly as it was when a record write fails after the deletes', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    const before = await snapshot();
    const broken = valid(nextVersion());
    // A value IndexedDB cannot clone: the alliances' bulkPut throws, after the
    // removed records were deleted and the changed company was written.
    (broken.alliances.at(-1) as unknown as { note: unknown }).note = () => {};
    await expect(store.installPack(broken, { origin: 'sample' })).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });

  it('leaves the database exactly as it was when the last write fails', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    const before = await snapshot();
    const broken = valid(nextVersion());
    // The pack's own record is written last: every record write is done when it fails.
    (broken.pack as unknown as { title: unknown }).title = () => {};
    await expect(store.installPack(broken, { origin: 'sample' })).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });

  it('compares again inside the write when another write came in after its first look', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    // v2 drops oracle; v3 has it again, as v1 had it. Planned against v1, v3 would leave
    // oracle "unchanged" and not write it, though v2 deleted it meanwhile.
    const v2 = valid(nextVersion());
    const v3 = valid(samplePack({ updated: '2026-12-05T00:00:00Z' }));
    const db = store.db;
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let interleaved = false;
    // v2 is installed after v3's install looked at the records and before its write begins.
    (db as unknown as { transaction: unknown }).transaction = async (...args: unknown[]) => {
      if (args[0] === 'rw' && !interleaved) {
        interleaved = true;
        (db as unknown as { transaction: unknown }).transaction = transaction;
        await store.installPack(v2, { origin: 'sample' });
      }
      return transaction(...args);
    };
    await store.installPack(v3, { origin: 'sample' });
    expect(interleaved).toBe(true);
    const { companies, alliances } = await storedRecords(store.db);
    expect(companies.map((c) => c.id).sort()).toEqual(['apple', 'microsoft', 'openai', 'oracle']);
    expect(alliances.map((a) => a.id).sort()).toEqual(v3.alliances.map((a) => a.id).sort());
  });

  it('keeps a company a user alliance names when the next version drops it', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    await store.db.alliances.put({
      id: 'mine',
      kind: 'partnership',
      name: null,
      members: [{ company: 'oracle' }, { company: 'openai' }],
      since: '2025',
      until: null,
      status: 'active',
      sources: [{ url: 'https://example.com/mine' }],
      origin: 'user',
      updated: V1,
      memberIds: ['oracle', 'openai'],
      aliasKeys: [],
    });
    await store.installPack(valid(nextVersion()), { origin: 'sample' });
    const kept = await store.db.companies.get(['user', 'oracle']);
    expect(kept).toMatchObject({ id: 'oracle', origin: 'user', keptFrom: 'sample', updated: V1 });
    // The pack describes it again: the copy steps aside.
    await store.installPack(valid(samplePack({ updated: '2026-12-05T00:00:00Z' })), {
      origin: 'sample',
    });
    expect(await store.db.companies.get(['user', 'oracle'])).toBeUndefined();
    const { companies } = await storedRecords(store.db);
    expect(companies.find((c) => c.origin === 'sample' && c.id === 'oracle')).toBeDefined();
  });
});
