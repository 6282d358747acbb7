import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/lib/prng.mjs';
import {
  aliasKey,
  buildMatcher,
  compileMatcher,
  type DictionaryEntry,
  foldCase,
  loadMatcher,
  type Mention,
  normalizeAlias,
  normalizeForMatching,
} from '../../utils/matcher';

const company = (id: string, ...aliases: string[]): DictionaryEntry[] =>
  aliases.map((alias) => ({ alias, type: 'company', id }));
const alliance = (id: string, ...aliases: string[]): DictionaryEntry[] =>
  aliases.map((alias) => ({ alias, type: 'alliance', id }));

const DICTIONARY: DictionaryEntry[] = [
  ...company('openai', 'OpenAI', '오픈AI', 'Open AI'),
  ...company('microsoft', 'Microsoft', 'MS', '마이크로소프트'),
  ...company('samsung-electronics', '삼성전자', 'Samsung Electronics'),
  ...company('samsung-group', '삼성', 'Samsung'),
  ...company('sk-group', 'SK', 'SK그룹'),
  ...company('sk-telecom', 'SK텔레콤', 'SKT', 'SK Telecom'),
  ...company('sk-hynix', 'SK하이닉스', 'SK hynix'),
  ...company('lg-group', 'LG'),
  ...company('lg-uplus', 'LG유플러스', 'LG U+'),
  ...company('apple', 'Apple', '애플'),
  ...company('meta', 'Meta', '메타', '메타플랫폼스'),
  ...company('intel', 'Intel', '인텔'),
  ...company('naver', 'Naver', 'NAVER', '네이버'),
  ...company('oracle', 'Oracle', '오라클'),
  ...company('kakao', '카카오', 'Kakao'),
  ...company('ibm', 'IBM'),
  ...company('aws', 'AWS', '아마존웹서비스'),
  ...company('nvidia', 'NVIDIA', '엔비디아'),
  ...company('google', 'Google', '구글'),
  ...alliance('ai-alliance', 'AI Alliance', 'AI 얼라이언스'),
  ...alliance('gtaa', 'GTAA'),
  ...alliance('k-ai-alliance', 'K-AI 얼라이언스'),
  ...alliance('stargate', '스타게이트'),
];

const matcher = buildMatcher(DICTIONARY);
/** What pages load: compiled, through storage's JSON. It must find exactly the same. */
const loaded = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(DICTIONARY))));

/** Every mention must point at exactly its surface in the original text. */
function find(text: string): Mention[] {
  const mentions = matcher.findMentions(text);
  expect(loaded.findMentions(text)).toEqual(mentions);
  for (const m of mentions) expect(m.surface).toBe(text.slice(m.start, m.end));
  return mentions;
}
const ids = (text: string): string[] => find(text).map((m) => m.id);
const surfaces = (text: string): string[] => find(text).map((m) => m.surface);

describe('normalizeForMatching', () => {
  it('folds full-width Latin and digits', () => {
    const n = normalizeForMatching('ＯｐｅｎＡＩ ２０２５');
    expect(n.text).toBe('OpenAI 2025');
    expect(n.toOriginal(7)).toBe(7);
  });

  it('turns NBSP and white-space runs into one space, keeping offsets', () => {
    const n = normalizeForMatching('AI\u00a0 \tAlliance');
    expect(n.text).toBe('AI Alliance');
    expect(n.toOriginal(3)).toBe(5);
    expect(n.toOriginalEnd(3)).toBe(5);
  });

  it('removes zero-width characters and maps around them', () => {
    for (const zw of ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060']) {
      const n = normalizeForMatching(`Open${zw}AI`);
      expect(n.text).toBe('OpenAI');
      expect(n.toOriginal(4)).toBe(5);
      expect(n.toOriginalEnd(6)).toBe(7);
    }
  });

  it('composes NFD Hangul and Latin marks, mapping each syllable to its jamo', () => {
    const nfd = '삼성전자'.normalize('NFD');
    const n = normalizeForMatching(`x ${nfd}`);
    expect(n.text).toBe('x 삼성전자');
    expect(n.toOriginal(2)).toBe(2);
    expect(n.toOriginalEnd(6)).toBe(2 + nfd.length);
    expect(normalizeForMatching('Cafe\u0301').text).toBe('Café');
  });

  it('maps the end of text to the original length', () => {
    const n = normalizeForMatching('a\u200b');
    expect(n.toOriginal(1)).toBe(2);
  });
});

