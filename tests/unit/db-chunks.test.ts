// Pack records stored in chunks (utils/db/pack-chunks.ts) and queried in memory
// (record-set.ts, dataset-records.ts): the in-memory indexes answer exactly as a
// real IndexedDB index over one table holding every record (fake-indexeddb) does,
// and a backup round trip keeps every record.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '../../utils/db/database';
import { datasetRecords, storedRecords } from '../../utils/db/dataset-records';
import { toChunks } from '../../utils/db/pack-chunks';
import { DatasetReader } from '../../utils/db/reader';
import type { StoredAlliance, StoredCompany } from '../../utils/db/records';
import { parseBackup, restoreRows } from '../../utils/db/restore';
import { toStoredAlliance, toStoredCompany } from '../../utils/db/stamp';
import { AllianceStore } from '../../utils/db/store';
import { validatePack } from '../../utils/pack/validate';
import { dexieBackupText } from '../support/backup';
import { samplePack } from '../support/packs';

const T = '2026-11-01T00:00:00Z';
let names: string[] = [];
const fresh = (prefix: string) => {
  const name = `${prefix}-${Math.random()}`;
  names.push(name);
  return name;
};
beforeEach(() => {
  names = [];
});
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
});

const company = (id: string, origin: string, aliases: string[]) =>
  toStoredCompany({ id, names: { en: id, ko: id }, aliases }, origin, T);
const alliance = (id: string, origin: string, members: string[], kind: string, name?: string) =>
  toStoredAlliance(
    {
      id,
      kind: kind as StoredAlliance['kind'],
      name: name ? { en: name } : null,
      members: members.map((m) => ({ company: m })),
      since: '2025',
      until: null,
      status: 'active',
      sources: [{ url: 'https://example.com/' }],
    },
    origin,
    T,
  );

describe('chunks', () => {
  it('holds an origin’s records sorted by id, companies first, about a thousand to a row', () => {
    const cs = ['c', 'a', 'b'].map((id) => company(id, 'p', []));
    const as = ['z', 'y'].map((id) => alliance(id, 'p', ['a', 'b'], 'partnership'));
    const chunks = toChunks('p', cs, as, 2);
    expect(
      chunks.map((c) => [c.n, c.companies.map((x) => x.id), c.alliances.map((x) => x.id)]),
    ).toEqual([
      [0, ['a', 'b'], []],
      [1, ['c'], ['y']],
      [2, [], ['z']],
    ]);
    expect(toChunks('p', [], [])).toEqual([]);
  });
});

// Small vocabularies, so keys, prefixes and members collide often.
const ids = fc.constantFrom('a', 'ab', 'b', 'ba', 'c');
const origins = fc.constantFrom('user', 'bundled', 'p1', 'p2');
const keys = fc.array(fc.constantFrom('x', 'xy', 'xyz', 'y', '오픈', '오픈ai'), { maxLength: 3 });
const kinds = fc.constantFrom('partnership', 'investment', 'supply');

