import { describe, expect, it } from 'vitest';
import {
  activeAt,
  addMonths,
  buildGraph,
  comparePartial,
  type Graph,
  KIND_COLORS,
  monthsBetween,
  timeRange,
} from '../../utils/graph/build';
import { forceLayout } from '../../utils/graph/layout';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { ALLIANCE_KINDS, type AllianceKind, type AllianceStatus } from '../../utils/pack/types';

function company(id: string, en: string, ko: string): CompanyView {
  return { id, names: { en, ko }, aliases: [], origins: ['bundled'] };
}

function alliance(
  id: string,
  kind: AllianceKind,
  members: string[],
  extra: Partial<Pick<AllianceView, 'name' | 'since' | 'until' | 'status'>> = {},
): AllianceView {
  return {
    id,
    kind,
    name: null,
    members: members.map((company) => ({ company })),
    since: null,
    until: null,
    status: 'active',
    sources: [],
    origin: 'bundled',
    overridden: false,
    ...extra,
  };
}

const companies = [
  company('openai', 'OpenAI', '오픈AI'),
  company('microsoft', 'Microsoft', '마이크로소프트'),
  company('oracle', 'Oracle', '오라클'),
  company('softbank', 'SoftBank', '소프트뱅크'),
  company('sk-telecom', 'SK Telecom', 'SK텔레콤'),
  company('deutsche-telekom', 'Deutsche Telekom', '도이치텔레콤'),
  company('singtel', 'Singtel', '싱텔'),
  company('anthropic', 'Anthropic', '앤트로픽'),
  company('amazon', 'Amazon', '아마존'),
  company('google', 'Google', '구글'),
  company('loner', 'Loner', '외톨이'),
];

const alliances = [
  alliance('msft-openai', 'investment', ['microsoft', 'openai'], { since: '2019-07' }),
  alliance('stargate', 'joint-venture', ['openai', 'oracle', 'softbank'], {
    name: { en: 'Stargate', ko: '스타게이트' },
    since: '2025-01',
  }),
  alliance('gtaa', 'consortium', ['sk-telecom', 'deutsche-telekom', 'singtel'], {
    name: { en: 'Global Telco AI Alliance', ko: '글로벌 텔코 AI 얼라이언스' },
    since: '2023-07',
  }),
  alliance('amazon-anthropic', 'investment', ['amazon', 'anthropic'], { since: '2023-09' }),
  alliance('google-anthropic', 'investment', ['google', 'anthropic'], {
    since: '2020-09',
    until: '2022-02',
    status: 'ended',
  }),
  alliance('skt-anthropic', 'partnership', ['sk-telecom', 'anthropic'], { status: 'announced' }),
  // Unnamed with three members: a hub too, labelled by kind.
  alliance('trio', 'supply', ['microsoft', 'oracle', 'google'], { since: '2024' }),
];

const ids = (g: Graph, kind?: 'company' | 'hub') =>
  g.nodes
    .filter((n) => !kind || n.kind === kind)
    .map((n) => n.id)
    .sort();
const allianceIds = (g: Graph) => [...new Set(g.edges.map((e) => e.allianceId))].sort();
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id);

