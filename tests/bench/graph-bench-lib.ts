// The network graph's build and layout time on a synthetic dataset of 2,000 companies and
// 5,000 alliances (a deterministic generator, so every run measures the same network).
// Printed by `npm run bench` through scripts/bench-graph.mjs.
import { buildGraph } from '../../utils/graph/build';
import { forceLayout } from '../../utils/graph/layout';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { ALLIANCE_KINDS, type AllianceKind } from '../../utils/pack/types';

export interface GraphBenchFigures {
  companies: number;
  alliances: number;
  nodes: number;
  edges: number;
  /** Best of the runs, in ms. */
  buildMs: number;
  filteredMs: number;
  filteredNodes: number;
  layoutMs: number;
}

/** `count` companies and `ties` alliances; every 50th a named hub of 3–32 members. */
export function makeNetwork(
  count = 2000,
  ties = 5000,
): { companies: CompanyView[]; alliances: AllianceView[] } {
  const companies: CompanyView[] = [];
  for (let i = 0; i < count; i++) {
    companies.push({
      id: `c${i}`,
      names: { en: `Company ${i}`, ko: `기업 ${i}` },
      aliases: [],
      origins: ['bundled'],
    });
  }
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const alliances: AllianceView[] = [];
  for (let i = 0; i < ties; i++) {
    const hub = i % 50 === 0;
    const size = hub ? 3 + rand(30) : 2;
    alliances.push({
      id: `a${i}`,
      kind: ALLIANCE_KINDS[i % ALLIANCE_KINDS.length]!,
      name: hub ? { en: `Alliance ${i}` } : null,
      members: Array.from({ length: size }, () => ({ company: `c${rand(count)}` })),
      since: `${2010 + rand(15)}-${String(1 + rand(12)).padStart(2, '0')}`,
      until: i % 7 === 0 ? '2024-12' : null,
      status: 'active',
      sources: [],
      origin: 'bundled',
      overridden: false,
    });
  }
  return { companies, alliances };
}

function bestOf(runs: number, f: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function runGraphBench(runs = 3): GraphBenchFigures {
  const { companies, alliances } = makeNetwork();
  const full = buildGraph(companies, alliances, { lang: 'en' });
  const filterOpts = {
    lang: 'ko' as const,
    at: '2018-06',
    kinds: new Set<AllianceKind>(['investment', 'partnership', 'consortium']),
    focusIds: ['c1', 'c2'],
    depth: 2 as const,
  };
  const filtered = buildGraph(companies, alliances, filterOpts);
  const layoutNodes = full.nodes.map((n) => ({ id: n.id, weight: n.degree }));
  return {
    companies: companies.length,
    alliances: alliances.length,
    nodes: full.nodes.length,
    edges: full.edges.length,
    buildMs: bestOf(runs, () => buildGraph(companies, alliances, { lang: 'en' })),
    filteredMs: bestOf(runs, () => buildGraph(companies, alliances, filterOpts)),
    filteredNodes: filtered.nodes.length,
    layoutMs: bestOf(runs, () => forceLayout(layoutNodes, full.edges)),
  };
}

export function formatGraphBench(f: GraphBenchFigures): string[] {
  const n = (x: number) => x.toLocaleString('en');
  return [
    `Network graph benchmark: ${n(f.companies)} companies, ${n(f.alliances)} alliances (best of runs)`,
    `  buildGraph: ${f.buildMs.toFixed(1)} ms (${n(f.nodes)} nodes, ${n(f.edges)} edges); filtered + focused: ${f.filteredMs.toFixed(1)} ms (${n(f.filteredNodes)} nodes)`,
    `  forceLayout: ${f.layoutMs.toFixed(0)} ms for the whole network`,
  ];
}