describe('the in-memory indexes answer as an IndexedDB table of every record', () => {
  it('for random records of every origin and random queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(origins, ids, keys), { selector: ([o, i]) => `${o}:${i}` }),
        fc.uniqueArray(fc.tuple(origins, ids, fc.array(ids, { maxLength: 3 }), kinds, keys), {
          selector: ([o, i]) => `${o}:${i}`,
        }),
        fc.constantFrom('x', 'xy', 'y', '오', 'z', ''),
        fc.array(ids, { maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        async (cs, as, prefix, wanted, limit) => {
          const companies: StoredCompany[] = cs.map(([o, i, k]) => ({
            ...company(i, o, []),
            aliasKeys: k,
          }));
          const alliances: StoredAlliance[] = as.map(([o, i, m, kind, k]) => ({
            ...alliance(i, o, m, kind),
            aliasKeys: k,
          }));
          // One table holding everything: what the schema before chunks answered.
          const reference = new AllianceDb(fresh('reference'));
          await reference.companies.bulkPut(companies);
          await reference.alliances.bulkPut(alliances);
          // The same records stored now: the user's in their tables, the packs' in chunks.
          const store = new AllianceStore(new AllianceDb(fresh('chunked')));
          const mine = <T extends { origin: string }>(r: T) => r.origin === 'user';
          await store.db.companies.bulkPut(companies.filter(mine));
          await store.db.alliances.bulkPut(alliances.filter(mine));
          for (const origin of ['bundled', 'p1', 'p2'])
            await store.db.packChunks.bulkPut(
              toChunks(
                origin,
                companies.filter((c) => c.origin === origin),
                alliances.filter((a) => a.origin === origin),
                2,
              ),
            );
          const records = await datasetRecords(store.db);
          const keyOf = (r: { origin: string; id: string }) => `${r.origin}:${r.id}`;
          const same = async <T extends { origin: string; id: string }>(
            ours: T[],
            theirs: Promise<T[]>,
          ) => expect(ours.map(keyOf)).toEqual((await theirs).map(keyOf));
          await same(records.companies(), reference.companies.toArray());
          await same(records.alliances(), reference.alliances.toArray());
          await same(
            records.companiesWithIds(wanted),
            reference.companies.where('id').anyOf(wanted).toArray(),
          );
          await same(
            records.alliancesWithIds(wanted),
            reference.alliances.where('id').anyOf(wanted).toArray(),
          );
          if (prefix) {
            await same(
              records.companiesByAliasPrefix(prefix, limit),
              reference.companies.where('aliasKeys').startsWith(prefix).limit(limit).toArray(),
            );
            await same(
              records.alliancesByAliasPrefix(prefix, limit),
              reference.alliances.where('aliasKeys').startsWith(prefix).limit(limit).toArray(),
            );
          }
          await same(
            records.alliancesWithMembers(wanted, limit),
            reference.alliances.where('memberIds').anyOf(wanted).limit(limit).toArray(),
          );
          await same(
            records.alliancesOfKinds(['partnership', 'supply'], limit),
            reference.alliances
              .where('kind')
              .anyOf(['partnership', 'supply'])
              .limit(limit)
              .toArray(),
          );
          expect([...records.companyIds()].sort()).toEqual(
            await reference.companies.orderBy('id').uniqueKeys(),
          );
          reference.close();
          store.db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the packs’ snapshot', () => {
  it('is read again in another context (an extension page) once the background changes a pack', async () => {
    const name = fresh('contexts');
    const background = new AllianceStore(new AllianceDb(name));
    const page = new DatasetReader(new AllianceDb(name));
    const v1 = validatePack(samplePack());
    const v2 = validatePack(samplePack({ updated: '2026-12-01T00:00:00Z' }));
    if (!v1.ok || !v2.ok) throw new Error('invalid sample pack');
    await background.installPack(v1.value, { origin: 'sample' });
    expect((await page.searchCompanies('오라클')).map((c) => c.id)).toEqual(['oracle']);
    v2.value.companies = v2.value.companies.filter((c) => c.id !== 'oracle');
    v2.value.alliances = v2.value.alliances.filter(
      (a) => !a.members.some((m) => m.company === 'oracle'),
    );
    await background.installPack(v2.value, { origin: 'sample' });
    expect(await page.searchCompanies('오라클')).toEqual([]);
    await background.removePack('sample');
    expect(await page.mergedCompanies()).toEqual([]);
    expect(await background.mergedCompanies()).toEqual([]);
    page.db.close();
    background.db.close();
  });
});

describe('a backup of chunked packs', () => {
  it('restores every record: the packs’ into chunks, the reader’s into their tables', async () => {
    const store = new AllianceStore(new AllianceDb(fresh('backup')));
    const pack = validatePack(samplePack());
    if (!pack.ok) throw new Error('invalid sample pack');
    await store.installPack(pack.value, { origin: 'sample' });
    await store.db.companies.put(company('my-co', 'user', ['myco']));
    const tables = [store.db.companies, store.db.alliances, store.db.packChunks, store.db.packs];
    const data = await Promise.all(
      tables.map(async (t) => ({ tableName: t.name, rows: await t.toArray() })),
    );
    const text = dexieBackupText(data);
    const before = await storedRecords(store.db);
    store.db.close();

    const restored = new AllianceStore(new AllianceDb(fresh('restored')));
    const summary = await restoreRows(restored, parseBackup(text));
    expect(summary.skipped).toEqual([]);
    expect(await storedRecords(restored.db)).toEqual(before);
    expect((await restored.db.companies.toArray()).map((c) => c.id)).toEqual(['my-co']);
    expect(await restored.db.packChunks.count()).toBe(1);
    expect((await restored.searchCompanies('오픈')).map((c) => c.id)).toEqual(['openai']);
    restored.db.close();
  });

  it('leaves out a bad record inside a chunk and names it', () => {
    const good = company('good', 'sample', ['good']);
    const backup = dexieBackupText([
      {
        tableName: 'packChunks',
        rows: [
          {
            origin: 'sample',
            n: 0,
            companies: [good, { id: 'bad', origin: 'sample' }],
            alliances: [],
          },
        ],
      },
    ]);
    const rows = parseBackup(backup);
    expect(rows.companies.map((c) => c.id)).toEqual(['good']);
    expect(rows.skipped).toEqual([
      expect.stringMatching(/^packChunks\[0\]\.companies\[1\]: company "bad": /),
    ]);
  });
});
