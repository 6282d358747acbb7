// The matcher's fast paths against the plain rules they stand for: lookup
// tables against the functions that define them, and findMentions against
// a straightforward reference pipeline (normalize, Aho–Corasick over the
// whole text, filter every occurrence, sort, leftmost-longest).

import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/lib/prng.mjs';
import {
  buildMatcher,
  compileMatcher,
  type DictionaryEntry,
  isCaseSensitiveAlias,
  loadMatcher,
  type Mention,
  normalizeAlias,
} from '../../utils/matcher';
import {
  edgeScript,
  leftBoundaryOk,
  leftOk,
  rightBoundaryOk,
  rightOk,
} from '../../utils/matcher/boundaries';
import { foldCase, foldTable } from '../../utils/matcher/case-fold';
import { codePointAt, codePointBefore, isSpace } from '../../utils/matcher/chars';
import { findLinkRanges, linkFilter, overlapsRanges } from '../../utils/matcher/links';
import { matcherStats } from '../../utils/matcher/load';
import { isKeep, normalizeWithMap, SAFE_RANGES } from '../../utils/matcher/normalize';
import { isParticleRun, isShortParticleRun } from '../../utils/matcher/particles';
import { buildAhoCorasick } from '../support/aho-corasick';

describe('lookup tables', () => {
  it('SAFE_RANGES holds only units normalization keeps and never merges', () => {
    for (const [lo, hi] of SAFE_RANGES) {
      for (let u = lo; u <= hi; u++) {
        const ok =
          isKeep(u) &&
          !isSpace(u) &&
          !(u >= 0xd800 && u <= 0xdfff) &&
          !(u >= 0xff01 && u <= 0xff5e) &&
          ![0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad].includes(u);
        if (!ok) expect.fail(`U+${u.toString(16)} is not safe`);
      }
    }
  });

  it('foldTable folds every unit like foldCase', () => {
    const table = foldTable();
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const s = String.fromCharCode(u);
      if (foldCase(s) !== String.fromCharCode(table[u]!)) {
        expect.fail(`U+${u.toString(16)}: ${foldCase(s)} vs ${String.fromCharCode(table[u]!)}`);
      }
    }
    // In context too (final sigma, İ): per unit, whatever the neighbours.
    const r = prng(5);
    const alphabet = [...'ΣσςİIiAaΩΚ\u212a\u212b가a. ', 'ẞ', 'ß'];
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let k = 0; k < 12; k++) s += alphabet[Math.floor(r() * alphabet.length)];
      const folded = [...s].map((c) => String.fromCharCode(table[c.charCodeAt(0)]!)).join('');
      expect(folded, JSON.stringify(s)).toBe(foldCase(s));
    }
  });

  it('leftOk and rightOk agree with the boundary rules', () => {
    const neighbours = [
      ...Array.from({ length: 0x80 }, (_, u) => String.fromCharCode(u)),
      ...'가는은이에측사다힣ㄱㆍ·“”美中ア한é',
      '\u00a0',
      '\u3000',
      '\u0301',
      '\u1100',
      '😀',
      '𝐀',
      'Ａ',
      '０',
    ];
    const names = ['MS', '삼성', 'SK텔레콤', '오픈AI', 'x'];
    const wrong: string[] = [];
    for (const a of neighbours) {
      for (const b of neighbours) {
        for (const name of names) {
          const left = edgeScript(codePointAt(name, 0));
          const right = edgeScript(codePointBefore(name, name.length));
          const before = a + b + name;
          const start = before.length - name.length;
          if (leftOk(before, start, left === 'hangul') !== leftBoundaryOk(before, start, left)) {
            wrong.push(`left ${JSON.stringify(before)}`);
          }
          const after = name + a + b;
          if (
            rightOk(after, name.length, right === 'hangul') !==
            rightBoundaryOk(after, name.length, right)
          ) {
            wrong.push(`right ${JSON.stringify(after)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('isShortParticleRun agrees with isParticleRun', () => {
    const syllables = [
      ...new Set(
        '은는이가을를의와과도만에서게으로까지부터보다처럼나랑하고께조차마저뿐큼한테서측사들등였며라'.split(
          '',
        ),
      ),
    ];
    syllables.push('링', '톡', '버');
    for (const a of syllables) {
      expect(isShortParticleRun(a.charCodeAt(0), -1)).toBe(isParticleRun(a));
      for (const b of syllables) {
        expect(isShortParticleRun(a.charCodeAt(0), b.charCodeAt(0)), a + b).toBe(
          isParticleRun(a + b),
        );
      }
    }
  });

  it('linkFilter agrees with findLinkRanges over the whole text', () => {
    const r = prng(11);
    const pieces = [
      'www.',
      'http://',
      'https://',
      '.com',
      '.kr',
      '@',
      ' ',
      ' ',
      '.',
      'a',
      'B',
      '1',
      '가',
      '/',
      '-',
      'naver',
      'x.y',
      'WWW.',
      ':',
    ];
    for (let round = 0; round < 400; round++) {
      let t = '';
      const parts = 1 + Math.floor(r() * 25);
      for (let p = 0; p < parts; p++) t += pieces[Math.floor(r() * pieces.length)];
      const ranges = findLinkRanges(t, foldCase(t));
      const overlaps = linkFilter(t);
      for (let start = 0; start < t.length; start += 1 + Math.floor(r() * 3)) {
        const end = Math.min(t.length, start + 1 + Math.floor(r() * 8));
        expect(overlaps(start, end), `${JSON.stringify(t)} [${start}, ${end})`).toBe(
          overlapsRanges(ranges, start, end),
        );
      }
    }
  });
});

describe('buildAutomaton: double-array layout', () => {
  it('agrees with a naive search over a wide alphabet', () => {
    const r = prng(3);
    const syllable = () => String.fromCharCode(0xac00 + Math.floor(r() * 300));
    for (let round = 0; round < 40; round++) {
      const patterns = Array.from({ length: 200 }, () => {
        let s = '';
        for (let k = 1 + Math.floor(r() * 4); k > 0; k--) s += syllable();
        return s;
      });
      let text = '';
      for (let k = 0; k < 400; k++) text += syllable();
      const hits: string[] = [];
      buildAhoCorasick(patterns).scan(text, (p, end) => hits.push(`${p}@${end}`));
      const naive: string[] = [];
      const last = new Map(patterns.map((p, i) => [p, i]));
      for (const [p, index] of last) {
        for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
          naive.push(`${index}@${i + p.length}`);
        }
      }
      expect(hits.sort()).toEqual(naive.sort());
    }
  });

  it('reports the last of equal patterns, and stays about as big as the trie', () => {
    const hits: number[] = [];
    buildAhoCorasick(['ab', 'x', 'ab']).scan('ab', (p) => hits.push(p));
    expect(hits).toEqual([2]);
    const patterns = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}x`);
    const automaton = buildAhoCorasick(patterns);
    expect(automaton.slotCount).toBeLessThan(
      automaton.nodeCount * 1.5 + automaton.alphabetSize + 1,
    );
  });
});

/** The matcher as one would first write it: every occurrence, then filters. */
function referenceMatcher(entries: readonly DictionaryEntry[]) {
  const byKey = new Map<string, Array<{ entry: DictionaryEntry; exact: string | null }>>();
  for (const entry of entries) {
    const normalized = normalizeAlias(entry.alias);
    if (normalized === '') continue;
    const key = foldCase(normalized);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push({ entry, exact: isCaseSensitiveAlias(normalized) ? normalized : null });
  }
  const keys = [...byKey.keys()];
  for (const list of byKey.values()) {
    list.sort((a, b) => (a.entry.type === b.entry.type ? 0 : a.entry.type === 'company' ? -1 : 1));
  }
  const automaton = buildAhoCorasick(keys);
  return (text: string): Mention[] => {
    const { text: t, startOf, endOf } = normalizeWithMap(text);
    const lower = foldCase(t);
    const links = findLinkRanges(t, lower);
    const found: Array<[number, number, DictionaryEntry]> = [];
    automaton.scan(lower, (p, end) => {
      const key = keys[p]!;
      const start = end - key.length;
      if (!leftBoundaryOk(t, start, edgeScript(codePointAt(key, 0)))) return;
      if (!rightBoundaryOk(t, end, edgeScript(codePointBefore(key, key.length)))) return;
      if (overlapsRanges(links, start, end)) return;
      const c = byKey.get(key)!.find((x) => x.exact === null || t.startsWith(x.exact, start));
      if (c) found.push([start, end, c.entry]);
    });
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const mentions: Mention[] = [];
    let lastEnd = 0;
    for (const [s, e, entry] of found) {
      if (s < lastEnd) continue;
      lastEnd = e;
      const start = startOf(s);
      const end = endOf(e - 1);
      mentions.push({
        start,
        end,
        type: entry.type,
        id: entry.id,
        surface: text.slice(start, end),
      });
    }
    return mentions;
  };
}

describe('findMentions against the reference pipeline', () => {
  const ALIASES = [
    ...['OpenAI', '오픈AI', 'Open AI', 'MS', 'Ms', '마이크로소프트', '삼성', '삼성전자', 'SK'],
    ...['SK텔레콤', 'SKT', 'LG U+', 'U+', '메타', 'Meta', 'AI Alliance', 'AI 얼라이언스', 'GTAA'],
    ...['(주)카카오', 'SK㈜', 'Apple Inc.', 'e&', 'naver', 'www', 'com', 'ΣΑΣ', 'σας', 'İz'],
    ...['\u212aelvin', 'Å', '𐐀bc', '😀AI', 'ア社', 'ㄱㄴ', '美MS', 'a.b', 'Straße', 'x'],
  ];
  const CHARS = [
    ...'aAzZ09가나삼성전자메타버스는은이에서도측사이다 .,@:/-_#&+()·ㆍ“”㈜αΩア美',
    ...['\u00a0', '\u3000', '\n', '\t', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u0301'],
    ...['\u1100', '\u1161', '\u11a8', '\u212b', '\u212a', 'İ', 'Σ', 'ς', '😀', '𐐀', '𐐨'],
    ...['Ａ', 'ｚ', '０', 'ẞ', '\u0085', '\u2028', '\ud800', 'é'],
  ];
  const PARTS = [
    'www.',
    'https://',
    '.com',
    '.co.kr',
    '@',
    '  ',
    '. ',
    '는',
    '에서도',
    '측은',
    '2024',
  ];

  it.each([
    ['built', buildMatcher],
    [
      'compiled, then loaded from JSON',
      (entries: DictionaryEntry[]) =>
        loadMatcher(JSON.parse(JSON.stringify(compileMatcher(entries)))),
    ],
  ])('finds exactly the same mentions on random texts and dictionaries (%s)', (_, make) => {
    const r = prng(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    let total = 0;
    for (let round = 0; round < 150; round++) {
      const entries: DictionaryEntry[] = Array.from(
        { length: 1 + Math.floor(r() * 25) },
        (_, i) => {
          let alias = pick(ALIASES);
          if (r() < 0.3)
            alias = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(CHARS)).join('');
          return { alias, type: r() < 0.2 ? 'alliance' : 'company', id: `e${i >> 1}` };
        },
      );
      const actual = make(entries);
      const expected = referenceMatcher(entries);
      for (let k = 0; k < 10; k++) {
        let text = '';
        for (let p = Math.floor(r() * 25); p > 0; p--) {
          const q = r();
          if (q < 0.35) {
            const alias = pick(entries).alias;
            text += r() < 0.2 ? alias.toLowerCase() : r() < 0.1 ? alias.toUpperCase() : alias;
          } else text += q < 0.6 ? pick(PARTS) : pick(CHARS);
        }
        if (r() < 0.1) text = text.normalize('NFD');
        const mentions = actual.findMentions(text);
        total += mentions.length;
        expect(mentions, JSON.stringify(text)).toEqual(expected(text));
      }
    }
    expect(total).toBeGreaterThan(500);
  });

  it('gives the same mentions whether or not the text needs normalizing', () => {
    const m = buildMatcher(ALIASES.map((alias, i) => ({ alias, type: 'company', id: `e${i}` })));
    const clean = '오픈AI와 MS가 SK㈜·삼성전자에서도 “Meta” 美MS 2024삼성 AI Alliance.\nLG U+는';
    const found = m.findMentions(clean);
    expect(found.map((x) => x.surface)).toEqual([
      '오픈AI',
      'MS',
      'SK㈜',
      '삼성전자',
      'Meta',
      '美MS',
      '삼성',
      'AI Alliance',
      'LG U+',
    ]);
    // An invisible at the end sends the text through normalization first.
    expect(m.findMentions(`${clean}\u200b`)).toEqual(found);
    // Astral characters fold in pairs.
    expect(m.findMentions('𐐀BC 𐐨bc 😀AI').map((x) => x.surface)).toEqual(['𐐀BC', '𐐨bc', '😀AI']);
  });

  it('reports table sizes', () => {
    const stats = matcherStats(buildMatcher([{ alias: '삼성전자', type: 'company', id: 's' }]));
    expect(stats).toMatchObject({ states: 5, alphabet: 4 });
    expect(stats!.bytes).toBeGreaterThan(0);
  });
});