describe('buildGraph', () => {
  it('draws named and multi-party alliances as hubs joined to each member, not cliques', () => {
    const g = buildGraph(companies, alliances, { lang: 'en', kindName: (k) => `kind:${k}` });
    expect(ids(g, 'hub')).toEqual(['hub:gtaa', 'hub:stargate', 'hub:trio']);
    const stargate = node(g, 'hub:stargate')!;
    expect(stargate).toMatchObject({ kind: 'hub', label: 'Stargate', allianceId: 'stargate' });
    expect(node(g, 'hub:trio')!.label).toBe('kind:supply');
    const spokes = g.edges.filter((e) => e.allianceId === 'stargate');
    expect(spokes.map((e) => [e.source, e.target])).toEqual([
      ['hub:stargate', 'openai'],
      ['hub:stargate', 'oracle'],
      ['hub:stargate', 'softbank'],
    ]);
    expect(spokes.every((e) => e.allianceKind === 'joint-venture')).toBe(true);
    // A bilateral tie is one edge between the two companies.
    expect(g.edges.filter((e) => e.allianceId === 'msft-openai')).toEqual([
      {
        id: 'e:msft-openai',
        source: 'microsoft',
        target: 'openai',
        allianceKind: 'investment',
        allianceId: 'msft-openai',
        status: 'active',
      },
    ]);
    // 3 + 3 + 3 spokes and 4 bilateral edges.
    expect(g.edges).toHaveLength(13);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(13);
  });

  it('counts ties: alliances per company, members per hub; companies without ties are left out', () => {
    const g = buildGraph(companies, alliances, { lang: 'en' });
    expect(node(g, 'openai')!.degree).toBe(2);
    expect(node(g, 'anthropic')!.degree).toBe(3);
    expect(node(g, 'softbank')!.degree).toBe(1);
    expect(node(g, 'hub:gtaa')!.degree).toBe(3);
    expect(node(g, 'loner')).toBeUndefined();
    expect(node(buildGraph(companies, alliances, { lang: 'en', isolated: true }), 'loner')).toEqual(
      { id: 'loner', label: 'Loner', kind: 'company', degree: 0 },
    );
  });

  it('labels companies and hubs in the UI language', () => {
    const ko = buildGraph(companies, alliances, { lang: 'ko' });
    expect(node(ko, 'openai')!.label).toBe('오픈AI');
    expect(node(ko, 'hub:gtaa')!.label).toBe('글로벌 텔코 AI 얼라이언스');
    const en = buildGraph(companies, alliances, { lang: 'en' });
    expect(node(en, 'openai')!.label).toBe('OpenAI');
    // A missing Korean name falls back to English.
    const partial = buildGraph(
      [company('a', 'Alpha', ''), company('b', 'Beta', '베타')],
      [alliance('ab', 'partnership', ['a', 'b'], { name: { en: 'Alpha-Beta' } })],
      { lang: 'ko' },
    );
    expect(node(partial, 'a')!.label).toBe('Alpha');
    expect(node(partial, 'hub:ab')!.label).toBe('Alpha-Beta');
  });

  it('filters by kind and status', () => {
    const investments = buildGraph(companies, alliances, {
      lang: 'en',
      kinds: new Set<AllianceKind>(['investment']),
    });
    expect(allianceIds(investments)).toEqual([
      'amazon-anthropic',
      'google-anthropic',
      'msft-openai',
    ]);
    expect(ids(investments, 'hub')).toEqual([]);
    expect(ids(investments)).toEqual(['amazon', 'anthropic', 'google', 'microsoft', 'openai']);
    expect(node(investments, 'anthropic')!.degree).toBe(2);

    const notEnded = buildGraph(companies, alliances, {
      lang: 'en',
      statuses: new Set<AllianceStatus>(['announced', 'active']),
    });
    expect(allianceIds(notEnded)).not.toContain('google-anthropic');
    expect(allianceIds(notEnded)).toContain('skt-anthropic');
    const announced = buildGraph(companies, alliances, {
      lang: 'en',
      statuses: new Set<AllianceStatus>(['announced']),
    });
    expect(allianceIds(announced)).toEqual(['skt-anthropic']);
  });

  it('replays time: an alliance shows from its since until its until; no since means always', () => {
    const at = (month: string) =>
      allianceIds(buildGraph(companies, alliances, { lang: 'en', at: month }));
    expect(at('2024-06')).toContain('msft-openai'); // 2019-07..null
    expect(at('2019-06')).not.toContain('msft-openai');
    expect(at('2019-07')).toContain('msft-openai');
    expect(at('2021-01')).toContain('google-anthropic'); // 2020-09..2022-02
    expect(at('2022-02')).toContain('google-anthropic');
    expect(at('2023-01')).not.toContain('google-anthropic');
    expect(at('2020-08')).not.toContain('google-anthropic');
    expect(at('2000-01')).toEqual(['skt-anthropic']); // no since: always
    expect(at('2024-01')).toContain('trio'); // since '2024' covers the whole year
    expect(at('2023-12')).not.toContain('trio');
  });

  it('centres on a company one or two steps out, or everything connected', () => {
    const one = buildGraph(companies, alliances, { lang: 'en', focusIds: ['openai'], depth: 1 });
    expect(ids(one, 'company')).toEqual(['microsoft', 'openai', 'oracle', 'softbank']);
    expect(allianceIds(one)).toEqual(['msft-openai', 'stargate']);

    const two = buildGraph(companies, alliances, { lang: 'en', focusIds: ['openai'], depth: 2 });
    // Two steps reach Google through the supply trio, and its tie to Microsoft and Oracle shows.
    expect(ids(two, 'company')).toEqual(['google', 'microsoft', 'openai', 'oracle', 'softbank']);
    expect(allianceIds(two)).toEqual(['msft-openai', 'stargate', 'trio']);

    const all = buildGraph(companies, alliances, {
      lang: 'en',
      focusIds: ['openai'],
      depth: 'all',
    });
    expect(ids(all, 'company')).toEqual([
      'amazon',
      'anthropic',
      'deutsche-telekom',
      'google',
      'microsoft',
      'openai',
      'oracle',
      'singtel',
      'sk-telecom',
      'softbank',
    ]);
  });

  it('unites the neighbourhoods of several focused companies and keeps a focused loner', () => {
    const g = buildGraph(companies, alliances, {
      lang: 'en',
      focusIds: ['softbank', 'amazon', 'loner', 'no-such-company'],
      depth: 1,
    });
    expect(ids(g, 'company')).toEqual([
      'amazon',
      'anthropic',
      'loner',
      'openai',
      'oracle',
      'softbank',
    ]);
    expect(allianceIds(g)).toEqual(['amazon-anthropic', 'stargate']);
    expect(node(g, 'loner')!.degree).toBe(0);
  });

  it('applies filters before the focus: a hidden alliance does not carry the neighbourhood', () => {
    const g = buildGraph(companies, alliances, {
      lang: 'en',
      focusIds: ['openai'],
      depth: 2,
      kinds: new Set<AllianceKind>(['investment']),
    });
    expect(ids(g)).toEqual(['microsoft', 'openai']);
  });

  it('ignores unknown and repeated members', () => {
    const g = buildGraph(
      [company('a', 'A', 'A'), company('b', 'B', 'B')],
      [
        alliance('ab', 'partnership', ['a', 'b', 'b', 'ghost']),
        alliance('a-ghost', 'partnership', ['a', 'ghost']),
      ],
      { lang: 'en' },
    );
    expect(g.edges.map((e) => e.id)).toEqual(['e:ab']);
    expect(node(g, 'a')!.degree).toBe(1);
  });

  // How long this takes is measured by the benchmark (tests/bench/graph-bench-lib.ts).
  it('builds and lays out 2,000 companies and 5,000 alliances', () => {
    const many: CompanyView[] = [];
    for (let i = 0; i < 2000; i++) many.push(company(`c${i}`, `Company ${i}`, `기업 ${i}`));
    const ties: AllianceView[] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 5000; i++) {
      const hub = i % 50 === 0;
      const size = hub ? 3 + rand(30) : 2;
      const members = Array.from({ length: size }, () => `c${rand(2000)}`);
      ties.push(
        alliance(`a${i}`, ALLIANCE_KINDS[i % ALLIANCE_KINDS.length]!, members, {
          name: hub ? { en: `Alliance ${i}` } : null,
          since: `${2010 + rand(15)}-${String(1 + rand(12)).padStart(2, '0')}`,
          until: i % 7 === 0 ? '2024-12' : null,
        }),
      );
    }
    const g = buildGraph(many, ties, { lang: 'en' });
    const positions = forceLayout(
      g.nodes.map((n) => ({ id: n.id, weight: n.degree })),
      g.edges,
    );
    expect(g.nodes.length).toBeGreaterThan(1900);
    expect(positions.size).toBe(g.nodes.length);
    for (const p of positions.values())
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('time helpers', () => {
  it('compares partial dates on their common prefix', () => {
    expect(comparePartial('2019', '2019-07')).toBe(0);
    expect(comparePartial('2019-07-15', '2019-07')).toBe(0);
    expect(comparePartial('2019-06', '2019-07')).toBe(-1);
    expect(comparePartial('2020', '2019-12')).toBe(1);
    expect(activeAt({ since: '2022-02-28', until: null }, '2022-02')).toBe(true);
    expect(activeAt({ since: null, until: '2020' }, '2020-12')).toBe(true);
    expect(activeAt({ since: null, until: '2020' }, '2021-01')).toBe(false);
  });

  it('spans from the earliest since to the current month', () => {
    const now = new Date(Date.UTC(2026, 10, 29));
    expect(timeRange(alliances, now)).toEqual({ start: '2019-07', end: '2026-11' });
    expect(timeRange([{ since: '2015' }, { since: null }], now)).toEqual({
      start: '2015-01',
      end: '2026-11',
    });
    expect(timeRange([], now)).toEqual({ start: '2026-11', end: '2026-11' });
  });

  it('steps months', () => {
    expect(addMonths('2019-11', 3)).toBe('2020-02');
    expect(addMonths('2020-01', -1)).toBe('2019-12');
    expect(monthsBetween('2019-07', '2020-02')).toBe(7);
  });
});

describe('KIND_COLORS', () => {
  it('gives every kind its own colour', () => {
    const colours = ALLIANCE_KINDS.map((k) => KIND_COLORS[k]);
    expect(new Set(colours).size).toBe(ALLIANCE_KINDS.length);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps contrast against the light and the dark background', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (const k of ALLIANCE_KINDS) {
      // 3:1 is WCAG's minimum for graphical objects.
      expect(contrast(KIND_COLORS[k], '#ffffff'), k).toBeGreaterThanOrEqual(2.5);
      expect(contrast(KIND_COLORS[k], '#15181f'), k).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('forceLayout', () => {
  it('is deterministic and keeps tied nodes closer than untied ones', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
      { source: 'd', target: 'e' },
      { source: 'e', target: 'f' },
      { source: 'd', target: 'f' },
      { source: 'c', target: 'd' },
    ];
    const p = forceLayout(nodes, edges);
    expect(forceLayout(nodes, edges)).toEqual(p);
    const dist = (x: string, y: string) =>
      Math.hypot(p.get(x)!.x - p.get(y)!.x, p.get(x)!.y - p.get(y)!.y);
    expect(dist('a', 'b')).toBeLessThan(dist('a', 'f'));
    expect(dist('d', 'e')).toBeLessThan(dist('b', 'f'));
    // No two nodes on top of each other.
    for (const x of nodes) {
      for (const y of nodes) if (x !== y) expect(dist(x.id, y.id)).toBeGreaterThan(10);
    }
  });
});
