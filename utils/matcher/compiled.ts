// A matcher's tables as one compact, JSON-safe value, so the trie is built
// once where the dataset lives (the background, build.ts) and every page only
// decodes it (load.ts): for 10,000 companies that is a few milliseconds instead of a build of
// 50–100 ms, and one string of about a megabyte instead of 20,000 objects,
// which extension storage hands to a page several times faster.
//
// The numbers are one stream of unsigned LEB128 varints (small deltas: in a
// double-array trie a child sits near its parent), in base64; the strings
// (target ids, exact acronyms) one JSON array.
import type { MatcherTables, MatchTarget } from './tables';

export const COMPILED_MATCHER_FORMAT = 'alliance-lens-matcher/2';

export interface CompiledMatcher {
  format: typeof COMPILED_MATCHER_FORMAT;
  /** base64 of the varint stream (layout in `encodeMatcherTables`). */
  numbers: string;
  /** JSON array: the targets' ids, then the exact aliases in candidate order. */
  strings: string;
}

/** A compiled matcher that cannot be read: the reason says what is wrong with it. */
export class CompiledMatcherError extends Error {
  constructor(reason: string) {
    super(`compiled matcher: ${reason}`);
    this.name = 'CompiledMatcherError';
  }
}

const FREE = -1;
const ROOT_PARENT = -2;
const TYPES: MatchTarget['type'][] = ['company', 'alliance'];

const zigzag = (n: number): number => (n << 1) ^ (n >> 31);
const unzigzag = (v: number): number => (v >>> 1) ^ -(v & 1);

class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow();
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  append(more: Uint8Array): void {
    while (this.length + more.length > this.bytes.length) this.grow();
    this.bytes.set(more, this.length);
    this.length += more.length;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private grow(): void {
    const grown = new Uint8Array(this.bytes.length * 2);
    grown.set(this.bytes);
    this.bytes = grown;
  }
}

/**
 * Layout: a header (alphabet length, slots, states, patterns, candidates,
 * targets, exact aliases, longest pattern, case folds); the alphabet as
 * ascending deltas; the case folds as (unit, folded) pairs; then the trie breadth-first from the root: per state its child
 * count and whether a pattern ends there, its `base` (as a delta from the
 * previous one written) and its children's classes (ascending deltas). The
 * slots follow from these (child = base + class), and patterns are numbered
 * in the order their states come, so neither is written. Then per pattern its
 * candidate count and right rule; per candidate its target and whether it
 * is ambiguous and exact; per target its type. Nearly every number fits in one byte.
 */
