import { describe, expect, it } from 'vitest';
import { addSource, findDuplicate, withinWindow } from '../../utils/clip/duplicates';
import type { AllianceView } from '../../utils/pack/merge';
import type { Alliance, AllianceKind, PartialDate } from '../../utils/pack/types';

function view(
  id: string,
  kind: AllianceKind,
  members: string[],
  since: PartialDate | null,
): AllianceView {
  return {
    id,
    kind,
    name: null,
    members: members.map((company) => ({ company })),
    since,
    until: null,
    status: 'announced',
    sources: [],
    origin: 'user',
    overridden: false,
  };
}

describe('withinWindow', () => {
  it.each([
    ['2024-06-12', '2024-06-12', 0, true],
    ['2024-06-01', '2024-07-13', 42, true],
    ['2024-06-01', '2024-07-14', 42, false],
    ['2024-07-14', '2024-06-01', 42, false],
    ['2024-06', '2024-06-12', 0, true],
    ['2024', '2024-06-12', 0, true],
    ['2024-06', '2024-08-11', 42, true],
    ['2024-06', '2024-08-12', 42, false],
    ['2024', '2025-02-11', 42, true],
    ['2024', '2025-02-12', 42, false],
    ['2023', '2024', 0, false],
    ['2023', '2024', 1, true],
    [null, '2024-06-12', 0, true],
    ['2024-06-12', null, 0, true],
    ['not a date', '2024-06-12', 0, true],
  ] as const)('%s ~ %s (%i days) → %s', (a, b, days, want) => {
    expect(withinWindow(a, b, days)).toBe(want);
  });
});

describe('findDuplicate', () => {
  const existing = [
    view('old', 'partnership', ['openai', 'naver'], '2024-01-10'),
    view('recent', 'partnership', ['naver', 'openai'], '2024-06-20'),
    view('other-kind', 'investment', ['openai', 'naver'], '2024-06-20'),
    view('three', 'partnership', ['openai', 'naver', 'kakao'], '2024-06-20'),
    view('month', 'merger', ['rebellions', 'sapeon'], '2024-06'),
    view('undated', 'supply', ['samsung-electronics', 'openai'], null),
  ];

  it('same member set in any order, same kind, within the window', () => {
    const hit = findDuplicate(
      { kind: 'partnership', members: ['openai', 'naver'], since: '2024-07-01' },
      existing,
    );
    expect(hit?.id).toBe('recent');
  });

  it('prefers the newest of several matches', () => {
    const hit = findDuplicate(
      { kind: 'partnership', members: ['naver', 'openai'], since: null },
      existing,
    );
    expect(hit?.id).toBe('recent');
    const reversed = findDuplicate(
      { kind: 'partnership', members: ['naver', 'openai'], since: null },
      [...existing].reverse(),
    );
    expect(reversed?.id).toBe('recent');
  });

  it('undated alliances come after dated ones', () => {
    const list = [
      view('u', 'partnership', ['a', 'b'], null),
      view('d', 'partnership', ['a', 'b'], '2020'),
    ];
    expect(findDuplicate({ kind: 'partnership', members: ['a', 'b'], since: null }, list)?.id).toBe(
      'd',
    );
  });

  it('nothing outside the window', () => {
    expect(
      findDuplicate(
        { kind: 'partnership', members: ['openai', 'naver'], since: '2024-09-15' },
        existing,
      ),
    ).toBeNull();
    expect(
      findDuplicate(
        { kind: 'partnership', members: ['openai', 'naver'], since: '2024-09-15' },
        existing,
        90,
      )?.id,
    ).toBe('recent');
  });

  it('kind must match and every clipped member must be in the alliance, the closest set first', () => {
    expect(
      findDuplicate({ kind: 'licensing', members: ['openai', 'naver'], since: null }, existing),
    ).toBeNull();
    expect(
      findDuplicate({ kind: 'partnership', members: ['openai'], since: null }, existing),
    ).toBeNull();
    expect(
      findDuplicate(
        { kind: 'partnership', members: ['openai', 'naver', 'kakao'], since: '2024-06-21' },
        existing,
      )?.id,
    ).toBe('three');
    expect(
      findDuplicate(
        { kind: 'investment', members: ['naver', 'naver', 'openai'], since: '2024-06' },
        existing,
      )?.id,
    ).toBe('other-kind');
    // The dataset lists shareholders the news leaves out: still the same deal.
    const merger = view(
      'merger-4',
      'merger',
      ['rebellions', 'sapeon', 'sk-telecom', 'kt'],
      '2024-06-12',
    );
    expect(
      findDuplicate({ kind: 'merger', members: ['sapeon', 'rebellions'], since: '2024-07-21' }, [
        merger,
      ])?.id,
    ).toBe('merger-4');
    expect(
      findDuplicate({ kind: 'merger', members: ['sapeon', 'naver'], since: '2024-07-21' }, [
        merger,
      ]),
    ).toBeNull();
  });

  it('partial dates compare at the coarser precision', () => {
    expect(
      findDuplicate(
        { kind: 'merger', members: ['sapeon', 'rebellions'], since: '2024-06-30' },
        existing,
        0,
      )?.id,
    ).toBe('month');
    expect(
      findDuplicate(
        { kind: 'merger', members: ['sapeon', 'rebellions'], since: '2024-07-01' },
        existing,
        0,
      ),
    ).toBeNull();
  });

  it('a missing since on the existing side is within', () => {
    expect(
      findDuplicate(
        { kind: 'supply', members: ['openai', 'samsung-electronics'], since: '2030-01-01' },
        existing,
      )?.id,
    ).toBe('undated');
  });

  it('empty list', () => {
    expect(findDuplicate({ kind: 'merger', members: ['a', 'b'], since: null }, [])).toBeNull();
  });
});

