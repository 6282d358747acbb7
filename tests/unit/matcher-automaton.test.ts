import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/lib/prng.mjs';
import { findLinkRanges } from '../../utils/matcher/links';
import { ACTOR_PARTICLES, isParticleRun, ROLE_PARTICLES } from '../../utils/matcher/particles';
import { buildAhoCorasick } from '../support/aho-corasick';

function allHits(patterns: string[], text: string): string[] {
  const hits: string[] = [];
  buildAhoCorasick(patterns).scan(text, (p, end) => hits.push(`${p}@${end}`));
  return hits.sort();
}

function naiveHits(patterns: string[], text: string): string[] {
  const hits: string[] = [];
  patterns.forEach((p, index) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
      hits.push(`${index}@${i + p.length}`);
    }
  });
  return hits.sort();
}

describe('buildAutomaton', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = ['he', 'she', 'his', 'hers', '삼성', '삼성전자', '성전'];
    expect(allHits(patterns, 'ushers 삼성전자')).toEqual(naiveHits(patterns, 'ushers 삼성전자'));
  });

  it('reports matches in end order, longest first at the same end', () => {
    const order: Array<[number, number]> = [];
    buildAhoCorasick(['a', 'ab', 'b', 'xab']).scan('xab', (p, end) => order.push([p, end]));
    expect(order).toEqual([
      [0, 2],
      [3, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it.each([
    ['a small alphabet (deep fail chains)', 'ab가나\ud83d\ude00'],
    ['a wide alphabet (direct-index rows)', 'abcdefghijklmnop가각간갇'],
  ])('agrees with a naive search on random inputs over %s', (_, alphabet) => {
    const r = prng(7);
    const word = (max: number) => {
      let s = '';
      const n = 1 + Math.floor(r() * max);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      return s;
    };
    for (let round = 0; round < 300; round++) {
      const patterns = [
        ...new Set(Array.from({ length: 1 + Math.floor(r() * 60) }, () => word(4))),
      ];
      const text = word(80);
      expect(allHits(patterns, text)).toEqual(naiveHits(patterns, text));
    }
  });

  it('handles many patterns (hash table growth and collisions)', () => {
    const patterns = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}x`);
    const text = patterns.filter((_, i) => i % 7 === 0).join(' ');
    expect(allHits(patterns, text)).toEqual(naiveHits(patterns, text));
  });
});

describe('isParticleRun', () => {
  it.each(['는', '에서도', '측은', '사의', '와의', '측에서도', '이다', '으로부터'])(
    '%s is a particle run',
    (run) => {
      expect(isParticleRun(run)).toBe(true);
    },
  );
  it.each(['링', '톡', '리케이션', '버스', '사이다', '워드', '들이다'])('%s is not', (run) => {
    expect(isParticleRun(run)).toBe(false);
  });
  it('accepts every particle the clipper strips from a name, the actors among them', () => {
    for (const p of ROLE_PARTICLES) expect(isParticleRun(p), p).toBe(true);
    for (const p of ACTOR_PARTICLES) expect(ROLE_PARTICLES, p).toContain(p);
  });
});

describe('findLinkRanges', () => {
  const linked = (t: string) => findLinkRanges(t, t.toLowerCase()).map(([s, e]) => t.slice(s, e));
  it('finds URLs, e-mail addresses and bare domains', () => {
    expect(linked('메일 help@naver.com 또는 https://www.naver.com/x?q=1 참고')).toEqual([
      'help@naver.com',
      'https://www.naver.com/x?q=1',
    ]);
    expect(linked('naver.com에서, openai.com/blog 그리고 kakao.co.kr.')).toEqual([
      'naver.com',
      'openai.com/blog',
      'kakao.co.kr.',
    ]);
  });
  it('leaves ordinary sentences alone', () => {
    expect(linked('U.S. and Intel. MS·LG, e.g. v1.2')).toEqual([]);
  });
  // How long it takes (it must stay linear) is measured by the matcher benchmark.
  it('takes a long unbroken run as one e-mail address', () => {
    const t = `${'a'.repeat(200_000)}@${'b.'.repeat(50_000)}`;
    expect(findLinkRanges(t, t)).toEqual([[0, t.length]]);
  });
});
