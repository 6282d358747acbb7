// The matcher's trie over UTF-16 code units: a double-array, in flat typed
// arrays.
//
// Each distinct code unit of the patterns gets a small class number
// (1..alphabetSize, in code-unit order; 0 = a unit no pattern contains), and
// the trie's states are slots of two parallel arrays: the child of state `s`
// on class `c` is slot `base[s] + c` if `check[base[s] + c] === s`. So a
// transition is two array reads and a compare, whatever the node's fan-out,
// and the arrays stay about as long as the trie has nodes (a dense
// state × class table for 10,000 aliases would take hundreds of MB).
// Build is O(total pattern length + sort + placement). The matcher only
// walks the trie from word starts (see scan.ts), so there are no failure
// links: the Aho–Corasick scan that checks it is in tests/support.

const NONE = -1;
/** Marks a free slot in `check` (the root, slot 0, is nobody's child). */
const FREE = -1;

/**
 * The trie (goto function), for walks anchored at chosen positions (see
 * scan.ts). The child of state `s` on unit `u` is `base[s] + classOf[u]`
 * when `classOf[u] !== 0` and `check` of that slot is `s`; the root is 0.
 */
export interface TrieTables {
  /** Class of each UTF-16 code unit, 0 if no pattern contains it (65,536 entries). */
  readonly classOf: Int32Array;
  readonly base: Int32Array;
  readonly check: Int32Array;
  /** Pattern ending at a state, or -1. */
  readonly out: Int32Array;
}

export interface Trie {
  /** Trie nodes (states), the root included. */
  readonly nodeCount: number;
  /** Distinct code units in the patterns. */
  readonly alphabetSize: number;
  /** Length of the double-array (states plus unused slots). */
  readonly slotCount: number;
  readonly trie: TrieTables;
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

  // Distinct patterns, sorted (by code unit, like `<`); the last of equal
  // patterns reports.
  const indexOf = new Map<string, number>();
  for (let i = 0; i < patterns.length; i++) indexOf.set(patterns[i]!, i);
  const sorted = [...indexOf.keys()].sort();
  let prev = '';
  for (const p of sorted) {
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
    output[path[p.length]!] = indexOf.get(p)!;
    prev = p;
  }
  return { count, firstChild, nextSibling, unitOf, output };
}

/**
 * Free slots of a growing double-array, for first-fit placement of child
 * sets. `next` is a union–find over slots (path halving): `find(x)` is the
 * first free slot at or after `x`, so runs of taken slots cost nothing to
 * skip. Slot 0 is the root's.
 */
class Slots {
  private next: Int32Array;
  /**
   * Where searches for sets of two or more children start: moved on past
   * stretches that took many tries, which are left to single children
   * (most nodes have one), so the search stays about linear.
   */
  private frontier = 0;
  /** One past the highest slot taken. */
  used = 1;

  constructor(capacity: number) {
    this.next = new Int32Array(capacity + 1);
    for (let k = 0; k <= capacity; k++) this.next[k] = k;
    this.next[0] = 1;
  }

  private grow(min: number): void {
    let size = this.next.length;
    while (size <= min + 1) size = Math.ceil(size * 1.5) + 16;
    const next = new Int32Array(size);
    next.set(this.next);
    for (let k = this.next.length; k < size; k++) next[k] = k;
    this.next = next;
  }

  private find(x: number): number {
    const next = this.next;
    let k = x;
    while (next[k] !== k) {
      next[k] = next[next[k]!]!;
      k = next[k]!;
    }
    return k;
  }

  private free(x: number): boolean {
    return this.next[x] === x;
  }

  /**
   * Takes slots `b + classes[k]` for the smallest `b >= 0` where all are
   * free (classes ascending, all >= 1), and returns `b`.
   */
  place(classes: Int32Array, count: number): number {
    const first = classes[0]!;
    const span = classes[count - 1]! - first;
    let tries = 0;
    for (
      let pos = this.find(count > 1 ? Math.max(first, this.frontier) : first);
      ;
      pos = this.find(pos + 1)
    ) {
      if (pos + span + 1 >= this.next.length) this.grow(pos + span + 1);
      const b = pos - first;
      let ok = true;
      for (let k = 1; k < count; k++) {
        if (!this.free(b + classes[k]!)) {
          ok = false;
          break;
        }
      }
      if (!ok) {
        tries++;
        continue;
      }
      if (tries > 16) this.frontier = pos;
      for (let k = 0; k < count; k++) {
        const slot = b + classes[k]!;
        this.next[slot] = slot + 1;
      }
      this.used = Math.max(this.used, b + classes[count - 1]! + 1);
      return b;
    }
  }
}

/** Build from patterns; `out` is `i` where pattern `i` ends. Empty patterns are ignored. */
export function buildTrie(patterns: readonly string[]): Trie {
  const raw = buildSortedTrie(patterns);
  const n = raw.count;

  // Alphabet: classes in code-unit order, so sorted children stay sorted.
  const classOf = new Int32Array(0x10000);
  for (let v = 1; v < n; v++) classOf[raw.unitOf[v]!] = 1;
  let alphabetSize = 0;
  for (let u = 0; u < 0x10000; u++) if (classOf[u] !== 0) classOf[u] = ++alphabetSize;

  // Lay out breadth-first: hot states near the root get low, close slots.
  // `queue` holds raw ids in that order.
  const queue = new Int32Array(n);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const r = queue[head]!;
    for (let c = raw.firstChild[r]!; c !== NONE; c = raw.nextSibling[c]!) queue[tail++] = c;
  }

  // Give every node with children a base, where all its children's slots
  // are free (first fit).
  const slots = new Slots(Math.ceil(n * 1.1) + alphabetSize + 16);
  const baseOf = new Int32Array(n);
  const childClasses = new Int32Array(alphabetSize + 1);
  for (let q = 0; q < n; q++) {
    const r = queue[q]!;
    let k = 0;
    for (let c = raw.firstChild[r]!; c !== NONE; c = raw.nextSibling[c]!) {
      childClasses[k++] = classOf[raw.unitOf[c]!]!;
    }
    if (k > 0) baseOf[r] = slots.place(childClasses, k);
  }

  let maxBase = 0;
  for (let r = 0; r < n; r++) maxBase = Math.max(maxBase, baseOf[r]!);
  // Every `base[s] + c` must be a valid index, for any state and class.
  const size = Math.max(slots.used, maxBase + alphabetSize + 1);
  const base = new Int32Array(size);
  const check = new Int32Array(size).fill(FREE);
  check[0] = -2; // the root is nobody's child
  const slotOf = new Int32Array(n); // raw id → slot
  for (let q = 0; q < n; q++) {
    const r = queue[q]!;
    const s = slotOf[r]!;
    base[s] = baseOf[r]!;
    for (let c = raw.firstChild[r]!; c !== NONE; c = raw.nextSibling[c]!) {
      const slot = baseOf[r]! + classOf[raw.unitOf[c]!]!;
      check[slot] = s;
      slotOf[c] = slot;
    }
  }

  const out = new Int32Array(size).fill(NONE);
  for (let r = 0; r < n; r++) out[slotOf[r]!] = raw.output[r]!;
  return { nodeCount: n, alphabetSize, slotCount: size, trie: { classOf, base, check, out } };
}
