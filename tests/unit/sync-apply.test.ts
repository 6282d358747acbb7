import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKeptCopy, userReferencedCompanies } from '../../utils/db/kept';
import type { StoredAlliance, StoredCompany } from '../../utils/db/records';
import { sameRecord } from '../../utils/db/replace-plan';
import { allianceAliasKeys, companyAliasKeys } from '../../utils/db/stamp';
import { packContent } from '../../utils/pack/content';
import type { Alliance, Company, Pack, Source } from '../../utils/pack/types';
import { ALLIANCE_KINDS, ALLIANCE_STATUSES } from '../../utils/pack/types';
import {
  applyPack,
  type DatasetState,
  removeOrigin,
  toStoredAlliance,
  toStoredCompany,
  view,
} from '../../utils/sync/apply';
import { samplePack } from '../support/packs';

// A small shared id space, so packs and the user's records overlap often.
const COMPANY_IDS = ['a', 'b', 'c', 'd', 'e'];
const ALLIANCE_IDS = ['x', 'y', 'z', 'w'];
const PACK_ORIGINS = ['p1', 'p2', 'p3', 'bundled'];
const RUNS = 200;

const companyArb = (ids: string[] = COMPANY_IDS): fc.Arbitrary<Company> =>
  fc
    .record(
      {
        id: fc.constantFrom(...ids),
        names: fc.record({
          en: fc.constantFrom('Alpha', 'Beta', 'Gamma Corp'),
          ko: fc.constantFrom('알파', '베타', '감마'),
        }),
        aliases: fc.subarray(['Alpha', 'AL', '알파', 'Beta Inc', '베타']),
        wikidata: fc.constantFrom('Q1', 'Q2'),
        homepage: fc.constantFrom('https://a.example', 'https://b.example'),
      },
      { requiredKeys: ['id', 'names', 'aliases'] },
    )
    .map((c) => c as Company);

const allianceArb: fc.Arbitrary<Alliance> = fc
  .record({
    id: fc.constantFrom(...ALLIANCE_IDS),
    kind: fc.constantFrom(...ALLIANCE_KINDS),
    name: fc.option(fc.record({ en: fc.constantFrom('Pact', 'Group') }), { nil: null }),
    members: fc
      .uniqueArray(fc.constantFrom(...COMPANY_IDS), { minLength: 2, maxLength: 3 })
      .map((ids) => ids.map((company) => ({ company }))),
    since: fc.option(fc.constantFrom('2023', '2024-06'), { nil: null }),
    until: fc.constant(null),
    status: fc.constantFrom(...ALLIANCE_STATUSES),
    sources: fc.constant<Source[]>([{ url: 'https://news.example/1' }]),
  })
  .map((a) => a as Alliance);

const packArb: fc.Arbitrary<Pack> = fc
  .record({
    companies: fc.uniqueArray(companyArb(), { selector: (c) => c.id, maxLength: 5 }),
    alliances: fc.uniqueArray(allianceArb, { selector: (a) => a.id, maxLength: 3 }),
    removed: fc.uniqueArray(
      fc.oneof(
        fc.record({ type: fc.constant('company' as const), id: fc.constantFrom(...COMPANY_IDS) }),
        fc.record({ type: fc.constant('alliance' as const), id: fc.constantFrom(...ALLIANCE_IDS) }),
      ),
      { selector: (r) => `${r.type}:${r.id}`, maxLength: 2 },
    ),
    title: fc.constantFrom('One', 'Two'),
  })
  .map(({ companies, alliances, removed, title }) => ({
    format: 'alliance-lens-pack' as const,
    version: 1 as const,
    pack: { id: 'gen', title, updated: '2026-11-01T00:00:00Z' },
    companies,
    alliances,
    removed,
  }));

const updatedArb = fc.constantFrom('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');

