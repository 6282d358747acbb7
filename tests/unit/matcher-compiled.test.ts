// The compiled matcher pages load from extension storage: same mentions as a
// built one (also checked across the matcher tables and random dictionaries
// in matcher.test.ts and matcher-fast-paths.test.ts), smaller than the
// entries it replaces, and a clear error for anything it cannot read.
import { describe, expect, it } from 'vitest';
import { syntheticPack } from '../../scripts/lib/bench-pages.mjs';
import { readDictionary } from '../../utils/dictionary';
import {
  buildMatcher,
  type CompiledMatcher,
  CompiledMatcherError,
  compileMatcher,
  type DictionaryEntry,
  loadMatcher,
} from '../../utils/matcher';

const ENTRIES: DictionaryEntry[] = [
  { alias: 'OpenAI', type: 'company', id: 'openai' },
  { alias: '오픈AI', type: 'company', id: 'openai' },
  { alias: 'MS', type: 'company', id: 'microsoft' },
  { alias: 'Ms', type: 'company', id: 'ms-person' },
  { alias: '마이크로소프트', type: 'company', id: 'microsoft' },
  { alias: 'AI 얼라이언스', type: 'alliance', id: 'ai-alliance' },
  { alias: '𝐀𝐈 Labs', type: 'company', id: 'astral' },
];
const TEXT = 'MS·오픈AI와 Ms Kim, ms, AI 얼라이언스에 𝐀𝐈 Labs도. OPENAI는';

/** Through JSON, as extension storage carries it. */
const roundTrip = (c: CompiledMatcher): CompiledMatcher => JSON.parse(JSON.stringify(c));

describe('compiled matcher', () => {
  it('finds what the built matcher finds, acronyms, alliances and astral letters included', () => {
    const mentions = loadMatcher(roundTrip(compileMatcher(ENTRIES))).findMentions(TEXT);
    expect(mentions).toEqual(buildMatcher(ENTRIES).findMentions(TEXT));
    expect(mentions.map((m) => `${m.type}:${m.id}`)).toEqual([
      'company:microsoft',
      'company:openai',
      'company:ms-person',
      'company:ms-person', // "ms": Ms is not an acronym, so any case
      'alliance:ai-alliance',
      'company:astral',
      'company:openai',
    ]);
  });

  it('loads an empty dictionary', () => {
    expect(loadMatcher(roundTrip(compileMatcher([]))).findMentions(TEXT)).toEqual([]);
  });

  it('is one short string for 10,000 companies, several times smaller than their entries', () => {
    const entries: DictionaryEntry[] = syntheticPack(10_000).companies.flatMap(
      (c: { id: string; aliases: string[] }) =>
        c.aliases.map((alias) => ({ alias, type: 'company' as const, id: c.id })),
    );
    const compiled = compileMatcher(entries);
    const size = compiled.numbers.length + compiled.strings.length;
    expect(size).toBeLessThan(JSON.stringify(entries).length);
    const loaded = loadMatcher(roundTrip(compiled));
    const built = buildMatcher(entries);
    const text = entries
      .slice(0, 2000)
      .map((e, i) => `${e.alias}${i % 2 ? '는' : ''} 그리고 `)
      .join('');
    expect(loaded.findMentions(text)).toEqual(built.findMentions(text));
    expect(loaded.findMentions(text)).toHaveLength(2000);
  });
});

describe('compiled matcher: what it refuses', () => {
  const good = compileMatcher(ENTRIES);
  const bytes = (c: CompiledMatcher) => Uint8Array.from(atob(c.numbers), (ch) => ch.charCodeAt(0));
  const withBytes = (b: Uint8Array): CompiledMatcher => ({
    ...good,
    numbers: btoa(String.fromCharCode(...b)),
  });
  const refuses = (c: unknown, message: RegExp) => {
    expect(() => loadMatcher(c as CompiledMatcher)).toThrow(CompiledMatcherError);
    expect(() => loadMatcher(c as CompiledMatcher)).toThrow(message);
  };

  it('a stored dictionary of an older version (plain entries): the page asks the background', () => {
    expect(readDictionary({ version: 4, entries: [{ alias: 'OpenAI' }] })).toBeNull();
    expect(readDictionary({ version: 'x', matcher: good })).toBeNull();
    expect(readDictionary({ version: 4, matcher: good })).toEqual({ version: 4, matcher: good });
  });

  it('another format, or none', () => {
    refuses({ ...good, format: 'alliance-lens-matcher/0' }, /format "alliance-lens-matcher\/0"/);
    // Format 1 had no ambiguity flags: a page holding one asks the background again.
    refuses({ ...good, format: 'alliance-lens-matcher/1' }, /format "alliance-lens-matcher\/1"/);
    refuses({ version: 3, entries: [] }, /format undefined is not alliance-lens-matcher\/2/);
    refuses(null, /format undefined/);
  });

  it('numbers that are not base64, strings that are not JSON', () => {
    refuses({ ...good, numbers: '%%%' }, /numbers are not base64/);
    refuses({ ...good, strings: '[' }, /strings are not JSON/);
    refuses({ ...good, numbers: 42 }, /numbers and strings must be strings/);
  });

  it('numbers cut short or with bytes left over', () => {
    const b = bytes(good);
    refuses(withBytes(b.subarray(0, b.length - 3)), /numbers end too early/);
    refuses(withBytes(Uint8Array.from([...b, 0])), /1 bytes left over/);
  });

  it('the wrong number of strings', () => {
    const strings = JSON.parse(good.strings) as string[];
    refuses({ ...good, strings: JSON.stringify(strings.slice(1)) }, /expected \d+ strings/);
    refuses({ ...good, strings: JSON.stringify([...strings.slice(1), 7]) }, /expected \d+ strings/);
  });

  it('a trie that points outside its table', () => {
    // Header: alphabet length, slots, ... ; shrink the slot count (byte 1, one byte here).
    const b = bytes(good);
    expect(b[1]).toBeLessThan(0x80);
    const shrunk = Uint8Array.from(b);
    shrunk[1] = b[0]! + 1;
    refuses(withBytes(shrunk), /compiled matcher: /);
  });
});
