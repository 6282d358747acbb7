import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN, suggestCompanyId, suggestMembers } from '../../utils/clip/suggest';
import { buildMatcher, type DictionaryEntry } from '../../utils/matcher';

const company = (id: string, ...aliases: string[]): DictionaryEntry[] =>
  aliases.map((alias) => ({ alias, type: 'company', id }));

const matcher = buildMatcher([
  ...company('openai', '오픈AI', 'OpenAI'),
  ...company('samsung-electronics', '삼성전자', 'Samsung Electronics'),
  ...company('naver', '네이버', 'Naver'),
  { alias: 'AI 얼라이언스', type: 'alliance', id: 'ai-alliance' },
]);

const names = (text: string): string[] => suggestMembers(text, matcher).unknown.map((u) => u.name);

describe('suggestMembers: known companies', () => {
  it('lists known companies once each, in order, with their surface', () => {
    const s = suggestMembers(
      '네이버는 오픈AI와 손잡았고, OpenAI는 삼성전자와도 협력한다.',
      matcher,
    );
    expect(s.known).toEqual([
      { id: 'naver', surface: '네이버' },
      { id: 'openai', surface: '오픈AI' },
      { id: 'samsung-electronics', surface: '삼성전자' },
    ]);
    expect(s.unknown).toEqual([]);
  });

  it('leaves alliance mentions out of known and unknown', () => {
    const s = suggestMembers('네이버가 AI 얼라이언스에 합류했다.', matcher);
    expect(s.known).toEqual([{ id: 'naver', surface: '네이버' }]);
    expect(s.unknown).toEqual([]);
  });

  it('empty selection', () => {
    expect(suggestMembers('', matcher)).toEqual({ known: [], unknown: [] });
  });
});

describe('suggestMembers: Hangul names', () => {
  it('a particle-marked name next to a known company', () => {
    const s = suggestMembers('하늘AI는 오픈AI와 손잡았다.', matcher);
    expect(s.known).toEqual([{ id: 'openai', surface: '오픈AI' }]);
    expect(s.unknown).toEqual([
      { name: '하늘AI', alias: '하늘AI', suggestedId: suggestCompanyId('하늘AI'), likely: true },
    ]);
    expect(s.unknown[0]!.suggestedId).toMatch(/^company-[0-9a-z]+$/);
  });

  it('after the known company too, within reach', () => {
    expect(names('삼성전자는 국내 스타트업 하늘AI에 투자했다.')).toEqual(['하늘AI']);
    expect(names('오픈AI와 구름랩스가 협력한다.')).toEqual(['구름랩스']);
  });

  it('not when too far from a known company, or in another sentence', () => {
    expect(
      names('삼성전자는 올해 여러 분야에서 다양한 신규 사업을 검토하면서 구름랩스를 만났다.'),
    ).toEqual([]);
    expect(names('네이버가 발표했다. 구름랩스는 조용했다.')).toEqual([]);
  });

  it('pairs joined by 와/과 in a sentence with a kind cue, neither known', () => {
    const s = suggestMembers('리벨리온과 사피온이 합병을 추진한다.', matcher);
    expect(s.known).toEqual([]);
    expect(s.unknown.map((u) => u.name)).toEqual(['리벨리온', '사피온']);
    expect(new Set(s.unknown.map((u) => u.suggestedId)).size).toBe(2);
  });

  it('pairs joined by 및 and ·', () => {
    expect(names('구름랩스 및 바다소프트는 합작법인을 세운다.')).toEqual([
      '구름랩스',
      '바다소프트',
    ]);
    expect(names('구름랩스·바다소프트가 제휴했다.')).toEqual(['구름랩스', '바다소프트']);
  });

  it('no pair without a kind cue, and no common nouns', () => {
    expect(names('구름랩스와 바다소프트가 만났다.')).toEqual([]);
    expect(names('양사는 기술과 인력을 나누는 협력을 한다.')).toEqual([]);
    expect(names('삼성전자는 이번에 기술을 공개했다.')).toEqual([]);
    expect(names('네이버가 1조원을 투자한다.')).toEqual([]);
  });
});

