import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllianceDb, SCHEMA_V1, SCHEMA_V5 } from '../../utils/db/database';
import { datasetRecords, storedRecords } from '../../utils/db/dataset-records';
import { toStoredAlliance, toStoredCompany } from '../../utils/db/stamp';
import { AllianceStore } from '../../utils/db/store';
import type { Pack } from '../../utils/pack/types';
import { validatePack } from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

let dbName: string;
let store: AllianceStore;
let n = 0;

beforeEach(() => {
  dbName = `test-${++n}-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(dbName));
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(dbName);
});

/** The whole database as plain data, to compare before and after. */
async function snapshot(s: AllianceStore) {
  const [companies, alliances, packChunks, packs, meta] = await Promise.all([
    s.db.companies.toArray(),
    s.db.alliances.toArray(),
    s.db.packChunks.toArray(),
    s.db.packs.toArray(),
    s.db.meta.toArray(),
  ]);
  return JSON.stringify({ companies, alliances, packChunks, packs, meta });
}

function valid(pack: Pack): Pack {
  const r = validatePack(pack);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('AllianceStore', () => {
  it('installs a pack with origin, update time and normalized alias keys', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    const { companies } = await storedRecords(store.db);
    const openai = companies.find((c) => c.id === 'openai');
    expect(openai?.origin).toBe('sample');
    expect(openai?.updated).toBe('2026-11-01T00:00:00Z');
    expect(openai?.aliasKeys).toEqual(expect.arrayContaining(['openai', '오픈ai']));
    // Pack records are chunk rows, not one row each; the user's tables stay empty.
    expect(await store.db.companies.count()).toBe(0);
    expect((await store.db.packChunks.toArray()).map((c) => [c.origin, c.n])).toEqual([
      ['sample', 0],
    ]);
    // The in-memory alias index answers a spaced, lower-case query; the member index its members.
    const records = await datasetRecords(store.db);
    expect(records.companiesByAliasPrefix('openai').map((c) => c.id)).toEqual(['openai']);
    const ofMs = records.alliancesWithMembers(['microsoft']);
    expect(ofMs.map((a) => a.id).sort()).toEqual(['microsoft-openai', 'oci-azure-openai']);
    expect(await store.datasetVersion()).toBe(1);
  });

  it('export then import gives back the same data', async () => {
    const original = valid(samplePack());
    await store.installPack(original, { origin: 'sample' });
    const exported = await store.exportOrigin('sample');
    const reimported = valid(JSON.parse(JSON.stringify(exported)));
    const byId = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(reimported.companies)).toEqual(byId(original.companies));
    expect(byId(reimported.alliances)).toEqual(byId(original.alliances));
    expect(reimported.pack).toEqual({
      ...original.pack,
      description: undefined,
      expires: undefined,
    });
  });

  it('a new version of a pack replaces its records and leaves the user’s alone', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    await store.db.companies.put({
      id: 'rebellions',
      names: { en: 'Rebellions', ko: '리벨리온' },
      aliases: ['리벨리온'],
      origin: 'user',
      updated: '2026-11-20T00:00:00Z',
      aliasKeys: ['리벨리온'],
    });
    const next = samplePack({ updated: '2026-11-10T00:00:00Z' });
    next.alliances = next.alliances.filter((a) => a.id !== 'apple-openai');
    await store.installPack(valid(next), { origin: 'sample' });
    const { companies, alliances } = await storedRecords(store.db);
    expect(alliances.map((a) => a.id)).toContain('microsoft-openai');
    expect(alliances.map((a) => a.id)).not.toContain('apple-openai');
    expect(companies.find((c) => c.origin === 'user' && c.id === 'rebellions')).toBeDefined();
    expect((await store.getPack('sample'))?.updated).toBe('2026-11-10T00:00:00Z');
  });

  it('an install that fails half-way leaves the database exactly as it was', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    const before = await snapshot(store);
    const broken = valid(samplePack({ updated: '2026-11-15T00:00:00Z' }));
    // An alliance whose primary key cannot be stored (a symbol id) makes bulkPut throw mid-transaction.
    (broken.alliances[2] as unknown as { id: unknown }).id = Symbol('bad');
    await expect(store.installPack(broken, { origin: 'sample' })).rejects.toThrow();
    expect(await snapshot(store)).toBe(before);
  });

  it('merges the same company from several origins: the user first, then pack priority', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    const other = samplePack({ id: 'other' });
    other.companies[0]!.names = { en: 'OpenAI Inc.', ko: '오픈AI' };
    other.companies[0]!.aliases = ['OpenAI Inc.'];
    await store.installPack(valid(other), { origin: 'other' });
    const [openai] = await store.mergedCompanies(['openai']);
    expect(openai!.names.en).toBe('OpenAI Inc.');
    expect(openai!.aliases).toEqual(expect.arrayContaining(['OpenAI Inc.', 'Open AI']));
    expect(openai!.origins).toEqual(['other', 'bundled']);
  });

  it('finds the alliances of a company with every member company', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    const { alliances, companies } = await store.alliancesOf(['oracle']);
    expect(alliances.map((a) => a.id)).toEqual(['oci-azure-openai']);
    expect(companies.map((c) => c.id).sort()).toEqual(['microsoft', 'openai', 'oracle']);
  });

  it('gives the matcher one entry per alias of companies and named alliances', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    const { entries, version } = await store.dictionary();
    expect(version).toBe(1);
    expect(entries).toContainEqual({ alias: 'MS', type: 'company', id: 'microsoft' });
    expect(entries).toContainEqual({
      alias: '애저 AI 온 OCI',
      type: 'alliance',
      id: 'oci-azure-openai',
    });
    expect(entries.filter((e) => e.id === 'apple-openai')).toEqual([]);
  });

  it('leaves a named alliance out of the dictionary when the user’s own record has no name', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    const named = valid(samplePack()).alliances.find((a) => a.id === 'oci-azure-openai')!;
    // The user's record wins the merge; it names no alliance, so no alias may come from the pack's.
    await store.db.alliances.put({
      ...named,
      name: null,
      origin: 'user',
      updated: '2026-11-28T00:00:00Z',
      memberIds: named.members.map((m) => m.company),
      aliasKeys: [],
    });
    await store.db.meta.put({ key: 'datasetVersion', value: 2 });
    const { entries } = await store.dictionary();
    expect(entries.filter((e) => e.type === 'alliance')).toEqual([]);
    expect(entries).toContainEqual({ alias: 'MS', type: 'company', id: 'microsoft' });
  });

  it('removing a pack removes its records but never the user’s', async () => {
    await store.installPack(valid(samplePack()), { origin: 'sample' });
    await store.db.alliances.put({
      ...valid(samplePack()).alliances[0]!,
      id: 'my-clip',
      origin: 'user',
      updated: '2026-11-28T00:00:00Z',
      memberIds: ['microsoft', 'openai'],
      aliasKeys: [],
    });
    await store.removePack('sample');
    const { alliances } = await storedRecords(store.db);
    expect(alliances.map((a) => [a.origin, a.id])).toEqual([['user', 'my-clip']]);
    expect(await store.db.packChunks.count()).toBe(0);
    expect(await store.getPack('sample')).toBeUndefined();
  });
});

describe('search', () => {
  it('finds companies by any alias prefix, tolerant of spacing and case', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    expect((await store.searchCompanies('오픈 ai')).map((c) => c.id)).toEqual(['openai']);
    expect((await store.searchCompanies('MICRO')).map((c) => c.id)).toEqual(['microsoft']);
    expect(await store.searchCompanies('  ')).toEqual([]);
  });

  it('finds alliances by name, by member, and by kind', async () => {
    await store.installPack(valid(samplePack()), { origin: 'bundled' });
    expect((await store.searchAlliances('애저 ai', [])).map((a) => a.id)).toEqual([
      'oci-azure-openai',
    ]);
    expect((await store.searchAlliances('oracle', [])).map((a) => a.id)).toEqual([
      'oci-azure-openai',
    ]);
    expect((await store.searchAlliances('투자', ['investment'])).map((a) => a.id)).toEqual([
      'microsoft-openai',
    ]);
  });
});

describe('schema migration', () => {
  it('opens a version-1 database with data and upgrades it without loss', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('companies').bulkPut([
      {
        id: 'naver',
        origin: 'bundled',
        names: { en: 'Naver', ko: '네이버' },
        aliases: ['NAVER', '네이버'],
      },
      {
        id: 'my-co',
        origin: 'user',
        names: { en: 'My Co', ko: '마이코' },
        aliases: ['마이 코'],
        updated: '2026-01-01T00:00:00Z',
      },
    ]);
    await v1.table('alliances').put({
      id: 'naver-intel',
      origin: 'bundled',
      kind: 'partnership',
      name: { en: 'Gaudi lab' },
      members: [{ company: 'naver' }, { company: 'intel' }],
      memberIds: ['naver', 'intel'],
      since: '2024-04',
      until: null,
      status: 'active',
      sources: [{ url: 'https://www.intel.com/' }],
    });
    await v1.table('packs').put({
      origin: 'bundled',
      title: 'Core',
      updated: '2026-01-01T00:00:00Z',
      counts: { companies: 1, alliances: 1 },
    });
    v1.close();

    const upgraded = new AllianceStore(new AllianceDb(name));
    const { companies, alliances } = await storedRecords(upgraded.db);
    const naver = companies.find((c) => c.origin === 'bundled' && c.id === 'naver');
    expect(upgraded.db.verno).toBe(6);
    expect(naver?.names).toEqual({ en: 'Naver', ko: '네이버' });
    expect(naver?.aliasKeys).toEqual(['naver', '네이버']);
    expect(typeof naver?.updated).toBe('string');
    const mine = await upgraded.db.companies.where('aliasKeys').equals('마이코').first();
    expect(mine?.updated).toBe('2026-01-01T00:00:00Z');
    const alliance = alliances.find((a) => a.kind === 'partnership');
    expect(alliance?.aliasKeys).toEqual(['gaudilab']);
    expect(alliance?.members).toHaveLength(2);
    const pack = await upgraded.getPack('bundled');
    expect(pack).toMatchObject({ id: 'bundled', enabled: true, priority: 1000, title: 'Core' });
    // v5: only the indexes something queries are kept (each costs every write).
    const indexes = (store: string) =>
      [...upgraded.db.backendDB().transaction(store).objectStore(store).indexNames].sort();
    expect(indexes('companies')).toEqual(['aliasKeys', 'id', 'origin']);
    expect(indexes('alliances')).toEqual(['aliasKeys', 'id', 'kind', 'memberIds', 'origin']);
    // The extension update that brings this schema also brings a pack: its alliances are new.
    await upgraded.installPack(valid(samplePack()), { origin: 'bundled' });
    expect((await upgraded.db.arrivals.toArray()).map((b) => b.ids)).toEqual([
      ['microsoft-openai', 'apple-openai', 'oci-azure-openai'],
    ]);
    upgraded.db.close();
    await Dexie.delete(name);
  });

  it('moves a version-5 database’s pack records into chunks and keeps the reader’s own', async () => {
    const name = `migrate-v5-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    const pack = valid(samplePack());
    const stamp = '2026-11-01T00:00:00Z';
    const companies = pack.companies.map((c) => toStoredCompany(c, 'sample', stamp));
    const alliances = pack.alliances.map((a) => toStoredAlliance(a, 'sample', stamp));
    const mine = toStoredCompany(
      { id: 'my-co', names: { en: 'My Co', ko: '마이코' }, aliases: [] },
      'user',
      '2026-12-01T00:00:00Z',
    );
    await v5.table('companies').bulkPut([...companies, mine]);
    await v5.table('alliances').bulkPut(alliances);
    const info = { origin: 'sample', id: 'sample', title: 'Sample', updated: stamp };
    await v5.table('packs').put({ ...info, installed: stamp, enabled: true, priority: 100 });
    await v5.table('packs').put({ ...info, origin: 'bundled', id: 'bundled', priority: 1000 });
    await v5.table('meta').put({ key: 'datasetVersion', value: 7 });
    const before = new AllianceStore(new AllianceDb(`${name}-same`));
    await before.installPack(pack, { origin: 'sample' });
    await before.db.companies.put(mine);
    const expected = await before.mergedCompanies();
    before.db.close();
    await Dexie.delete(`${name}-same`);
    v5.close();

    const upgraded = new AllianceStore(new AllianceDb(name));
    const stored = await storedRecords(upgraded.db);
    expect(upgraded.db.verno).toBe(6);
    // Every record is still there, the pack's now in chunks, the reader's in its table.
    const byKey = <T extends { origin: string; id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => `${a.origin} ${a.id}`.localeCompare(`${b.origin} ${b.id}`));
    expect(stored.companies).toEqual(byKey([...companies, mine]));
    expect(stored.alliances).toEqual(byKey(alliances));
    expect((await upgraded.db.companies.toArray()).map((c) => c.id)).toEqual(['my-co']);
    expect(await upgraded.db.alliances.count()).toBe(0);
    const chunks = await upgraded.db.packChunks.toArray();
    expect(chunks.map((c) => [c.origin, c.n])).toEqual([['sample', 0]]);
    expect(await upgraded.mergedCompanies()).toEqual(expected);
    expect((await upgraded.searchCompanies('마이 코')).map((c) => c.id)).toEqual(['my-co']);
    // The next version of the pack replaces its chunks, not the reader's record.
    await upgraded.installPack(valid(samplePack({ updated: '2026-12-02T00:00:00Z' })), {
      origin: 'sample',
    });
    expect((await storedRecords(upgraded.db)).companies).toHaveLength(companies.length + 1);
    upgraded.db.close();
    await Dexie.delete(name);
  });
});