export function encodeMatcherTables(tables: MatcherTables): CompiledMatcher {
  const w = new VarintWriter();
  const { alphabet, base, check, out, rightHangul, candidateStart, candidateTarget } = tables;
  const slots = base.length;
  // Children of every slot, ascending (so by class), as one flat list.
  const childStart = new Int32Array(slots + 1);
  let states = 1;
  for (let t = 0; t < slots; t++) {
    if (check[t]! >= 0) {
      childStart[check[t]! + 1]!++;
      states++;
    }
  }
  for (let s = 0; s < slots; s++) childStart[s + 1]! += childStart[s]!;
  const children = new Int32Array(states);
  const fill = childStart.slice(0, slots);
  for (let t = 0; t < slots; t++) if (check[t]! >= 0) children[fill[check[t]!]!++] = t;

  // Patterns renumbered in breadth-first order of their states.
  const patternOrder: number[] = [];
  const body = new VarintWriter();
  const queue = new Int32Array(states);
  let tail = 1;
  let previousBase = 0;
  for (let q = 0; q < tail; q++) {
    const s = queue[q]!;
    const first = childStart[s]!;
    const count = childStart[s + 1]! - first;
    body.write((count << 1) | (out[s] === -1 ? 0 : 1));
    if (out[s] !== -1) patternOrder.push(out[s]!);
    if (count === 0) continue;
    body.write(zigzag(base[s]! - previousBase));
    previousBase = base[s]!;
    let previousClass = 0;
    for (let k = first; k < first + count; k++) {
      const t = children[k]!;
      body.write(t - base[s]! - previousClass);
      previousClass = t - base[s]!;
      queue[tail++] = t;
    }
  }

  const exact: string[] = [];
  const candidates = new VarintWriter();
  const patternHeads = new VarintWriter();
  for (const p of patternOrder) {
    patternHeads.write(((candidateStart[p + 1]! - candidateStart[p]!) << 1) | rightHangul[p]!);
    for (let k = candidateStart[p]!; k < candidateStart[p + 1]!; k++) {
      const e = tables.candidateExact[k]!;
      // Target, then two flags: ambiguous, exact.
      const flags = (tables.candidateAmbiguous[k]! << 1) | (e === null ? 0 : 1);
      candidates.write((candidateTarget[k]! << 2) | flags);
      if (e !== null) exact.push(e);
    }
  }
  for (const n of [
    alphabet.length,
    slots,
    states,
    patternOrder.length,
    candidateTarget.length,
    tables.targets.length,
    exact.length,
    tables.longest,
    tables.folds.length / 2,
  ])
    w.write(n);
  for (let c = 0; c < alphabet.length; c++)
    w.write(alphabet[c]! - (c === 0 ? 0 : alphabet[c - 1]!));
  for (const unit of tables.folds) w.write(unit);
  w.append(body.result());
  w.append(patternHeads.result());
  w.append(candidates.result());
  for (const t of tables.targets) w.write(TYPES.indexOf(t.type));
  return {
    format: COMPILED_MATCHER_FORMAT,
    numbers: toBase64(w.result()),
    strings: JSON.stringify([...tables.targets.map((t) => t.id), ...exact]),
  };
}

