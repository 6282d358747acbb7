// Aho–Corasick over UTF-16 code units, stored in flat typed arrays.
//
// A Map per trie node would cost ~100+ bytes per node, and a 50,000-alias
// dictionary has a few hundred thousand nodes. Instead nodes are numbered in
// breadth-first order, so each node's children have consecutive ids, sorted
// by code unit: a node is just (first child id, child count), and a
// transition is a scan or binary search over `unitOf` in that id range. The
// root, where every unmatched character falls back to, has a dense 64K table.
// Build is O(total pattern length + sort), scan is O(text length + matches).

const NONE = -1;
/** Nodes with at least this many children may get a direct-index row. */
const MIN_ROW_CHILDREN = 8;

export interface Automaton {
  readonly nodeCount: number;
  readonly byteSize: number;
  /**
   * Reports every occurrence of every pattern in `text`, as
   * `onMatch(patternIndex, endExclusive)`, in order of `end` (longest first
   * for the same end).
   */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

/** The sorted trie, in temporary (depth-first) ids, as child/sibling lists. */
interface RawTrie {
  count: number;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  unitOf: Uint16Array;
  output: Int32Array;
}

/**
 * Insert patterns in sorted order: each one shares a prefix with the
 * previous one and then branches with a larger code unit, so new children
 * are always appended after their siblings and no lookup is ever needed.
 */
function buildSortedTrie(patterns: readonly string[]): RawTrie {
  let max = 1;
  let longest = 0;
  for (const p of patterns) {
    max += p.length;
    longest = Math.max(longest, p.length);
  }
  const firstChild = new Int32Array(max).fill(NONE);
  const lastChild = new Int32Array(max).fill(NONE);
  const nextSibling = new Int32Array(max).fill(NONE);
  const unitOf = new Uint16Array(max);
  const output = new Int32Array(max).fill(NONE);
  const path = new Int32Array(longest + 1); // nodes along the previous pattern
  let count = 1;

  const order = patterns.map((_, i) => i);
  order.sort((a, b) => {
    const pa = patterns[a]!;
    const pb = patterns[b]!;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  let prev = '';
  for (const index of order) {
    const p = patterns[index]!;
    if (p === '') continue;
    let lcp = 0;
    const limit = Math.min(p.length, prev.length);
    while (lcp < limit && p.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    for (let d = lcp; d < p.length; d++) {
      const parent = path[d]!;
      const node = count++;
      unitOf[node] = p.charCodeAt(d);
      if (lastChild[parent] === NONE) firstChild[parent] = node;
      else nextSibling[lastChild[parent]!] = node;
      lastChild[parent] = node;
      path[d + 1] = node;
    }
    output[path[p.length]!] = index;
    prev = p;
  }
  return { count, firstChild, nextSibling, unitOf, output };
}

/** Build from patterns; pattern `i` is reported as `i`. Empty patterns are ignored. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const raw = buildSortedTrie(patterns);
  const n = raw.count;

  // Renumber breadth-first: children of a node get consecutive ids, in
  // increasing code-unit order (the sibling lists are already sorted).
  const childStart = new Int32Array(n);
  const childCount = new Int32Array(n);
  const unitOf = new Uint16Array(n);
  const out = new Int32Array(n).fill(NONE);
  const parent = new Int32Array(n); // build-only
  const rawOf = new Int32Array(n); // new id → raw id, doubles as the BFS queue
  const root = new Int32Array(0x10000); // 0 = no edge (the root is never a child)
  let next = 1;
  for (let id = 0; id < next; id++) {
    const r = rawOf[id]!;
    out[id] = raw.output[r]!;
    childStart[id] = next;
    for (let c = raw.firstChild[r]!; c !== NONE; c = raw.nextSibling[c]!) {
      rawOf[next] = c;
      unitOf[next] = raw.unitOf[c]!;
      parent[next] = id;
      if (id === 0) root[raw.unitOf[c]!] = next;
      next++;
    }
    childCount[id] = next - childStart[id]!;
  }

  // Busy nodes (many children in a narrow code-unit range, typically Latin
  // near the root) get a direct-index row: no search on the hottest paths.
  const rowAt = new Int32Array(n).fill(NONE);
  const rowMin = new Uint16Array(n);
  const rowSpan = new Int32Array(n);
  let rowTotal = 0;
  for (let id = 1; id < n; id++) {
    const count = childCount[id]!;
    if (count < MIN_ROW_CHILDREN) continue;
    const lo = unitOf[childStart[id]!]!;
    const span = unitOf[childStart[id]! + count - 1]! - lo + 1;
    if (span > count * 4) continue;
    rowAt[id] = rowTotal;
    rowMin[id] = lo;
    rowSpan[id] = span;
    rowTotal += span;
  }
  const rows = new Int32Array(rowTotal); // 0 = no edge
  for (let id = 1; id < n; id++) {
    if (rowAt[id] === NONE) continue;
    const first = childStart[id]!;
    for (let c = first; c < first + childCount[id]!; c++) {
      rows[rowAt[id]! + unitOf[c]! - rowMin[id]!] = c;
    }
  }

  const child = (node: number, unit: number): number => {
    if (node === 0) return root[unit]! || NONE;
    const row = rowAt[node]!;
    if (row !== NONE) {
      const k = unit - rowMin[node]!;
      return k >= 0 && k < rowSpan[node]! ? rows[row + k]! || NONE : NONE;
    }
    let lo = childStart[node]!;
    let hi = lo + childCount[node]! - 1;
    if (hi - lo < 8) {
      for (; lo <= hi; lo++) if (unitOf[lo] === unit) return lo;
      return NONE;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = unitOf[mid]!;
      if (u === unit) return mid;
      if (u < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return NONE;
  };

  // Failure links, in BFS order so a parent's link is always ready: the
  // longest proper suffix of the node's path that is also a trie path.
  // `dict` jumps to the nearest such suffix that ends a pattern, so
  // reporting costs O(matches), not O(depth).
  const fail = new Int32Array(n);
  const dict = new Int32Array(n).fill(NONE);
  for (let v = 1; v < n; v++) {
    const u = parent[v]!;
    let link = 0;
    if (u !== 0) {
      const unit = unitOf[v]!;
      for (let f = fail[u]!; ; f = fail[f]!) {
        const t = child(f, unit);
        if (t !== NONE) {
          link = t;
          break;
        }
        if (f === 0) break;
      }
    }
    fail[v] = link;
    dict[v] = out[link] !== NONE ? link : dict[link]!;
  }

  // First node to report on arriving at a state: itself or its dict link.
  const report = new Int32Array(n);
  for (let v = 0; v < n; v++) report[v] = out[v] !== NONE ? v : dict[v]!;

  return {
    nodeCount: n,
    byteSize: [
      childStart,
      childCount,
      unitOf,
      out,
      rowAt,
      rowMin,
      rowSpan,
      rows,
      fail,
      dict,
      report,
      root,
    ].reduce((a, x) => a + x.byteLength, 0),
    scan(text, onMatch) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (state === 0) {
          state = root[unit]!; // most characters of most texts end here
        } else {
          let t = child(state, unit);
          while (t === NONE && state !== 0) {
            state = fail[state]!;
            t = child(state, unit);
          }
          state = t === NONE ? 0 : t;
        }
        for (let o = report[state]!; o !== NONE; o = dict[o]!) onMatch(out[o]!, i + 1);
      }
    },
  };
}
