import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceRanges, trimQuote } from '../../utils/clip/quote';

/** The sentence around the first occurrence of `needle`. */
function around(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const { start, end } = sentenceAround(text, at);
  return text.slice(start, end);
}

describe('sentenceAround', () => {
  it('splits Korean sentences on 다.', () => {
    const text = '하늘AI가 오픈AI와 손잡았다. 양사는 한국어 모델을 함께 만든다. 출시는 내년이다.';
    expect(around(text, '양사는')).toBe('양사는 한국어 모델을 함께 만든다.');
    expect(around(text, '하늘AI')).toBe('하늘AI가 오픈AI와 손잡았다.');
    expect(around(text, '내년')).toBe('출시는 내년이다.');
  });

  it('ends a Korean sentence at 다. even without a following space', () => {
    const text = '두 회사가 합병한다.이어 새 법인을 세운다.';
    expect(around(text, '새 법인')).toBe('이어 새 법인을 세운다.');
  });

  it('keeps closing quotes with the sentence', () => {
    const text = '그는 "협력을 넓히겠다." 라고 말했다. 다음 문장이다.';
    expect(around(text, '그는')).toBe('그는 "협력을 넓히겠다."');
    const en = 'She said, "We will partner." Then she left.';
    expect(around(en, 'She')).toBe('She said, "We will partner."');
  });

  it('does not split on U.S., decimals, Inc. or initials', () => {
    const text =
      'Haneul AI Inc. raised $2.5 billion from U.S. investors led by J. Kim. The round closed Friday.';
    expect(around(text, 'raised')).toBe(
      'Haneul AI Inc. raised $2.5 billion from U.S. investors led by J. Kim.',
    );
    expect(around(text, 'round')).toBe('The round closed Friday.');
  });

  it('does not split before a lower-case word', () => {
    const text = 'Chips, memory, etc. are in scope. Next topic.';
    expect(around(text, 'scope')).toBe('Chips, memory, etc. are in scope.');
  });

  it('splits on ! ? and full-width marks', () => {
    const text = 'Is this a merger? Yes! 本当です。次の文。';
    expect(around(text, 'Yes')).toBe('Yes!');
    expect(around(text, 'merger')).toBe('Is this a merger?');
    expect(around(text, '次')).toBe('次の文。');
    expect(around(text, '本当')).toBe('本当です。');
  });

  it('splits on line breaks', () => {
    const text = '첫 줄 제목\n둘째 줄 본문 문장\r\n셋째';
    expect(around(text, '둘째')).toBe('둘째 줄 본문 문장');
    expect(around(text, '첫')).toBe('첫 줄 제목');
    expect(around(text, '셋째')).toBe('셋째');
  });

  it('does not split host names', () => {
    const text = '자세한 내용은 naver.com 에서 볼 수 있다. 끝.';
    expect(around(text, 'naver')).toBe('자세한 내용은 naver.com 에서 볼 수 있다.');
  });

  it('clamps offsets and handles white space between sentences', () => {
    const text = 'One. Two.';
    expect(sentenceAround(text, -5)).toEqual({ start: 0, end: 4 });
    expect(sentenceAround(text, 99)).toEqual({ start: 5, end: 9 });
    expect(sentenceAround(text, 4)).toEqual({ start: 0, end: 4 });
    expect(sentenceAround('', 0)).toEqual({ start: 0, end: 0 });
    expect(sentenceAround('   ', 1)).toEqual({ start: 0, end: 0 });
  });

  it('ranges are trimmed, ordered and cover every word', () => {
    const text = '  A deal. 두 회사가 손잡았다.\n\nNext one?  ';
    const ranges = sentenceRanges(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([
      'A deal.',
      '두 회사가 손잡았다.',
      'Next one?',
    ]);
  });
});

describe('trimQuote', () => {
  it('collapses white space', () => {
    expect(trimQuote('  하늘AI가\n\t오픈AI와   손잡았다.  ')).toBe('하늘AI가 오픈AI와 손잡았다.');
  });

  it('leaves short text alone', () => {
    expect(trimQuote('short', 5)).toBe('short');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(trimQuote('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(trimQuote('하늘AI가 오픈AI와 손잡고 새 모델을 만든다', 16)).toBe(
      '하늘AI가 오픈AI와 손잡고…',
    );
    expect(trimQuote('하늘AI가 오픈AI와 손잡고 새 모델을 만든다', 15)).toBe('하늘AI가 오픈AI와…');
  });

  it('drops punctuation before the ellipsis', () => {
    expect(trimQuote('alpha, beta, gamma, delta', 14)).toBe('alpha, beta…');
  });

  it('hard-cuts a long word, never inside a surrogate pair', () => {
    expect(trimQuote('abcdefghijklmnop', 6)).toBe('abcde…');
    const out = trimQuote('ab😀😀😀😀', 4);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out).toBe('ab…');
  });

  it('never exceeds max (default 300)', () => {
    const long = '두 회사가 협력한다. '.repeat(60);
    const out = trimQuote(long);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
    for (const max of [1, 2, 3, 10, 50])
      expect(trimQuote(long, max).length).toBeLessThanOrEqual(max);
  });
});
