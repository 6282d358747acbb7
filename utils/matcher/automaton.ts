// Aho–Corasick over UTF-16 code units, stored in flat typed arrays.
//
// A Map per trie node would cost ~100+ bytes per node, and a 50,000-alias
// dictionary has a few hundred thousand nodes. Instead, edges live in one
// open-addressing hash table keyed by (node, unit), and the root — which
// every unmatched character falls back to — gets a dense 64K table. Build and
// scan are both linear: total pattern length and text length respectively
// (plus the number of matches reported).

const NONE = -1;

export interface Automaton {
  readonly nodeCount: number;
  /**
   * Reports every occurrence of every pattern in `text`, as
   * `onMatch(patternIndex, endExclusive)`, in order of `end` (longest first
   * for the same end).
   */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

function hash(node: number, unit: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca77);
  h ^= h >>> 15;
  return h >>> 0;
}

class EdgeTable {
  private readonly keyNode: Int32Array;
  private readonly keyUnit: Uint16Array;
  private readonly value: Int32Array;
  private readonly mask: number;

  constructor(maxEdges: number) {
    let cap = 16;
    while (cap < maxEdges * 1.5) cap *= 2; // load factor ≤ 2/3
    this.keyNode = new Int32Array(cap).fill(NONE);
    this.keyUnit = new Uint16Array(cap);
    this.value = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(node: number, unit: number): number {
    let slot = hash(node, unit) & this.mask;
    for (;;) {
      const k = this.keyNode[slot]!;
      if (k === NONE) return NONE;
      if (k === node && this.keyUnit[slot] === unit) return this.value[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }

  set(node: number, unit: number, child: number): void {
    let slot = hash(node, unit) & this.mask;
    while (this.keyNode[slot] !== NONE) slot = (slot + 1) & this.mask;
    this.keyNode[slot] = node;
    this.keyUnit[slot] = unit;
    this.value[slot] = child;
  }
}

/** Build from patterns (non-empty, distinct); pattern `i` is reported as `i`. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  let maxNodes = 1;
  for (const p of patterns) maxNodes += p.length;

  const root = new Int32Array(0x10000); // 0 = no edge (the root is never a child)
  const edges = new EdgeTable(maxNodes);
  // Build-only: first-child/next-sibling lists so the BFS can walk children.
  const firstChild = new Int32Array(maxNodes).fill(NONE);
  const nextSibling = new Int32Array(maxNodes).fill(NONE);
  const unitOf = new Uint16Array(maxNodes);
  const output = new Int32Array(maxNodes).fill(NONE);
  let nodeCount = 1;

  const child = (node: number, unit: number): number =>
    node === 0 ? root[unit]! || NONE : edges.get(node, unit);

  patterns.forEach((pattern, index) => {
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = child(node, unit);
      if (next === NONE) {
        next = nodeCount++;
        if (node === 0) root[unit] = next;
        else edges.set(node, unit, next);
        unitOf[next] = unit;
        nextSibling[next] = firstChild[node]!;
        firstChild[node] = next;
      }
      node = next;
    }
    if (pattern.length > 0) output[node] = index;
  });

  // Failure links in BFS order: a node's link is the longest proper suffix of
  // its path that is also a trie path. `dict` skips to the nearest suffix
  // that ends a pattern, so reporting costs O(matches), not O(depth).
  const fail = new Int32Array(nodeCount);
  const dict = new Int32Array(nodeCount).fill(NONE);
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let c = firstChild[0]!; c !== NONE; c = nextSibling[c]!) {
    fail[c] = 0;
    queue[tail++] = c;
  }
  while (head < tail) {
    const node = queue[head++]!;
    for (let c = firstChild[node]!; c !== NONE; c = nextSibling[c]!) {
      const unit = unitOf[c]!;
      let f = fail[node]!;
      let target = child(f, unit);
      while (target === NONE && f !== 0) {
        f = fail[f]!;
        target = child(f, unit);
      }
      const link = target === NONE ? 0 : target;
      fail[c] = link;
      dict[c] = output[link] !== NONE ? link : dict[link]!;
      queue[tail++] = c;
    }
  }
  const out = output.slice(0, nodeCount);

  return {
    nodeCount,
    scan(text, onMatch) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        for (;;) {
          if (state === 0) {
            state = root[unit]!;
            break;
          }
          const next = edges.get(state, unit);
          if (next !== NONE) {
            state = next;
            break;
          }
          state = fail[state]!;
        }
        for (let o = out[state] !== NONE ? state : dict[state]!; o !== NONE; o = dict[o]!) {
          onMatch(out[o]!, i + 1);
        }
      }
    },
  };
}
