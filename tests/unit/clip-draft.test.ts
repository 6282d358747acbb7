// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { today } from '../../utils/clip/date';
import { draftClip, MAX_CLIP_CHARS } from '../../utils/clip/draft';
import { buildMatcher } from '../../utils/matcher';

const matcher = buildMatcher([
  { alias: '오픈AI', type: 'company', id: 'openai' },
  { alias: '카카오', type: 'company', id: 'kakao' },
]);

function page(head: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.head.innerHTML = head;
  return doc;
}

describe('draftClip', () => {
  it('on a page without any metadata: today’s date, the page address, and says so', () => {
    const d = draftClip({
      selection: '카카오가 오픈AI와 전략적 제휴를 맺었다.',
      doc: page(''),
      pageUrl: 'https://blog.example.org/post?utm_source=x',
      matcher,
    });
    expect(d).toMatchObject({
      kind: 'partnership',
      because: '제휴',
      since: today(),
      dateFrom: 'today',
    });
    expect(d.source.url).toBe('https://blog.example.org/post');
    expect(d.known.map((k) => k.id)).toEqual(['kakao', 'openai']);
  });

  it('cuts a selection of several thousand characters and says it did', () => {
    const long = '카카오가 오픈AI와 손잡았다. '.repeat(400);
    const d = draftClip({
      selection: long,
      doc: page(''),
      pageUrl: 'https://x.example/a',
      matcher,
    });
    expect(d.truncated).toBe(true);
    expect(d.text.length).toBeLessThanOrEqual(MAX_CLIP_CHARS);
    expect((d.source.quote ?? '').length).toBeLessThanOrEqual(300);
  });

  it('after a single-page site navigated, uses the current address, not the stale canonical link', () => {
    const doc = page(
      '<link rel="canonical" href="https://news.example/first"><meta property="og:site_name" content="Example">',
    );
    const d = draftClip({
      selection: '카카오가 오픈AI와 손잡았다.',
      doc,
      pageUrl: 'https://news.example/second?fbclid=1',
      loadedUrl: 'https://news.example/first',
      matcher,
    });
    expect(d.source.url).toBe('https://news.example/second');
    const same = draftClip({
      selection: '카카오',
      doc,
      pageUrl: 'https://news.example/first',
      loadedUrl: 'https://news.example/first',
      matcher,
    });
    expect(same.source).toMatchObject({ url: 'https://news.example/first', publisher: 'Example' });
  });
});