describe('normalizeForMatching: randomized against whole-string NFC', () => {
  const ALPHABET = [
    ...'aZ09 .-@/(가각힣ＡｚＯ０',
    '\u00a0',
    '\u3000',
    '\n',
    '\t',
    '\u200b',
    '\u200d',
    '\ufeff',
    '\u00ad',
    '\u0301',
    '\u0323',
    '\u1100',
    '\u1161',
    '\u11a8',
    '\u212b',
    'İ',
    'Σ',
    '😀',
    '美',
    ...'삼성전자'.normalize('NFD'),
  ];
  const SPACES = /[\s\u0085]+/g;
  /** Reference: NFC of the whole text, then the per-unit folds. */
  const reference = (text: string): string =>
    [...text.normalize('NFC')]
      .map((ch) => {
        const u = ch.charCodeAt(0);
        if (u >= 0xff01 && u <= 0xff5e) return String.fromCharCode(u - 0xfee0);
        return /[\u200b-\u200d\u2060\ufeff\u00ad]/.test(ch) ? '' : ch;
      })
      .join('')
      .replace(SPACES, ' ');

  it('matches the reference and maps every unit into the original', () => {
    const r = prng(99);
    for (let round = 0; round < 500; round++) {
      let text = '';
      const len = Math.floor(r() * 24);
      for (let k = 0; k < len; k++) text += ALPHABET[Math.floor(r() * ALPHABET.length)];
      const n = normalizeForMatching(text);
      expect(n.text, JSON.stringify(text)).toBe(reference(text));
      let lastStart = 0;
      for (let i = 0; i < n.text.length; i++) {
        const start = n.toOriginal(i);
        const end = n.toOriginalEnd(i + 1);
        expect(start).toBeGreaterThanOrEqual(lastStart);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
        expect(normalizeForMatching(text.slice(start, end)).text).toContain(n.text[i]);
        lastStart = start;
      }
      expect(foldCase(n.text)).toHaveLength(n.text.length);
    }
  });
});

describe('foldCase and aliasKey', () => {
  it('foldCase keeps the length even for İ', () => {
    expect(foldCase('OpenAI İstanbul')).toHaveLength('OpenAI İstanbul'.length);
    expect(foldCase('OpenAI')).toBe('openai');
  });

  it('aliasKey ignores spacing, case, dots, hyphens and middle dots', () => {
    expect(aliasKey('오픈 ai')).toBe(aliasKey('오픈AI'));
    expect(aliasKey('ＯｐｅｎＡＩ')).toBe('openai');
    expect(aliasKey('K-AI 얼라이언스')).toBe('kai얼라이언스');
    expect(aliasKey('S.K·텔레콤')).toBe(aliasKey('SK텔레콤'));
    expect(aliasKey('삼성전자'.normalize('NFD'))).toBe('삼성전자');
  });
});

describe('findMentions: positives', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['OpenAI와 MS가 손잡았다', ['openai', 'microsoft'], ['OpenAI', 'MS']],
    ['오픈AI와 마이크로소프트', ['openai', 'microsoft'], ['오픈AI', '마이크로소프트']],
    ['삼성전자는 오늘', ['samsung-electronics'], ['삼성전자']],
    ['네이버의 하이퍼클로바X', ['naver'], ['네이버']],
    ['MS·오라클 동맹', ['microsoft', 'oracle'], ['MS', '오라클']],
    ['MSㆍ오라클', ['microsoft', 'oracle'], ['MS', '오라클']],
    ['SK텔레콤(SKT)은', ['sk-telecom', 'sk-telecom'], ['SK텔레콤', 'SKT']],
    ['엔비디아에서도 밝혔다', ['nvidia'], ['엔비디아']],
    ['삼성전자에서도', ['samsung-electronics'], ['삼성전자']],
    ['IBM과 AWS는', ['ibm', 'aws'], ['IBM', 'AWS']],
    ['SKT는 AI 얼라이언스에', ['sk-telecom', 'ai-alliance'], ['SKT', 'AI 얼라이언스']],
    ['Meta joined the AI Alliance.', ['meta', 'ai-alliance'], ['Meta', 'AI Alliance']],
    ['K-AI 얼라이언스와 GTAA, 스타게이트', ['k-ai-alliance', 'gtaa', 'stargate'], []],
    ['오라클사의 발표', ['oracle'], ['오라클']],
    ['오픈AI측은', ['openai'], ['오픈AI']],
    ['애플이다.', ['apple'], ['애플']],
    ['구글, 애플 (인텔) "카카오"', ['google', 'apple', 'intel', 'kakao'], []],
    ['LG U+ and LG', ['lg-uplus', 'lg-group'], ['LG U+', 'LG']],
    ['LG U+는', ['lg-uplus'], ['LG U+']],
    ['Open AI said', ['openai'], ['Open AI']],
    ["OpenAI's model", ['openai'], ['OpenAI']],
    ['한국IBM은', ['ibm'], ['IBM']],
    ['美엔비디아·中화웨이', ['nvidia'], ['엔비디아']],
    ['2024삼성전자', ['samsung-electronics'], ['삼성전자']],
    ['네이버 2분기', ['naver'], ['네이버']],
    ['#OpenAI', ['openai'], ['OpenAI']],
  ];
  it.each(cases)('%s', (text, expectedIds, expectedSurfaces) => {
    expect(ids(text)).toEqual(expectedIds);
    if (expectedSurfaces.length > 0) expect(surfaces(text)).toEqual(expectedSurfaces);
  });
});

