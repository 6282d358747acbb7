// Keeps a Cytoscape instance in step with the wanted graph without a canvas: the instance holds
// the focus's scope (laid out once), and filters only hide and show what is already there.
// Rebuilding thousands of elements per filter change or slider step would be far too slow,
// so both functions touch only the elements that differ.
import type cytoscape from 'cytoscape';
import { type Graph, type GraphNode, KIND_COLORS } from '../../utils/graph/build';
import type { Positions } from '../../utils/graph/layout';

export function nodeSize(kind: GraphNode['kind'], degree: number): number {
  return Math.round(Math.min(kind === 'hub' ? 70 : 60, 14 + 5 * Math.sqrt(degree)));
}

/** The Cytoscape definitions of a scope's nodes and edges, by id. */
export function elementDefinitions(
  scope: Graph,
  focus: ReadonlySet<string>,
  positions: Positions,
): Map<string, cytoscape.ElementDefinition> {
  const want = new Map<string, cytoscape.ElementDefinition>();
  for (const n of scope.nodes) {
    want.set(n.id, {
      group: 'nodes',
      data: {
        id: n.id,
        label: n.label,
        kind: n.kind,
        size: nodeSize(n.kind, n.degree),
        allianceId: n.allianceId,
        color: n.allianceKind ? KIND_COLORS[n.allianceKind] : undefined,
      },
      position: positions.get(n.id),
      classes: focus.has(n.id) ? 'focus' : undefined,
    });
  }
  for (const e of scope.edges) {
    want.set(e.id, {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        allianceId: e.allianceId,
        status: e.status,
        color: KIND_COLORS[e.allianceKind],
      },
    });
  }
  return want;
}

/**
 * Makes the instance hold exactly the scope's elements: removes what is gone, refreshes what is
 * kept (language, focus, position) and adds what is new. `betweenRemoveAndAdd` runs when the
 * instance holds only the kept elements, so a restyle there styles neither the removed nor the
 * added ones for nothing.
 */
export function syncElements(
  cy: cytoscape.Core,
  scope: Graph,
  focus: readonly string[],
  positions: Positions,
  betweenRemoveAndAdd: () => void = () => {},
): void {
  const focusSet = new Set(focus);
  const want = elementDefinitions(scope, focusSet, positions);
  const have = new Map<string, cytoscape.SingularElementArgument>();
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => {
      if (!want.has(ele.id())) return true;
      have.set(ele.id(), ele);
      return false;
    });
    if (gone.nonempty()) gone.remove();
  });
  betweenRemoveAndAdd();
  cy.batch(() => {
    const added: cytoscape.ElementDefinition[] = [];
    for (const [id, def] of want) {
      const ele = have.get(id);
      if (!ele) {
        added.push(def);
        continue;
      }
      const data = def.data as Record<string, unknown>;
      for (const key of ['label', 'status', 'color'] as const) {
        if (data[key] !== undefined && ele.data(key) !== data[key]) ele.data(key, data[key]);
      }
      if (ele.isNode()) {
        ele.toggleClass('focus', focusSet.has(id));
        if (def.position) ele.position(def.position);
      }
    }
    // Nodes before edges: an edge needs both ends.
    cy.add(added.filter((d) => d.group === 'nodes'));
    cy.add(added.filter((d) => d.group === 'edges'));
  });
}

export interface ShownCounts {
  nodes: number;
  edges: number;
}

/**
 * Shows exactly the graph's elements (the rest get the `hidden` class). With `resize`, shown
 * nodes are sized by their shown ties; the player leaves sizes alone, which spares Cytoscape
 * restyling the neighbours of every resized node on each frame.
 */
export function showOnly(cy: cytoscape.Core, graph: Graph, resize: boolean): ShownCounts {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Set(graph.edges.map((e) => e.id));
  let nodeCount = 0;
  let edgeCount = 0;
  cy.batch(() => {
    cy.nodes().forEach((ele) => {
      const n = nodes.get(ele.id());
      if (ele.hasClass('hidden') === !!n) ele.toggleClass('hidden', !n);
      if (!n) return;
      nodeCount++;
      if (resize) {
        const size = nodeSize(n.kind, n.degree);
        if (ele.data('size') !== size) ele.data('size', size);
      }
    });
    cy.edges().forEach((ele) => {
      const shown = edges.has(ele.id());
      if (ele.hasClass('hidden') === shown) ele.toggleClass('hidden', !shown);
      if (shown) edgeCount++;
    });
  });
  return { nodes: nodeCount, edges: edgeCount };
}

/**
 * Fits the shown nodes, measured from their positions and sizes: Cytoscape's own bounding box
 * would measure every label's text first, which takes long on thousands of nodes.
 */
export function fitShown(cy: cytoscape.Core): void {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  cy.nodes().forEach((n) => {
    if (n.hasClass('hidden')) return;
    const { x, y } = n.position();
    const r = (Number(n.data('size')) || 20) / 2;
    x1 = Math.min(x1, x - r);
    y1 = Math.min(y1, y - r);
    x2 = Math.max(x2, x + r);
    y2 = Math.max(y2, y + r + 20); // room for the label below
  });
  if (x1 === Number.POSITIVE_INFINITY) return;
  // Cytoscape's fit takes a bounding box as well as elements; its typings only list the latter.
  const bb = { x1: x1 - 40, y1, x2: x2 + 40, y2, w: x2 - x1 + 80, h: y2 - y1 };
  cy.fit(bb as unknown as cytoscape.CollectionArgument, 20);
}