/** The tables back from `encodeMatcherTables`; throws `CompiledMatcherError` on anything malformed. */
export function decodeMatcherTables(compiled: CompiledMatcher): MatcherTables {
  if (compiled?.format !== COMPILED_MATCHER_FORMAT)
    throw new CompiledMatcherError(
      `format ${JSON.stringify(compiled?.format)} is not ${COMPILED_MATCHER_FORMAT}`,
    );
  if (typeof compiled.numbers !== 'string' || typeof compiled.strings !== 'string')
    throw new CompiledMatcherError('numbers and strings must be strings');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(compiled.numbers);
  } catch {
    throw new CompiledMatcherError('numbers are not base64');
  }
  let strings: unknown;
  try {
    strings = JSON.parse(compiled.strings);
  } catch {
    throw new CompiledMatcherError('strings are not JSON');
  }
  const end = bytes.length;
  let pos = 0;
  const read = (): number => {
    if (pos < end) {
      const b = bytes[pos++]!;
      if (b < 0x80) return b; // nearly every number
      let value = b & 0x7f;
      for (let shift = 7; shift <= 28 && pos < end; shift += 7) {
        const next = bytes[pos++]!;
        value |= (next & 0x7f) << shift;
        if (next < 0x80) return value >>> 0;
      }
    }
    throw new CompiledMatcherError(`numbers end too early or run on (byte ${pos})`);
  };
  const fail = (reason: string): never => {
    throw new CompiledMatcherError(reason);
  };
  const alphabetLength = read();
  const slots = read();
  const states = read();
  const patterns = read();
  const candidates = read();
  const targetCount = read();
  const exactCount = read();
  const longest = read();
  const foldCount = read();
  if (slots < 1 || states > slots || alphabetLength >= slots)
    fail(`${states} states in ${slots} slots for ${alphabetLength} classes`);

  const alphabet = new Uint16Array(alphabetLength);
  for (let c = 0, unit = 0; c < alphabetLength; c++) {
    unit += read();
    if (unit >= 0x10000 || (c > 0 && unit <= alphabet[c - 1]!))
      fail(`bad alphabet at class ${c + 1}`);
    alphabet[c] = unit;
  }
  const folds = new Uint16Array(2 * foldCount);
  for (let k = 0; k < folds.length; k++) {
    const unit = read();
    if (unit >= 0x10000) fail(`bad case fold ${k >> 1}`);
    folds[k] = unit;
  }

  const base = new Int32Array(slots);
  const check = new Int32Array(slots).fill(FREE);
  check[0] = ROOT_PARENT;
  const out = new Int32Array(slots).fill(-1);
  const queue = new Int32Array(states);
  let tail = 1;
  let nextPattern = 0;
  let previousBase = 0;
  for (let q = 0; q < tail; q++) {
    const s = queue[q]!;
    // One-byte numbers inline (nearly all): this loop runs once per state, uncompiled at first.
    let head = bytes[pos]!;
    if (head < 0x80) pos++;
    else head = read();
    if (head & 1) out[s] = nextPattern++;
    const count = head >>> 1;
    if (count === 0) continue;
    let delta = bytes[pos]!;
    if (delta < 0x80) pos++;
    else delta = read();
    const b = previousBase + unzigzag(delta);
    // Every `base + class` the scan may read must be a slot.
    if (b < 0 || b + alphabetLength >= slots || tail + count > states)
      fail(`state ${q} points outside the table`);
    base[s] = b;
    previousBase = b;
    for (let k = 0, c = 0; k < count; k++) {
      const step = bytes[pos]!;
      if (step < 0x80) pos++;
      c += step < 0x80 ? step : read();
      const t = b + c;
      if (c < 1 || c > alphabetLength || t === 0 || check[t] !== FREE)
        fail(`state ${q} has a bad child`);
      check[t] = s;
      queue[tail++] = t;
    }
  }
  if (tail !== states || nextPattern !== patterns)
    fail(`expected ${states} states and ${patterns} patterns`);

  const rightHangul = new Uint8Array(patterns);
  const candidateStart = new Int32Array(patterns + 1);
  for (let p = 0; p < patterns; p++) {
    const v = read();
    if (v >>> 1 === 0) fail(`pattern ${p} has no candidates`);
    rightHangul[p] = v & 1;
    candidateStart[p + 1] = candidateStart[p]! + (v >>> 1);
  }
  if (candidateStart[patterns] !== candidates) fail('candidate counts do not add up');
  const candidateTarget = new Int32Array(candidates);
  const exactFlags = new Uint8Array(candidates);
  const candidateAmbiguous = new Uint8Array(candidates);
  for (let k = 0; k < candidates; k++) {
    const v = read();
    if (v >>> 2 >= targetCount) fail(`candidate ${k} has no target`);
    candidateTarget[k] = v >>> 2;
    candidateAmbiguous[k] = (v >>> 1) & 1;
    exactFlags[k] = v & 1;
  }
  const types: MatchTarget['type'][] = [];
  for (let t = 0; t < targetCount; t++)
    types.push(TYPES[read()] ?? fail(`target ${t} has an unknown type`));
  if (pos !== end) fail(`${end - pos} bytes left over`);
  if (
    !Array.isArray(strings) ||
    strings.length !== targetCount + exactCount ||
    !strings.every((x) => typeof x === 'string')
  )
    fail(`expected ${targetCount + exactCount} strings`);
  const texts = strings as string[];
  const targets = types.map((type, t) => ({ type, id: texts[t]! }));
  let nextExact = targetCount;
  const candidateExact = Array.from(exactFlags, (flag) => (flag ? texts[nextExact++]! : null));
  if (nextExact !== texts.length) fail('exact aliases do not add up');
  return {
    alphabet,
    base,
    check,
    out,
    rightHangul,
    candidateStart,
    candidateTarget,
    candidateExact,
    candidateAmbiguous,
    targets,
    longest,
    folds,
  };
}

// Uint8Array.fromBase64 / toBase64 where the engine has them (Chromium 140+,
// Firefox 133+), else atob / btoa over a binary string.
type Base64Array = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Array).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