describe('suggestMembers: Latin names', () => {
  it('Haneul AI partners with OpenAI', () => {
    const s = suggestMembers('Haneul AI partners with OpenAI.', matcher);
    expect(s.known).toEqual([{ id: 'openai', surface: 'OpenAI' }]);
    expect(s.unknown).toEqual([
      { name: 'Haneul AI', alias: 'Haneul AI', suggestedId: 'haneul-ai', likely: true },
    ]);
  });

  it('CamelCase, lower-case start with a capital, ALLCAPS, &', () => {
    expect(names('Naver invests in DeepThink, xLab and the studio AT&T Labs backs.')).toEqual([
      'DeepThink',
      'xLab',
      'AT&T Labs',
    ]);
  });

  it('drops legal suffixes and leading stop words', () => {
    expect(names('The Haneul Robotics Inc. deal closed.')).toEqual(['Haneul Robotics']);
  });

  it('stop words are not suggested', () => {
    expect(
      names(
        'In March, the CEO said AI and GPU and HBM and LLM demand in the US and U.S. rose; On Monday KRW and USD fell. A deal, At last.',
      ),
    ).toEqual([]);
  });

  it('people after a title and compound adjectives are not names', () => {
    expect(names('OpenAI CEO Kim Haneul met a Seoul-based, AI-powered startup.')).toEqual([]);
  });

  it('generic words alone, kind cues and common words are not names', () => {
    expect(names('AI Labs grew. Partners met Naver. Shares rose as shares of Naver fell.')).toEqual(
      [],
    );
  });

  it('ignores Latin glued to Hangul', () => {
    expect(names('하늘AI의 발표')).toEqual([]);
  });
});

describe('suggestMembers: quoted names', () => {
  it('Korean and typographic quotes', () => {
    expect(names('네이버는 ‘구름랩스’와 「바다소프트」에 투자했다.')).toEqual([
      '구름랩스',
      '바다소프트',
    ]);
    expect(names('삼성전자가 “별빛 반도체”를 인수한다.')).toEqual(['별빛 반도체']);
  });

  it('ASCII quotes, not apostrophes', () => {
    expect(
      names("Naver's deal with 'moonlab' and OpenAI's \"Starbright Tech\" was signed."),
    ).toEqual(['Starbright Tech']);
    expect(names("네이버가 '구름랩스'와 협력한다.")).toEqual(['구름랩스']);
  });

  it('speech and long quotes are not names', () => {
    expect(names('그는 “협력을 넓히겠다”고 말했다.')).toEqual([]);
    expect(names('He said "we will work together" today.')).toEqual([]);
    expect(names('‘이것은 서른 글자를 훌쩍 넘어가는 아주 긴 인용문 예시입니다 정말로요’')).toEqual(
      [],
    );
    expect(names('‘AI 동맹’이 커진다.')).toEqual([]);
  });
});

describe('suggestMembers: limits and ids', () => {
  it('excludes unknowns overlapping known mentions and duplicates', () => {
    expect(names('“오픈AI 코리아”와 ‘Naver’, Haneul AI와 “Haneul AI”')).toEqual(['Haneul AI']);
  });

  it(`caps unknowns at ${MAX_UNKNOWN}, in text order`, () => {
    const text = 'Alpha, Bravo, Charlie, Delta, Echo, Foxtrot, Golf and Hotel partner with OpenAI.';
    expect(names(text)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot']);
  });

  it('suggestCompanyId', () => {
    expect(suggestCompanyId('Haneul AI')).toBe('haneul-ai');
    expect(suggestCompanyId('DeepThink')).toBe('deepthink');
    expect(suggestCompanyId('AT&T Labs')).toBe('at-t-labs');
    expect(suggestCompanyId('Café Nöir')).toBe('cafe-noir');
    expect(suggestCompanyId('하늘AI')).toBe(suggestCompanyId('하늘AI'));
    expect(suggestCompanyId('하늘AI')).not.toBe(suggestCompanyId('바다AI'));
    expect(suggestCompanyId('하늘AI')).toMatch(/^company-[0-9a-z]{1,7}$/);
  });

  it('ticks strong cues and offers weak ones unticked', () => {
    const s = suggestMembers(
      '판교의 스타트업 하늘AI는 오픈AI와 손잡고 음성비서를 만든다.',
      matcher,
    );
    const byName = Object.fromEntries(s.unknown.map((u) => [u.name, u.likely]));
    expect(byName.하늘AI).toBe(true);
    for (const weak of ['판교', '음성비서']) if (weak in byName) expect(byName[weak]).toBe(false);
  });
});
