// Model-based check: the database (AllianceStore over fake-indexeddb) follows the
// same merge rules as the pure model in utils/sync/apply.ts, for random
// sequences of pack installs and removals around the user's own records.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllianceDb } from '../../utils/db/database';
import { storedRecords } from '../../utils/db/dataset-records';
import type { StoredAlliance, StoredCompany } from '../../utils/db/records';
import { AllianceStore } from '../../utils/db/store';
import type { Pack } from '../../utils/pack/types';
import {
  applyPack,
  type DatasetState,
  removeOrigin,
  toStoredAlliance,
  toStoredCompany,
  view,
} from '../../utils/sync/apply';

const IDS = ['a', 'b', 'c', 'd', 'e'];
const UPDATED = '2026-11-01T00:00:00Z';

const packArb = (id: string) =>
  fc
    .record({
      companies: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 5 }),
      pairs: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS)), { maxLength: 3 }),
      name: fc.constantFrom('One', 'Two'),
    })
    .map(
      ({ companies, pairs, name }): Pack => ({
        format: 'alliance-lens-pack',
        version: 1,
        pack: { id, title: id, updated: UPDATED },
        companies: companies.map((c) => ({
          id: c,
          names: { en: `${name} ${c}`, ko: `${c} 회사` },
          aliases: [`${c}-${name}`],
        })),
        alliances: pairs
          .filter(([x, y]) => x !== y && companies.includes(x) && companies.includes(y))
          .map(([x, y], i) => ({
            id: `${id}-${x}-${y}-${i}`,
            kind: 'partnership',
            name: null,
            members: [{ company: x }, { company: y }],
            since: '2024',
            until: null,
            status: 'active',
            sources: [{ url: 'https://example.com/' }],
          })),
      }),
    );

// Each install a later version (its own publish time), so the stored records' times are checked too.
const VERSION_TIMES = ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'];
const opArb = fc.oneof(
  fc.tuple(fc.constantFrom('p1', 'p2'), fc.constantFrom(...VERSION_TIMES)).chain(([origin, at]) =>
    packArb(origin).map((pack) => ({
      kind: 'install' as const,
      origin,
      pack: { ...pack, pack: { ...pack.pack, updated: at } },
    })),
  ),
  fc.constantFrom('p1', 'p2').map((origin) => ({ kind: 'remove' as const, origin })),
);

const userArb = fc.record({
  alliances: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS)), { maxLength: 2 }),
  companies: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 2 }),
});

describe('the store follows the merge model', () => {
  it('for random installs and removals around the user’s records', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        userArb,
        fc.array(opArb, { minLength: 1, maxLength: 5 }),
        async (user, ops) => {
          const name = `model-${++run}-${Math.random()}`;
          const store = new AllianceStore(new AllianceDb(name));
          try {
            const userCompanies: StoredCompany[] = user.companies.map((c) =>
              toStoredCompany(
                { id: c, names: { en: `Mine ${c}`, ko: `내 ${c}` }, aliases: [] },
                'user',
                UPDATED,
              ),
            );
            const userAlliances: StoredAlliance[] = user.alliances
              .filter(([x, y]) => x !== y)
              .map(([x, y], i) =>
                toStoredAlliance(
                  {
                    id: `mine-${i}`,
                    kind: 'investment',
                    name: null,
                    members: [{ company: x }, { company: y }],
                    since: '2025',
                    until: null,
                    status: 'announced',
                    sources: [{ url: 'https://example.com/mine' }],
                  },
                  'user',
                  UPDATED,
                ),
              );
            await store.db.companies.bulkPut(userCompanies);
            await store.db.alliances.bulkPut(userAlliances);
            let model: DatasetState = { companies: userCompanies, alliances: userAlliances };
            for (const op of ops) {
              if (op.kind === 'install') {
                model = applyPack(model, op.origin, op.pack, op.pack.pack.updated);
                await store.installPack(op.pack, { origin: op.origin });
              } else {
                model = removeOrigin(model, op.origin);
                await store.removePack(op.origin);
              }
            }
            const priorities = new Map(
              (await store.listPacks()).map((p) => [p.origin, p.priority]),
            );
            const expected = view(model, priorities);
            const byId = <T extends { id: string }>(xs: T[]) =>
              [...xs].sort((a, b) => a.id.localeCompare(b.id));
            expect(byId(await store.mergedCompanies())).toEqual(expected.companies);
            expect(byId(await store.mergedAlliances())).toEqual(expected.alliances);
            // The stored records themselves, stamps included: only changed records are rewritten.
            const byKey = <T extends { origin: string; id: string }>(xs: T[]) =>
              [...xs].sort((a, b) =>
                `${a.origin}\u0000${a.id}`.localeCompare(`${b.origin}\u0000${b.id}`),
              );
            const stored = await storedRecords(store.db);
            expect(byKey(stored.companies)).toEqual(byKey(model.companies));
            expect(byKey(stored.alliances)).toEqual(byKey(model.alliances));
          } finally {
            store.db.close();
            await Dexie.delete(name);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