const USER_TIME = '2026-09-09T09:09:09Z';

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The user's records: companies, alliances naming the shared ids, and tombstones of either. */
const userArb: fc.Arbitrary<DatasetState> = fc
  .record({
    companies: fc.uniqueArray(fc.record({ company: companyArb(), deleted: fc.boolean() }), {
      selector: (r) => r.company.id,
      maxLength: 3,
    }),
    alliances: fc.uniqueArray(fc.record({ alliance: allianceArb, deleted: fc.boolean() }), {
      selector: (r) => r.alliance.id,
      maxLength: 3,
    }),
  })
  .map(({ companies, alliances }) => ({
    // Sorted by id, as every state applyPack returns is.
    companies: byId(
      companies.map(({ company, deleted }) => {
        const c = toStoredCompany(company, 'user', USER_TIME);
        return deleted ? { ...c, deleted: true, aliasKeys: [] } : c;
      }),
    ),
    alliances: byId(
      alliances.map(({ alliance, deleted }) => {
        const a = toStoredAlliance(alliance, 'user', USER_TIME);
        return deleted ? { ...a, deleted: true, aliasKeys: [], memberIds: [] } : a;
      }),
    ),
  }));

type Op =
  | { type: 'apply'; origin: string; pack: Pack; updated: string }
  | { type: 'remove'; origin: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('apply' as const),
      origin: fc.constantFrom(...PACK_ORIGINS),
      pack: packArb,
      updated: updatedArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('remove' as const),
      origin: fc.constantFrom(...PACK_ORIGINS),
    }),
  },
);

function run(state: DatasetState, op: Op): DatasetState {
  return op.type === 'apply'
    ? applyPack(state, op.origin, op.pack, op.updated)
    : removeOrigin(state, op.origin);
}

/** A starting state: the user's records, then a few packs installed. */
const stateArb: fc.Arbitrary<DatasetState> = fc
  .tuple(userArb, fc.array(opArb, { maxLength: 4 }))
  .map(([user, ops]) => ops.reduce(run, user));

const prioritiesArb = fc
  .shuffledSubarray(PACK_ORIGINS, { minLength: PACK_ORIGINS.length })
  .map((order) => new Map(order.map((origin, i) => [origin, i * 10])));

const userRecords = (s: DatasetState) => ({
  companies: s.companies.filter((c) => c.origin === 'user'),
  alliances: s.alliances.filter((a) => a.origin === 'user'),
});

/** A record's content: what a pack says, without the stamps the store adds. */
function contentOf(r: StoredCompany | StoredAlliance): { id: string } {
  const { origin: _o, updated: _u, aliasKeys: _k, deleted: _d, ...rest } = r as StoredAlliance;
  const { memberIds: _m, ...content } = rest;
  return content;
}

/** Companies the user's live alliances name and the user has not deleted themselves. */
function protectedIds(s: DatasetState): string[] {
  const tombstoned = new Set(
    s.companies.filter((c) => c.origin === 'user' && c.deleted).map((c) => c.id),
  );
  return [...userReferencedCompanies(s.alliances)].filter((id) => !tombstoned.has(id));
}

