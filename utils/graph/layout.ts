// A fast, deterministic force-directed layout (Fruchterman–Reingold with grid-bucketed
// repulsion): each step costs about O(nodes + edges) instead of O(nodes²), so a 2,500-node
// network lays out in a fraction of a second where Cytoscape's built-in 'cose' takes tens of
// seconds. Pure (no DOM): the component hands the positions to Cytoscape's 'preset' layout.

export interface LayoutNode {
  id: string;
  /** Heavier nodes (hubs, well-connected companies) start near the centre. */
  weight?: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutOptions {
  /** Ideal distance between tied nodes, in model units (default 60). */
  spacing?: number;
  /** Steps of the simulation (default: fewer for bigger graphs, 60–300). */
  iterations?: number;
  /** Pull towards the centre that keeps separate clusters together (default 0.01). */
  gravity?: number;
  /** Seed of the jitter, so the same graph gets the same picture (default 1). */
  seed?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

/** mulberry32: a tiny seeded PRNG. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Neighbour cells (column, row offsets) that, with the cell itself, cover each pair once. */
const FORWARD = [
  [0, 1],
  [1, -1],
  [1, 0],
  [1, 1],
] as const;

export function defaultIterations(n: number): number {
  if (n <= 300) return 300;
  return Math.max(60, Math.round(300 * Math.sqrt(300 / n)));
}

export function forceLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  opts: LayoutOptions = {},
): Positions {
  const n = nodes.length;
  const out: Positions = new Map();
  if (n === 0) return out;
  const k = opts.spacing ?? 60;
  const iterations = opts.iterations ?? defaultIterations(n);
  const random = rng(opts.seed ?? 1);

  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(nodes[i]!.id, i);
  const es: number[] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    es.push(a, b);
  }

  // Start on a sunflower spiral, heaviest first, so hubs begin in the middle.
  const order = nodes.map((_, i) => i);
  order.sort((a, b) => (nodes[b]!.weight ?? 0) - (nodes[a]!.weight ?? 0) || a - b);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((i, rank) => {
    const r = k * Math.sqrt(rank + 0.5);
    const theta = rank * golden;
    x[i] = r * Math.cos(theta) + (random() - 0.5) * k * 0.1;
    y[i] = r * Math.sin(theta) + (random() - 0.5) * k * 0.1;
  });
  if (n === 1) {
    out.set(nodes[0]!.id, { x: 0, y: 0 });
    return out;
  }

  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const k2 = k * k;
  const cell = 1.5 * k; // repulsion is ignored beyond about one and a half ideal distances
  const gravity = opts.gravity ?? 0.01;
  let temperature = k * Math.sqrt(n) * 0.5;
  const cooling = temperature / (iterations + 1);
  // The grid of buckets, rebuilt each step by counting sort into flat typed arrays.
  const cellOf = new Int32Array(n);
  const items = new Int32Array(n);
  let cellStart = new Int32Array(0);

  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      if (xi < minX) minX = xi;
      if (xi > maxX) maxX = xi;
      if (yi < minY) minY = yi;
      if (yi > maxY) maxY = yi;
    }
    // Cells of two ideal distances, but never more cells than a few per node.
    const size = Math.max(cell, Math.sqrt(((maxX - minX + 1) * (maxY - minY + 1)) / (4 * n)));
    const cols = Math.floor((maxX - minX) / size) + 1;
    const rows = Math.floor((maxY - minY) / size) + 1;
    if (cellStart.length < cols * rows + 1) cellStart = new Int32Array(cols * rows + 1);
    else cellStart.fill(0, 0, cols * rows + 1);
    for (let i = 0; i < n; i++) {
      const c = Math.floor((x[i]! - minX) / size) * rows + Math.floor((y[i]! - minY) / size);
      cellOf[i] = c;
      cellStart[c + 1]!++;
    }
    for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
    const fill = cellStart.slice(0, cols * rows);
    for (let i = 0; i < n; i++) items[fill[cellOf[i]!]!++] = i;

    // Repulsion between nearby nodes, k² / d: each pair of cells is visited once, a cell
    // with itself and with its four "forward" neighbours.
    const reach = size * size;
    const repel = (i: number, j: number) => {
      let ddx = x[i]! - x[j]!;
      let ddy = y[i]! - y[j]!;
      let d2 = ddx * ddx + ddy * ddy;
      if (d2 > reach) return;
      if (d2 === 0) {
        ddx = (random() - 0.5) * 0.1;
        ddy = (random() - 0.5) * 0.1;
        d2 = ddx * ddx + ddy * ddy;
      }
      const f = k2 / d2; // (k²/d) / d, applied to the unnormalised vector
      dx[i]! += ddx * f;
      dy[i]! += ddy * f;
      dx[j]! -= ddx * f;
      dy[j]! -= ddy * f;
    };
    for (let col = 0; col < cols; col++) {
      for (let row = 0; row < rows; row++) {
        const c = col * rows + row;
        const from = cellStart[c]!;
        const to = cellStart[c + 1]!;
        if (from === to) continue;
        for (let p = from; p < to; p++) {
          for (let q = p + 1; q < to; q++) repel(items[p]!, items[q]!);
        }
        for (const [oc, or] of FORWARD) {
          const nc = col + oc;
          const nr = row + or;
          if (nc >= cols || nr < 0 || nr >= rows) continue;
          const o = nc * rows + nr;
          for (let q = cellStart[o]!; q < cellStart[o + 1]!; q++) {
            const j = items[q]!;
            for (let p = from; p < to; p++) repel(items[p]!, j);
          }
        }
      }
    }
    // Attraction along ties: d² / k.
    for (let e = 0; e < es.length; e += 2) {
      const a = es[e]!;
      const b = es[e + 1]!;
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = d / k; // (d²/k) / d
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    // A gentle pull to the centre keeps separate clusters from drifting apart; then move,
    // each node by at most the current temperature.
    for (let i = 0; i < n; i++) {
      const fx = dx[i]! - x[i]! * gravity;
      const fy = dy[i]! - y[i]! * gravity;
      const len = Math.sqrt(fx * fx + fy * fy);
      if (len > 0) {
        const step = Math.min(len, temperature) / len;
        x[i]! += fx * step;
        y[i]! += fy * step;
      }
    }
    temperature = Math.max(temperature - cooling, k * 0.05);
  }

  for (let i = 0; i < n; i++) out.set(nodes[i]!.id, { x: x[i]!, y: y[i]! });
  return out;
}
