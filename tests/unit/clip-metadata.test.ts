// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleDate } from '../../utils/clip/date';
import { extractArticleMeta, today } from '../../utils/clip/metadata';
import { articleUrlKey, cleanUrl } from '../../utils/clip/url';

const fixture = (name: string): Document =>
  new DOMParser().parseFromString(
    readFileSync(join(import.meta.dirname, '../fixtures/clip', name), 'utf8'),
    'text/html',
  );
const html = (s: string): Document => new DOMParser().parseFromString(s, 'text/html');

describe('extractArticleMeta: fixtures', () => {
  it('og tags: og:url cleaned, title suffix stripped, date in its own offset', () => {
    const meta = extractArticleMeta(
      fixture('og.html'),
      'https://www.reuters.com/technology/haneul-ai-speech-deal-2024-07-21/?utm_source=x#comments',
    );
    expect(meta).toEqual({
      url: 'https://www.reuters.com/technology/haneul-ai-speech-deal-2024-07-21/?taid=abc',
      title: 'Haneul AI and a cloud vendor sign a speech deal',
      publisher: 'Reuters',
      published: '2024-07-21',
    });
  });

  it('JSON-LD @graph: headline, publisher and datePublished (Z)', () => {
    const meta = extractArticleMeta(fixture('jsonld-graph.html'), 'https://wire.example.com/a/1');
    expect(meta).toEqual({
      url: 'https://wire.example.com/a/1',
      title: 'Two chip startups agree to merge',
      publisher: 'Example Wire',
      published: '2024-07-21',
    });
  });

  it('JSON-LD array of objects, publisher given as an array', () => {
    const meta = extractArticleMeta(fixture('jsonld-array.html'), 'https://news.example.kr/1');
    expect(meta.title).toBe('하늘AI, 번역 모델 공개');
    expect(meta.publisher).toBe('가상일보');
    expect(meta.published).toBe('2025-03-04');
  });

  it('malformed JSON-LD is ignored; <time> inside the article is used', () => {
    const meta = extractArticleMeta(
      fixture('jsonld-malformed.html'),
      'https://times.example.com/story',
    );
    expect(meta.title).toBe('Robotics lab raises money');
    expect(meta.publisher).toBe('Example Times');
    expect(meta.published).toBe('2024-11-30');
  });

  it('Naver: canonical keeps sid, known publisher, data-date-time', () => {
    const meta = extractArticleMeta(
      fixture('naver.html'),
      'https://n.news.naver.com/mnews/article/999/0000000001?sid=105&utm_source=kakao#cb',
    );
    expect(meta).toEqual({
      url: 'https://n.news.naver.com/mnews/article/999/0000000001?sid=105',
      title: '가상 스타트업, 클라우드 회사와 협력',
      publisher: '네이버 뉴스',
      published: '2025-10-02',
    });
  });

  it('Daum: span.num_date, document title with the site suffix', () => {
    const meta = extractArticleMeta(fixture('daum.html'), 'https://v.daum.net/v/20251001090000001');
    expect(meta).toEqual({
      url: 'https://v.daum.net/v/20251001090000001',
      title: '하늘AI, 투자 유치',
      publisher: '다음뉴스',
      published: '2025-10-01',
    });
  });

  it('Digital Times: "입력:" label in the text (not in scripts), suffix stripped', () => {
    const meta = extractArticleMeta(
      fixture('digitaltimes.html'),
      'https://www.dt.co.kr/contents.html?article_no=2024072102109931081001',
    );
    expect(meta).toEqual({
      url: 'https://www.dt.co.kr/contents.html?article_no=2024072102109931081001',
      title: '가상 기업들 AI 동맹 결성',
      publisher: '디지털타임스',
      published: '2024-07-21',
    });
  });
});

describe('extractArticleMeta: URL', () => {
  it('resolves a relative canonical against the page and drops tracking and hash', () => {
    const doc = html(
      '<link rel="canonical" href="/news/123?utm_source=x&id=7&fbclid=abc#top"><p>x</p>',
    );
    expect(extractArticleMeta(doc, 'https://example.com/m/news/123?from=app').url).toBe(
      'https://example.com/news/123?id=7',
    );
  });

  it('prefers canonical over og:url, and og:url over the page', () => {
    const both = html(
      '<link rel="canonical" href="https://a.example.com/1"><meta property="og:url" content="https://b.example.com/1">',
    );
    expect(extractArticleMeta(both, 'https://c.example.com/1').url).toBe('https://a.example.com/1');
    const og = html('<meta property="og:url" content="https://b.example.com/1">');
    expect(extractArticleMeta(og, 'https://c.example.com/1').url).toBe('https://b.example.com/1');
  });

  it('skips non-http canonicals and a canonical to the site root', () => {
    const js = html('<link rel="canonical" href="javascript:alert(1)">');
    expect(extractArticleMeta(js, 'https://example.com/a').url).toBe('https://example.com/a');
    const root = html('<link rel="canonical" href="https://example.com/">');
    expect(extractArticleMeta(root, 'https://example.com/news/9').url).toBe(
      'https://example.com/news/9',
    );
  });

  it('returns a non-http page URL as it is (the caller validates)', () => {
    expect(extractArticleMeta(html('<p>x</p>'), 'file:///tmp/a.html').url).toBe(
      'file:///tmp/a.html',
    );
  });
});

