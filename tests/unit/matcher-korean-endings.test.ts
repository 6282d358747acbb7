// Endings the press glues to a company name: the copula and its forms, and the
// nouns for "between" (간, 사이), "side" (측) and "etc." (등). Sentences written
// for this test; each line also keeps a longer word that only starts with a
// name out of the matches.
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher';

const matcher = buildMatcher([
  { alias: '삼성전자', type: 'company', id: 'samsung-electronics' },
  { alias: '애플', type: 'company', id: 'apple' },
  { alias: '오픈AI', type: 'company', id: 'openai' },
  { alias: 'OpenAI', type: 'company', id: 'openai' },
  { alias: '네이버', type: 'company', id: 'naver' },
  { alias: '카카오', type: 'company', id: 'kakao' },
  { alias: '메타', type: 'company', id: 'meta' },
]);

const found = (text: string) => matcher.findMentions(text).map((m) => text.slice(m.start, m.end));

describe('Korean endings after a name', () => {
  it.each([
    ['이 협상의 상대는 오픈AI이다.', ['오픈AI']],
    ['경쟁자가 애플이기 때문에 가격을 낮췄다.', ['애플']],
    ['최대 주주는 네이버이며 2대 주주는 카카오이다.', ['네이버', '카카오']],
    ['투자자는 삼성전자이고 고객사는 애플이었다.', ['삼성전자', '애플']],
    ['협력사인 네이버인 만큼 조건이 좋았다.', ['네이버']],
    ['한때 카카오이던 서비스가 분사했다.', ['카카오']],
    ['OpenAI인 셈이다.', ['OpenAI']],
  ])('the copula: %s', (text, names) => expect(found(text)).toEqual(names));

  it.each([
    ['삼성전자와 애플간 특허 분쟁이 끝났다.', ['삼성전자', '애플']],
    ['네이버와 카카오간의 경쟁이 치열하다.', ['네이버', '카카오']],
    ['삼성전자와 애플사이의 합의가 공개됐다.', ['삼성전자', '애플']],
    ['오픈AI측은 답하지 않았다.', ['오픈AI']],
    ['애플측 관계자는 부인했다.', ['애플']],
    ['네이버등 포털이 대응에 나섰다.', ['네이버']],
    ['삼성전자등이 참여했다.', ['삼성전자']],
  ])('between, side and etc.: %s', (text, names) => expect(found(text)).toEqual(names));

  it.each([
    '점심에 애플사이다를 마셨다.',
    '메타인지 능력을 기르는 수업이다.',
    '카카오간편결제 가맹점이 늘었다.',
    '네이버인증서로 로그인한다.',
    '애플리케이션을 새로 설치했다.',
  ])('leaves longer words alone: %s', (text) => expect(found(text)).toEqual([]));
});
