// The pure rules of "what's new" (utils/db/whats-new.ts).
import { describe, expect, it } from 'vitest';
import {
  type ArrivalBatch,
  broughtIds,
  expiredBatches,
  latestArrivals,
  newAlliancesOf,
  presentIds,
  unacknowledged,
} from '../../utils/db/whats-new';

const batch = (seq: number, at: string, ids: string[]): ArrivalBatch => ({
  seq,
  at,
  origin: 'extra',
  title: 'Extra',
  ids,
});
const alliance = (id: string, ...companies: string[]) => ({
  id,
  members: companies.map((company) => ({ company })),
});

describe('presentIds', () => {
  const keys = [
    ['bundled', 'a'],
    ['extra', 'b'],
    ['user', 'c'],
    ['off', 'd'],
  ] as const;

  it('counts every origin, minus ids a tombstone hides', () => {
    expect([...presentIds(keys, new Set(['c']))].sort()).toEqual(['a', 'b', 'd']);
  });

  it('leaves out disabled origins when asked (the merged view)', () => {
    expect([...presentIds(keys, new Set(), new Set(['off']))].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('broughtIds', () => {
  it('is empty for the first install into an empty database (the baseline)', () => {
    expect(broughtIds(['a', 'b'], new Set())).toEqual([]);
  });

  it('is the ids no origin had, each once', () => {
    expect(broughtIds(['a', 'x', 'x', 'y'], new Set(['a', 'b']))).toEqual(['x', 'y']);
  });

  it('is empty for a replacement bringing only known ids', () => {
    expect(broughtIds(['a'], new Set(['a', 'b']))).toEqual([]);
  });
});

describe('expiredBatches', () => {
  const now = new Date('2026-12-06T00:00:00Z');

  it('forgets batches older than the kept days, never the newest', () => {
    const batches = [
      batch(1, '2026-06-01T00:00:00Z', ['a']),
      batch(2, '2026-11-30T00:00:00Z', ['b']),
    ];
    expect(expiredBatches(batches, now)).toEqual([1]);
    expect(expiredBatches([batches[0]!], now)).toEqual([]);
  });

  it('keeps at most the newest N batches', () => {
    const batches = [1, 2, 3, 4].map((s) => batch(s, '2026-12-01T00:00:00Z', [`x${s}`]));
    const limits = { days: 90, batches: 2, seenCompanies: 10 };
    expect(expiredBatches(batches, now, limits).sort()).toEqual([1, 2]);
  });
});

describe('newAlliancesOf', () => {
  const batches = [
    batch(1, '2026-12-01T00:00:00Z', ['ms-oa']),
    batch(3, '2026-12-03T00:00:00Z', ['ap-oa']),
  ];
  const latest = latestArrivals(batches);
  const alliances = [
    alliance('ms-oa', 'ms', 'oa'),
    alliance('ap-oa', 'ap', 'oa'),
    alliance('old', 'oa', 'ms'),
  ];

  it('marks, for a company never seen, everything that arrived after the baseline', () => {
    expect(newAlliancesOf(['oa'], alliances, latest, new Map())).toEqual({
      oa: ['ms-oa', 'ap-oa'],
    });
  });

  it('marks only what arrived after the company was last seen', () => {
    const seen = new Map([['oa', 1]]);
    expect(newAlliancesOf(['oa', 'ms'], alliances, latest, seen)).toEqual({
      oa: ['ap-oa'],
      ms: ['ms-oa'],
    });
    expect(newAlliancesOf(['oa'], alliances, latest, new Map([['oa', 3]]))).toEqual({});
  });

  it('answers only for the companies asked about', () => {
    expect(newAlliancesOf(['ap'], alliances, latest, new Map())).toEqual({ ap: ['ap-oa'] });
  });

  it('uses the latest arrival of an id that came twice', () => {
    const again = latestArrivals([...batches, batch(5, '2026-12-05T00:00:00Z', ['ms-oa'])]);
    expect(newAlliancesOf(['ms'], alliances, again, new Map([['ms', 3]]))).toEqual({
      ms: ['ms-oa'],
    });
  });
});

describe('unacknowledged', () => {
  const batches = [
    batch(1, '2026-12-01T00:00:00Z', ['a', 'b']),
    batch(2, '2026-12-02T00:00:00Z', ['gone']),
    batch(4, '2026-12-04T00:00:00Z', ['c', 'a']),
  ];

  it('counts present ids once, newest first, since the first batch that still has one', () => {
    const r = unacknowledged(batches, 0, new Set(['a', 'b', 'c']));
    expect(r).toEqual({ ids: ['c', 'a', 'b'], since: '2026-12-01T00:00:00Z', upTo: 4 });
  });

  it('leaves out what was dismissed and what is no longer in the merged view', () => {
    expect(unacknowledged(batches, 1, new Set(['a', 'b', 'c']))).toEqual({
      ids: ['c', 'a'],
      since: '2026-12-04T00:00:00Z',
      upTo: 4,
    });
    expect(unacknowledged(batches, 0, new Set()).ids).toEqual([]);
    expect(unacknowledged(batches, 4, new Set(['a'])).since).toBeNull();
  });
});