describe('extractArticleMeta: fallbacks', () => {
  it('no metadata at all', () => {
    const doc = html('<html><head></head><body><p>Plain text.</p></body></html>');
    expect(extractArticleMeta(doc, 'https://www.example.com/a?gclid=1&q=2#x')).toEqual({
      url: 'https://www.example.com/a?q=2',
      title: null,
      publisher: 'example.com',
      published: null,
    });
  });

  it('twitter:title, then <h1>, then document.title', () => {
    expect(
      extractArticleMeta(html('<meta name="twitter:title" content="T"><h1>H</h1>'), 'https://x.io/')
        .title,
    ).toBe('T');
    expect(
      extractArticleMeta(html('<title>D</title><h1> H  one </h1>'), 'https://x.io/').title,
    ).toBe('H one');
    expect(extractArticleMeta(html('<title> D </title>'), 'https://x.io/').title).toBe('D');
  });

  it('keeps a title suffix that is not the publisher', () => {
    const doc = html('<title>Chips: the next round - analysis</title>');
    expect(extractArticleMeta(doc, 'https://www.reuters.com/x').title).toBe(
      'Chips: the next round - analysis',
    );
  });

  it('strips the Korean CMS section trail', () => {
    const doc = html('<title>하늘AI 상장 추진 &lt; 산업 &lt; 기사본문 - 가상신문</title>');
    expect(extractArticleMeta(doc, 'https://www.gasang.example/news/1').title).toBe(
      '하늘AI 상장 추진',
    );
  });

  it('known host by sub-domain', () => {
    expect(extractArticleMeta(html(''), 'https://m.dt.co.kr/a/1').publisher).toBe('디지털타임스');
  });

  it('skips invalid dates and uses the next source', () => {
    const doc = html(
      `<meta property="article:published_time" content="2024-13-45T00:00:00Z">
       <meta name="pubdate" content="soon">
       <meta itemprop="datePublished" content="2023-02-29">
       <meta name="date" content="2024-02-29">`,
    );
    expect(extractArticleMeta(doc, 'https://x.io/a').published).toBe('2024-02-29');
  });

  it('itemprop datePublished on a meta tag', () => {
    const doc = html('<meta itemprop="datePublished" content="2022-05-06T10:00:00+09:00">');
    expect(extractArticleMeta(doc, 'https://x.io/a').published).toBe('2022-05-06');
  });
});

describe('parseArticleDate', () => {
  it.each([
    ['2024-07-21T23:30:00+09:00', '2024-07-21'],
    ['2024-07-21T23:30:00Z', '2024-07-21'],
    ['2024-07-21T00:30:00-05:00', '2024-07-21'],
    ['2025-10-02 09:00:00', '2025-10-02'],
    ['2025. 10. 1. 09:00', '2025-10-01'],
    ['2024.07.21', '2024-07-21'],
    ['2024/7/9', '2024-07-09'],
    ['2024년 7월 21일 오전 9시', '2024-07-21'],
    ['20240721093000', '2024-07-21'],
    ['July 21, 2024', '2024-07-21'],
    ['Sun, 21 Jul 2024 09:00:00 +0900', '2024-07-21'],
    ['2024-06', '2024-06'],
    ['2024', '2024'],
    ['2024-02-30', null],
    ['2024.07-21', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, want) => {
    expect(parseArticleDate(raw)).toBe(want);
  });
});

describe('today', () => {
  it('formats a local date', () => {
    expect(today(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('cleanUrl / articleUrlKey', () => {
  it('removes only well-known trackers, keeps the rest byte for byte', () => {
    expect(
      cleanUrl(
        'https://n.news.naver.com/article/1/2?sid=105&ntype=RANKING&utm_campaign=a&UTM_Source=b&q=%EA%B0%80+b',
      ),
    ).toBe('https://n.news.naver.com/article/1/2?sid=105&ntype=RANKING&q=%EA%B0%80+b');
    expect(
      cleanUrl('https://x.io/?igshid=1&mc_cid=2&mc_eid=3&ref=4&ref_src=5&spm=6&_ga=7&gclid=8'),
    ).toBe('https://x.io/');
  });

  it('rejects non-http links', () => {
    expect(cleanUrl('mailto:a@b.c')).toBeNull();
    expect(cleanUrl('not a url')).toBeNull();
  });

  it('keys ignore scheme, trailing slash, hash and trackers', () => {
    expect(articleUrlKey('http://x.io/a/?utm_source=1#c')).toBe(articleUrlKey('https://x.io/a'));
    expect(articleUrlKey('https://x.io/a?id=1')).not.toBe(articleUrlKey('https://x.io/a?id=2'));
  });
});
