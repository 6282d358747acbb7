// Syncing the network into Cytoscape, without a canvas: Cytoscape's headless mode in Node holds
// the elements, and the tests read back what it holds.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { fitShown, nodeSize, showOnly, syncElements } from '../../components/graph/sync-elements';
import type { Graph, GraphEdge, GraphNode } from '../../utils/graph/build';
import { KIND_COLORS } from '../../utils/graph/build';

const company = (id: string, degree = 1, label = id): GraphNode => ({
  id,
  label,
  kind: 'company',
  degree,
});
const tie = (a: string, b: string, allianceId = `${a}-${b}`): GraphEdge => ({
  id: `e:${allianceId}`,
  source: a,
  target: b,
  allianceKind: 'partnership',
  allianceId,
  status: 'active',
});
const positionsOf = (g: Graph) =>
  new Map(g.nodes.map((n, i) => [n.id, { x: i * 100, y: (i % 2) * 50 }]));

const headless = () => cytoscape({ headless: true, styleEnabled: false });
const ids = (cy: cytoscape.Core, sel = '*') =>
  cy
    .elements(sel)
    .map((e) => e.id())
    .sort();

describe('syncElements', () => {
  it('adds the scope’s nodes and edges with their data, positions and focus', () => {
    const cy = headless();
    const scope: Graph = {
      nodes: [
        company('a', 4, 'Alpha'),
        company('b'),
        {
          id: 'hub:x',
          label: 'X',
          kind: 'hub',
          degree: 2,
          allianceId: 'x',
          allianceKind: 'supply',
        },
      ],
      edges: [tie('a', 'b'), tie('hub:x', 'a', 'x')],
    };
    syncElements(cy, scope, ['a'], positionsOf(scope));
    expect(ids(cy)).toEqual(['a', 'b', 'e:a-b', 'e:x', 'hub:x']);
    const a = cy.getElementById('a');
    expect(a.data()).toMatchObject({
      label: 'Alpha',
      kind: 'company',
      size: nodeSize('company', 4),
    });
    expect(a.hasClass('focus')).toBe(true);
    expect(cy.getElementById('b').hasClass('focus')).toBe(false);
    expect(cy.getElementById('b').position()).toEqual({ x: 100, y: 50 });
    expect(cy.getElementById('hub:x').data()).toMatchObject({
      allianceId: 'x',
      color: KIND_COLORS.supply,
    });
    expect(cy.getElementById('e:a-b').data()).toMatchObject({
      source: 'a',
      target: 'b',
      allianceId: 'a-b',
      status: 'active',
      color: KIND_COLORS.partnership,
    });
  });

  it('removes what left the scope, keeps and refreshes what stayed, adds what is new', () => {
    const cy = headless();
    const first: Graph = {
      nodes: [company('a'), company('b'), company('c')],
      edges: [tie('a', 'b'), tie('b', 'c')],
    };
    syncElements(cy, first, ['a'], positionsOf(first));
    const keptNode = cy.getElementById('b');
    const keptEdge = cy.getElementById('e:a-b');

    const second: Graph = {
      nodes: [company('a', 1, 'A in Korean'), company('b'), company('d')],
      edges: [{ ...tie('a', 'b'), status: 'ended' }, tie('b', 'd')],
    };
    const seen: string[][] = [];
    syncElements(cy, second, ['b'], new Map([['b', { x: 7, y: 8 }]]), () => seen.push(ids(cy)));

    // The callback sees only the kept elements: the removed are gone, the new not yet added.
    expect(seen).toEqual([['a', 'b', 'e:a-b']]);
    expect(ids(cy)).toEqual(['a', 'b', 'd', 'e:a-b', 'e:b-d']);
    // Kept elements are the same objects, updated in place.
    expect(cy.getElementById('b').same(keptNode)).toBe(true);
    expect(cy.getElementById('e:a-b').same(keptEdge)).toBe(true);
    expect(cy.getElementById('a').data('label')).toBe('A in Korean');
    expect(cy.getElementById('e:a-b').data('status')).toBe('ended');
    expect(cy.getElementById('a').hasClass('focus')).toBe(false);
    expect(cy.getElementById('b').hasClass('focus')).toBe(true);
    expect(cy.getElementById('b').position()).toEqual({ x: 7, y: 8 });
  });

  it('empties the instance for an empty scope', () => {
    const cy = headless();
    const scope: Graph = { nodes: [company('a'), company('b')], edges: [tie('a', 'b')] };
    syncElements(cy, scope, [], positionsOf(scope));
    syncElements(cy, { nodes: [], edges: [] }, [], new Map());
    expect(cy.elements().length).toBe(0);
  });
});

describe('showOnly', () => {
  const scope: Graph = {
    nodes: [company('a', 2), company('b', 1), company('c', 1)],
    edges: [tie('a', 'b'), tie('a', 'c')],
  };

  it('hides what the graph leaves out and counts what it shows', () => {
    const cy = headless();
    syncElements(cy, scope, [], positionsOf(scope));
    const shown: Graph = { nodes: [company('a', 1), company('b', 1)], edges: [tie('a', 'b')] };
    expect(showOnly(cy, shown, false)).toEqual({ nodes: 2, edges: 1 });
    expect(ids(cy, '.hidden')).toEqual(['c', 'e:a-c']);
    // A frame leaves sizes alone; a committed view sizes nodes by their shown ties.
    expect(cy.getElementById('a').data('size')).toBe(nodeSize('company', 2));
    showOnly(cy, shown, true);
    expect(cy.getElementById('a').data('size')).toBe(nodeSize('company', 1));
    // Everything back.
    expect(showOnly(cy, scope, true)).toEqual({ nodes: 3, edges: 2 });
    expect(ids(cy, '.hidden')).toEqual([]);
  });

  it('fits the shown nodes by their positions and sizes, and leaves an empty view alone', () => {
    // A fake of the few calls fitShown makes: a headless instance has no viewport to fit.
    const nodes = [
      { hidden: false, x: 0, y: 0, size: 20 },
      { hidden: false, x: 100, y: 50, size: 40 },
      { hidden: true, x: 5000, y: 5000, size: 60 },
    ];
    const fits: unknown[][] = [];
    const fake = (shown: typeof nodes) =>
      ({
        nodes: () => ({
          forEach: (f: (n: unknown) => void) => {
            for (const n of shown) {
              f({
                hasClass: (c: string) => c === 'hidden' && n.hidden,
                position: () => ({ x: n.x, y: n.y }),
                data: (k: string) => (k === 'size' ? n.size : undefined),
              });
            }
          },
        }),
        fit: (...args: unknown[]) => fits.push(args),
      }) as unknown as cytoscape.Core;
    fitShown(fake(nodes));
    // x from -10 to 120 and y from -10 to 50 + 20 + 20 (the label), 40 px either side.
    expect(fits).toEqual([[{ x1: -50, y1: -10, x2: 160, y2: 90, w: 210, h: 100 }, 20]]);
    fitShown(fake(nodes.filter((n) => n.hidden)));
    expect(fits).toHaveLength(1);
  });
});
