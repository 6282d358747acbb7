// @vitest-environment happy-dom
// Trust: clipping reads hostile pages in linear time, makes valid ids, shows
// every save problem, and believes a canonical link only from the page's own site.
import { describe, expect, it } from 'vitest';
import { unplacedProblems } from '../../components/FieldProblems';
import { clipAllianceId } from '../../utils/clip/draft';
import { extractArticleMeta, siteOf } from '../../utils/clip/metadata';
import { validateAlliance } from '../../utils/pack/validate';

const html = (s: string): Document => new DOMParser().parseFromString(s, 'text/html');

describe('page reading is linear and capped', () => {
  it('a date label followed by 400,000 spaces is read in linear time (quadratic took minutes)', () => {
    const doc = html(`<body><p>published${' '.repeat(400_000)}July 21, 2024</p></body>`);
    expect(extractArticleMeta(doc, 'https://example.com/a').published).toBeNull();
    const ok = html('<body><p>입력 : 2024.07.21 09:00</p></body>');
    expect(extractArticleMeta(ok, 'https://example.com/a').published).toBe('2024-07-21');
  });

  it('one huge text node does not carry the page past the text cap', () => {
    // The label sits beyond the 200,000-character cap inside one node: not read.
    const doc = html(`<body><p>${'가'.repeat(250_000)} 입력: 2024-07-21</p></body>`);
    expect(extractArticleMeta(doc, 'https://example.com/a').published).toBeNull();
  });
});

describe('clip ids are always valid', () => {
  it('a cut at 80 characters never leaves a trailing hyphen', () => {
    for (let n = 1; n < 40; n++) {
      const ids = ['a'.repeat(n), 'b'.repeat(60 - Math.min(n, 59)), 'c'];
      const id = clipAllianceId(ids, 'joint-venture', '2026-11-01');
      expect(id.length).toBeLessThanOrEqual(80);
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const checked = validateAlliance(
        {
          id,
          kind: 'partnership',
          name: null,
          members: [{ company: 'x' }, { company: 'y' }],
          since: null,
          until: null,
          status: 'active',
          sources: [{ url: 'https://example.com/' }],
        },
        new Set(['x', 'y']),
      );
      expect(checked.ok).toBe(true);
    }
  });

  it('a problem no field shows is still shown', () => {
    const problems = ['id: not an id', 'members[0]: unknown company "x"', 'could not save'];
    expect(unplacedProblems(problems, ['members[0]', 'members', 'since', 'sources[0]'])).toEqual([
      'id: not an id',
      'could not save',
    ]);
  });
});

describe('canonical links from another site are not believed', () => {
  it('a fake page naming a Reuters canonical keeps its own address', () => {
    const doc = html(
      '<head><link rel="canonical" href="https://www.reuters.com/technology/x"><meta property="og:url" content="https://www.reuters.com/technology/x"></head><body></body>',
    );
    expect(extractArticleMeta(doc, 'https://fake-news.example/story/1').url).toBe(
      'https://fake-news.example/story/1',
    );
  });

  it('a canonical on the same site (another subdomain) is taken', () => {
    const doc = html(
      '<head><link rel="canonical" href="https://www.dt.co.kr/contents.html?article_no=1"></head>',
    );
    expect(extractArticleMeta(doc, 'https://m.dt.co.kr/contents.html?article_no=1&x=1').url).toBe(
      'https://www.dt.co.kr/contents.html?article_no=1',
    );
    expect(siteOf('n.news.naver.com')).toBe('naver.com');
    expect(siteOf('news.bbc.co.uk')).toBe('bbc.co.uk');
  });
});