describe('applyPack properties', () => {
  it('(1) applying the same pack twice equals applying it once', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...PACK_ORIGINS), packArb, updatedArb, (s, o, p, u) => {
        const once = applyPack(s, o, p, u);
        expect(applyPack(once, o, p, u)).toEqual(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('(2) removing a pack then adding it again restores the same view (and records)', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.constantFrom(...PACK_ORIGINS),
        packArb,
        updatedArb,
        prioritiesArb,
        (s, o, p, u, priorities) => {
          const installed = applyPack(s, o, p, u);
          const again = applyPack(removeOrigin(installed, o), o, p, u);
          expect(view(again, priorities)).toEqual(view(installed, priorities));
          expect(again).toEqual(installed);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("(3) the user's records are never changed; the only additions are kept copies of companies their alliances name", () => {
    fc.assert(
      fc.property(userArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), (user, ops) => {
        const before = structuredClone(user);
        const after = ops.reduce(run, user);
        const mine = userRecords(after);
        // Every pre-existing user record is still there, deep-equal.
        expect(mine.alliances).toEqual(before.alliances);
        for (const c of before.companies) expect(mine.companies).toContainEqual(c);
        // Every added one is a kept copy of a company a live user alliance names.
        const referenced = userReferencedCompanies(after.alliances);
        const added = mine.companies.filter((c) => !before.companies.some((b) => b.id === c.id));
        expect(added.length).toBe(mine.companies.length - before.companies.length);
        for (const c of added) {
          expect(isKeptCopy(c)).toBe(true);
          expect(referenced.has(c.id)).toBe(true);
          expect(c.deleted).toBeUndefined();
        }
        // The input was not mutated.
        expect(user).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("(4) after applyPack the origin's records are exactly the pack's minus `removed`", () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...PACK_ORIGINS), packArb, updatedArb, (s, o, p, u) => {
        const next = applyPack(s, o, p, u);
        const removed = new Set((p.removed ?? []).map((r) => `${r.type}:${r.id}`));
        const companies = next.companies.filter((c) => c.origin === o);
        const alliances = next.alliances.filter((a) => a.origin === o);
        expect(byId(companies.map(contentOf))).toEqual(
          byId(p.companies.filter((c) => !removed.has(`company:${c.id}`))),
        );
        expect(byId(alliances.map(contentOf))).toEqual(
          byId(p.alliances.filter((a) => !removed.has(`alliance:${a.id}`))),
        );
        // A record the version changed or brought carries its time; one it left as it
        // was keeps the time of the version that last changed it.
        const before = (xs: { origin: string; id: string; updated: string }[], id: string) =>
          xs.find((r) => r.origin === o && r.id === id);
        for (const [records, previous] of [
          [companies, s.companies],
          [alliances, s.alliances],
        ] as const)
          for (const r of records) {
            const old = before(previous, r.id);
            expect(r.updated).toBe(old && sameRecord(old, r) ? old.updated : u);
          }
        // Other origins are untouched.
        const others = (xs: { origin: string }[]) =>
          xs.filter((r) => r.origin !== o && r.origin !== 'user');
        expect(others(next.companies)).toEqual(others(s.companies));
        expect(others(next.alliances)).toEqual(others(s.alliances));
      }),
      { numRuns: RUNS },
    );
  });

  it('(5) a company a user alliance names, once in the view, stays in it', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        prioritiesArb,
        (start, ops, priorities) => {
          let state = start;
          for (const op of ops) {
            const shown = new Set(view(state, priorities).companies.map((c) => c.id));
            const next = run(state, op);
            const nextShown = new Set(view(next, priorities).companies.map((c) => c.id));
            for (const id of protectedIds(next)) {
              if (shown.has(id)) expect(nextShown.has(id)).toBe(true);
            }
            state = next;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps output sorted by [origin, id] and never holds two records of one origin and id', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        for (const xs of [s.companies, s.alliances] as { origin: string; id: string }[][]) {
          const keys = xs.map((r) => `${r.origin}\u0000${r.id}`);
          expect(keys).toEqual([...keys].sort());
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('applyPack examples', () => {
  const empty: DatasetState = { companies: [], alliances: [] };

  it('replaces the previous version: dropped and removed records disappear', () => {
    const v1 = samplePack();
    const s1 = applyPack(empty, 'sample', v1, v1.pack.updated);
    expect(s1.companies.map((c) => c.id)).toEqual(['apple', 'microsoft', 'openai', 'oracle']);
    const v2 = samplePack({ updated: '2026-12-01T00:00:00Z' });
    v2.companies = v2.companies.filter((c) => c.id !== 'oracle');
    v2.alliances = v2.alliances.filter((a) => a.id !== 'oci-azure-openai');
    v2.removed = [{ type: 'alliance', id: 'apple-openai' }];
    const s2 = applyPack(s1, 'sample', v2, v2.pack.updated);
    expect(s2.companies.map((c) => c.id)).toEqual(['apple', 'microsoft', 'openai']);
    expect(s2.alliances.map((a) => a.id)).toEqual(['microsoft-openai']);
    // Nothing in the kept records changed: they keep the time of the version that wrote them.
    expect(new Set(s2.companies.map((c) => c.updated))).toEqual(new Set([v1.pack.updated]));
  });

  it('stamps a record with the new version’s time only when its content changed', () => {
    const v1 = samplePack();
    const s1 = applyPack(empty, 'sample', v1, v1.pack.updated);
    const v2 = samplePack({ updated: '2026-12-01T00:00:00Z' });
    const openai = v2.companies.find((c) => c.id === 'openai');
    if (!openai) throw new Error('the sample pack has openai');
    openai.aliases = [...(openai.aliases ?? []), 'Open A.I.'];
    const s2 = applyPack(s1, 'sample', v2, v2.pack.updated);
    const times = Object.fromEntries(s2.companies.map((c) => [c.id, c.updated]));
    expect(times).toEqual({
      apple: v1.pack.updated,
      microsoft: v1.pack.updated,
      openai: v2.pack.updated,
      oracle: v1.pack.updated,
    });
    expect(s2.companies.find((c) => c.id === 'openai')?.aliases).toContain('Open A.I.');
  });

  it("keeps a user-owned copy of a company the user's alliance names when the last pack drops it", () => {
    const pack = samplePack();
    const mine = toStoredAlliance(
      {
        id: 'my-deal',
        kind: 'partnership',
        name: null,
        members: [{ company: 'oracle' }, { company: 'apple' }],
        since: null,
        until: null,
        status: 'announced',
        sources: [],
      },
      'user',
      USER_TIME,
    );
    const s1 = applyPack({ companies: [], alliances: [mine] }, 'sample', pack, pack.pack.updated);
    const s2 = removeOrigin(s1, 'sample');
    expect(s2.alliances).toEqual([mine]);
    const kept = s2.companies;
    expect(kept.map((c) => [c.id, c.origin])).toEqual([
      ['apple', 'user'],
      ['oracle', 'user'],
    ]);
    const oracle = s1.companies.find((c) => c.id === 'oracle')!;
    expect(kept[1]).toEqual({ ...oracle, origin: 'user', keptFrom: 'sample' });
    expect(kept[1]!.updated).toBe(pack.pack.updated);
    expect(view(s2, new Map()).companies.map((c) => [c.id, c.origins])).toEqual([
      ['apple', ['user']],
      ['oracle', ['user']],
    ]);
    // Once a pack describes the company again, the copy steps aside for it.
    const s3 = applyPack(s2, 'other', pack, '2027-01-01T00:00:00Z');
    expect(s3.companies.filter((c) => c.origin === 'user')).toEqual([]);
  });

  it("makes no copy when the user's own record or tombstone is there, or for a tombstoned alliance", () => {
    const pack = samplePack();
    const own = toStoredCompany(pack.companies[0]!, 'user', USER_TIME);
    const deal = toStoredAlliance(pack.alliances[0]!, 'user', USER_TIME);
    const dead = { ...toStoredAlliance(pack.alliances[1]!, 'user', USER_TIME), deleted: true };
    const s1 = applyPack({ companies: [own], alliances: [deal, dead] }, 'p', pack, 't');
    const s2 = removeOrigin(s1, 'p');
    // microsoft-openai names microsoft and openai; openai is the user's own. apple-openai is deleted.
    expect(s2.companies.map((c) => [c.id, isKeptCopy(c)])).toEqual([
      ['microsoft', true],
      ['openai', false],
    ]);
  });

  it("refuses to treat the user's records as a pack", () => {
    expect(() => applyPack({ companies: [], alliances: [] }, 'user', samplePack(), 't')).toThrow();
    expect(() => removeOrigin({ companies: [], alliances: [] }, 'user')).toThrow();
  });

  it('stamps records with the same alias keys as the database does', () => {
    fc.assert(
      fc.property(companyArb(), allianceArb, (c, a) => {
        expect(toStoredCompany(c, 'p', 't').aliasKeys).toEqual(companyAliasKeys(c));
        expect(toStoredAlliance(a, 'p', 't').aliasKeys).toEqual(allianceAliasKeys(a));
      }),
      { numRuns: 50 },
    );
    const named = samplePack().alliances[2]!;
    expect(toStoredAlliance(named, 'p', 't').aliasKeys).toEqual(allianceAliasKeys(named));
  });

  it('packContent drops `removed` records and keeps the last of duplicate ids', () => {
    const p = samplePack();
    p.companies.push({ ...p.companies[0]!, aliases: ['X'] });
    p.removed = [{ type: 'company', id: 'apple' }];
    const c = packContent(p).companies;
    expect(c.map((x) => x.id)).toEqual(['openai', 'microsoft', 'oracle']);
    expect(c[0]!.aliases).toEqual(['X']);
  });
});