describe('findMentions: negatives', () => {
  const cases: Array<[string, string]> = [
    ['MSCI 지수', 'MS inside MSCI'],
    ['intelligence', 'Intel inside intelligence'],
    ['인텔리전스', '인텔 inside 인텔리전스'],
    ['애플리케이션', '애플 inside 애플리케이션'],
    ['메타버스', '메타 inside 메타버스'],
    ['구글링', '링 is not a particle'],
    ['카카오톡', '톡 is not a particle'],
    ['카메타', 'Hangul syllable before 메타'],
    ['MS워드', '워드 is not a particle'],
    ['ms and Ms. Kim', 'MS is case-sensitive'],
    ['sk, skt, ibm, aws, gtaa', 'acronyms are case-sensitive'],
    ['help@naver.com', 'e-mail'],
    ['https://www.naver.com/x', 'URL'],
    ['naver.com', 'bare domain'],
    ['search.naver.com 접속', 'subdomain'],
    ['@OpenAI', 'handle'],
    ['xMS MSx 3MS MS3', 'Latin/digit neighbours'],
    ['애플사이다', 'cider: 사 + copula'],
    ['A삼성', 'Latin letter before a Hangul alias'],
    ['Metaverse', 'Meta inside Metaverse'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('keeps names around a link', () => {
    expect(ids('네이버(help@naver.com)와 https://openai.com 오픈AI')).toEqual(['naver', 'openai']);
  });
});

describe('findMentions: longest wins', () => {
  const cases: Array<[string, string]> = [
    ['삼성전자', 'samsung-electronics'],
    ['SK하이닉스', 'sk-hynix'],
    ['SK hynix', 'sk-hynix'],
    ['LG유플러스', 'lg-uplus'],
    ['메타플랫폼스', 'meta'],
    ['SK그룹', 'sk-group'],
    ['Samsung Electronics', 'samsung-electronics'],
  ];
  it.each(cases)('%s → %s', (text, id) => {
    const mentions = find(text);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ start: 0, end: text.length, id, surface: text });
  });

  it('falls back to the shorter alias when the longer one is not at a boundary', () => {
    expect(surfaces('삼성 전자')).toEqual(['삼성']);
    expect(find('SK 그룹')).toMatchObject([{ surface: 'SK', id: 'sk-group' }]);
  });
});

describe('findMentions: case', () => {
  it('matches non-acronyms case-insensitively', () => {
    for (const text of ['OpenAI', 'openai', 'OPENAI', 'oPeNaI']) {
      expect(find(text)).toMatchObject([{ id: 'openai', surface: text }]);
    }
    expect(ids('naver NAVER Naver')).toEqual(['naver', 'naver', 'naver']);
  });

  it('matches acronyms only in capitals', () => {
    expect(ids('MS ms Ms mS')).toEqual(['microsoft']);
    expect(ids('IBM Ibm ibm')).toEqual(['ibm']);
  });
});