describe('addSource', () => {
  const base: Alliance = {
    id: 'haneul-openai',
    kind: 'partnership',
    name: null,
    members: [{ company: 'haneul' }, { company: 'openai' }],
    since: '2024-07-21',
    until: null,
    status: 'announced',
    sources: [{ url: 'https://news.example.com/a/1/?utm_source=x', title: 'First' }],
  };

  it('appends a new article without touching the original', () => {
    const next = addSource(base, { url: 'https://news.example.com/a/2', quote: '손잡았다' });
    expect(next.sources.map((s) => s.url)).toEqual([
      'https://news.example.com/a/1/?utm_source=x',
      'https://news.example.com/a/2',
    ]);
    expect(base.sources).toHaveLength(1);
    expect(next).not.toBe(base);
  });

  it('skips the same article (tracking, hash, trailing slash, scheme)', () => {
    for (const url of [
      'https://news.example.com/a/1',
      'https://news.example.com/a/1/#comments',
      'http://news.example.com/a/1?fbclid=abc&utm_medium=social',
    ]) {
      expect(addSource(base, { url })).toBe(base);
    }
  });

  it('keeps query parameters that select the article', () => {
    const naver: Alliance = {
      ...base,
      sources: [{ url: 'https://n.news.naver.com/mnews/article/1/2?sid=105' }],
    };
    expect(
      addSource(naver, { url: 'https://n.news.naver.com/mnews/article/1/2?sid=101' }).sources,
    ).toHaveLength(2);
    expect(
      addSource(naver, { url: 'https://n.news.naver.com/mnews/article/1/2?sid=105&utm_source=a' }),
    ).toBe(naver);
  });

  it('keeps the view type', () => {
    const v = view('x', 'merger', ['a', 'b'], null);
    const next: AllianceView = addSource(v, { url: 'https://x.example/1' });
    expect(next.origin).toBe('user');
    expect(next.sources).toHaveLength(1);
  });
});
