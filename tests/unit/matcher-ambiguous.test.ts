// Names that are also ordinary words: flagged through the compiled matcher and
// kept only where the paragraph shows the company (own sentences, both senses).
import { describe, expect, it } from 'vitest';
import {
  buildMatcher,
  compileMatcher,
  type DictionaryEntry,
  keepInContext,
  loadMatcher,
} from '../../utils/matcher';

const ENTRIES: DictionaryEntry[] = [
  { alias: 'Amazon', type: 'company', id: 'amazon', ambiguous: true },
  { alias: '아마존', type: 'company', id: 'amazon', ambiguous: true },
  { alias: 'AWS', type: 'company', id: 'amazon' },
  { alias: '메타', type: 'company', id: 'meta', ambiguous: true },
  { alias: 'Apple', type: 'company', id: 'apple', ambiguous: true },
  { alias: '오픈AI', type: 'company', id: 'openai' },
  { alias: '오라클', type: 'company', id: 'oracle', ambiguous: true },
];

const loaded = loadMatcher(compileMatcher(ENTRIES));
const kept = (text: string) =>
  keepInContext(text, loaded.findMentions(text)).map((m) => `${m.surface}:${m.id}`);

describe('ambiguous names', () => {
  it('carries the flag through the compiled matcher, only on ambiguous aliases', () => {
    const text = '아마존과 AWS, 그리고 오픈AI';
    const built = buildMatcher(ENTRIES).findMentions(text);
    const decoded = loaded.findMentions(text);
    expect(decoded).toEqual(built);
    expect(decoded.map((m) => [m.surface, m.ambiguous ?? false])).toEqual([
      ['아마존', true],
      ['AWS', false],
      ['오픈AI', false],
    ]);
  });

  it.each([
    ['아마존 열대우림의 면적이 올해 다시 줄었다.', []],
    ['메타 분석 결과가 학회에서 소개됐다.', []],
    ['An Apple a day keeps the doctor away.', []],
    ['블록체인 오라클 문제는 오래된 숙제다.', []],
    ['아마존 사진전이 열렸다.', []],
  ])('leaves the ordinary word alone: %s', (text, names) => expect(kept(text)).toEqual(names));

  it.each([
    // another known company in the paragraph
    ['아마존과 오픈AI가 손을 잡았다.', ['아마존:amazon', '오픈AI:openai']],
    // a business word
    ['아마존은 올해 클라우드 매출이 늘었다고 발표했다.', ['아마존:amazon']],
    ['메타가 새 인공지능 모델을 공개했다.', ['메타:meta']],
    ['Apple shares rose after the launch.', ['Apple:apple']],
    // a corporate suffix right after the name
    ['Apple Inc. said nothing more.', ['Apple:apple']],
    ['오라클사 관계자는 말을 아꼈다.', ['오라클:oracle']],
  ])('keeps the company: %s', (text, names) => expect(kept(text)).toEqual(names));

  it('two ordinary words do not vouch for each other', () => {
    expect(kept('아마존 강가에서 메타 인지를 배웠다.')).toEqual([]);
  });
});