describe('findMentions: normalization and offsets', () => {
  it('finds full-width names with original offsets', () => {
    const text = '미국 ＯｐｅｎＡＩ는';
    expect(find(text)).toEqual([
      { start: 3, end: 9, type: 'company', id: 'openai', surface: 'ＯｐｅｎＡＩ' },
    ]);
    expect(ids('ＭＳ가')).toEqual(['microsoft']);
  });

  it('treats NBSP as a space', () => {
    expect(find('AI\u00a0Alliance')).toMatchObject([{ id: 'ai-alliance', start: 0, end: 11 }]);
    expect(find('x\u00a0MS\u00a0y')).toMatchObject([{ start: 2, end: 4 }]);
    expect(find('AI  얼라이언스')).toMatchObject([
      { id: 'ai-alliance', surface: 'AI  얼라이언스' },
    ]);
  });

  it('spans zero-width characters inside a name', () => {
    expect(find('by Open\u200bAI.')).toMatchObject([
      { id: 'openai', start: 3, end: 10, surface: 'Open\u200bAI' },
    ]);
    expect(find('삼성\u200d전자는')).toMatchObject([
      { id: 'samsung-electronics', start: 0, end: 5 },
    ]);
  });

  it('does not let zero-width characters glue words together', () => {
    expect(find('\u200bMS\u200b')).toMatchObject([{ start: 1, end: 3 }]);
  });

  it('matches NFD Hangul and maps to the decomposed offsets', () => {
    const nfd = '오픈AI와 삼성전자에서도'.normalize('NFD');
    const mentions = find(nfd);
    expect(mentions.map((m) => m.id)).toEqual(['openai', 'samsung-electronics']);
    expect(mentions[0]!.surface.normalize('NFC')).toBe('오픈AI');
    expect(mentions[1]!.surface.normalize('NFC')).toBe('삼성전자');
  });

  it('handles astral characters and emoji around names', () => {
    const text = '😀오픈AI😀 𝐀MS';
    expect(find(text)).toMatchObject([{ surface: '오픈AI', start: 2 }]);
  });
});

describe('buildMatcher: resolution', () => {
  it('prefers companies, then dictionary order, for the same alias', () => {
    const m = buildMatcher([
      { alias: 'Stargate', type: 'alliance', id: 'stargate-project' },
      { alias: 'stargate', type: 'company', id: 'stargate-llc' },
      { alias: 'STARGATE', type: 'company', id: 'stargate-inc' },
    ]);
    expect(m.findMentions('Stargate')).toMatchObject([{ id: 'stargate-llc', type: 'company' }]);
  });

  it('picks the case-matching candidate when an acronym shares a key', () => {
    const m = buildMatcher([
      { alias: 'MS', type: 'company', id: 'microsoft' },
      { alias: 'Ms', type: 'company', id: 'other' },
    ]);
    expect(m.findMentions('MS')).toMatchObject([{ id: 'microsoft' }]);
    expect(m.findMentions('ms')).toMatchObject([{ id: 'other' }]);
  });

  it('ignores empty aliases and works with an empty dictionary', () => {
    expect(buildMatcher([]).findMentions('OpenAI')).toEqual([]);
    expect(
      buildMatcher([{ alias: ' \u200b', type: 'company', id: 'x' }]).findMentions(' '),
    ).toEqual([]);
    expect(matcher.findMentions('')).toEqual([]);
  });
});

describe('findMentions: randomized properties', () => {
  const aliasKeys = new Map<string, Set<string>>();
  for (const e of DICTIONARY) {
    const key = foldCase(normalizeAlias(e.alias));
    if (!aliasKeys.has(key)) aliasKeys.set(key, new Set());
    aliasKeys.get(key)!.add(e.id);
  }
  const PIECES = [
    ...DICTIONARY.map((e) => e.alias),
    ...DICTIONARY.map((e) => e.alias.toLowerCase()),
    ...['은', '는', '가', '와', '의', '에서도', '측은', '사', '리케이션', '버스', '톡'],
    ...[' ', ' ', '\u00a0', '\u200b', '·', '(', ')', '.', '@', '/', '-', ', ', 'www.', '.com'],
  ];
  const randomChar = (r: () => number): string => {
    const k = r();
    if (k < 0.4) return String.fromCharCode(0xac00 + Math.floor(r() * 11172));
    if (k < 0.8)
      return 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[
        Math.floor(r() * 62)
      ]!;
    return 'ＡＯｐ０\u0301\u1100\u1161'[Math.floor(r() * 7)]!;
  };

  it('returns sorted, non-overlapping mentions whose surfaces are aliases', () => {
    const r = prng(20240601);
    let total = 0;
    for (let round = 0; round < 500; round++) {
      let text = '';
      const parts = 1 + Math.floor(r() * 30);
      for (let p = 0; p < parts; p++) {
        text += r() < 0.5 ? PIECES[Math.floor(r() * PIECES.length)] : randomChar(r);
      }
      if (r() < 0.2) text = text.normalize('NFD');
      const mentions = matcher.findMentions(text);
      total += mentions.length;
      let lastEnd = 0;
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(lastEnd);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.surface).toBe(text.slice(m.start, m.end));
        const key = foldCase(normalizeAlias(m.surface));
        expect(aliasKeys.has(key), `${JSON.stringify(m.surface)} in ${JSON.stringify(text)}`).toBe(
          true,
        );
        expect(aliasKeys.get(key)!.has(m.id)).toBe(true);
        lastEnd = m.end;
      }
    }
    expect(total).toBeGreaterThan(100); // the generator actually produces mentions
  });
});
