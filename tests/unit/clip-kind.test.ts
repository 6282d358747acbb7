import { describe, expect, it } from 'vitest';
import { KIND_PRIORITY, suggestKind } from '../../utils/clip/kind';
import { ALLIANCE_KINDS, type AllianceKind } from '../../utils/pack/types';

type Row = [text: string, kind: AllianceKind | null, because?: string];

const TABLE: Row[] = [
  // Korean
  ['하늘AI가 오픈AI와 손잡고 한국어 모델을 만든다.', 'partnership', '손잡'],
  ['두 회사는 손을 잡고 공동 연구에 나선다.', 'partnership', '손을 잡'],
  ['네이버와 삼성전자가 반도체 설계에서 협력한다.', 'partnership', '협력'],
  ['양사는 클라우드 분야 전략적 제휴를 맺었다.', 'partnership', '제휴'],
  ['카카오가 새 파트너십을 발표했다.', 'partnership', '파트너십'],
  ['통신사와 AI 스타트업이 맞손을 잡았다.', 'partnership', '맞손'],
  ['두 연구소가 데이터 협업을 이어간다.', 'partnership', '협업'],
  ['두 회사는 어제 MOU를 체결했다.', 'partnership', 'MOU'],
  ['양사가 업무협약을 맺고 기술을 나눈다.', 'partnership', '업무협약'],
  ['삼성전자가 하늘AI에 500억원을 투자했다.', 'investment', '투자'],
  ['네이버가 스타트업 지분 10%를 확보했다.', 'investment', '지분'],
  ['정책금융기관이 새 펀드에 출자한다.', 'investment', '출자'],
  ['하늘AI는 시리즈B 펀딩을 마쳤다.', 'investment', '펀딩'],
  ['카카오가 번역 스타트업을 인수했다.', 'acquisition', '인수'],
  ['반도체 업계에 인수합병 바람이 분다.', 'acquisition', '인수합병'],
  ['두 회사의 M&A가 마무리됐다.', 'acquisition', 'M&A'],
  ['리벨리온과 사피온이 합병을 추진한다.', 'merger', '합병'],
  ['양사는 미국에 합작법인을 세운다.', 'joint-venture', '합작법인'],
  ['두 그룹이 조인트벤처 설립에 합의했다.', 'joint-venture', '조인트벤처'],
  ['유럽에 합작사를 두기로 했다.', 'joint-venture', '합작사'],
  ['국내 기업들이 AI 동맹을 결성했다.', 'consortium', '동맹'],
  ['열두 개 회사가 얼라이언스에 합류했다.', 'consortium', '얼라이언스'],
  ['통신 3사가 컨소시엄을 꾸렸다.', 'consortium', '컨소시엄'],
  ['하늘AI가 데이터센터에 GPU를 공급한다.', 'supply', '공급'],
  ['부품을 자동차 회사에 납품한다.', 'supply', '납품'],
  ['음성 기술 라이선스 계약을 맺었다.', 'licensing', '라이선스'],
  ['특허 라이센스를 받았다.', 'licensing', '라이센스'],
  ['모델 사용권을 넘겼다.', 'licensing', '사용권'],
  // English
  ['Haneul AI partners with OpenAI on Korean speech.', 'partnership', 'partners'],
  ['The firms announced two new partnerships.', 'partnership', 'partnerships'],
  ['Naver partnered with a chip designer.', 'partnership', 'partnered'],
  ['Two labs team up to build an open model.', 'partnership', 'team up'],
  ['The startups teamed up last year.', 'partnership', 'teamed up'],
  ['They will collaborate on safety research.', 'partnership', 'collaborate'],
  ['A strategic alliance of cloud vendors was formed.', 'consortium', 'alliance'],
  ['A consortium of carriers bid for the spectrum.', 'consortium', 'consortium'],
  ['Samsung invests $1 billion in a robotics lab.', 'investment', 'invests'],
  ['The fund invested early in the company.', 'investment', 'invested'],
  ['The investment values the startup at $2 billion.', 'investment', 'investment'],
  ['Kakao takes a minority stake in the studio.', 'investment', 'stake'],
  ['The company closed a funding round led by Naver.', 'investment', 'funding round'],
  ['Google agreed to acquire the startup.', 'acquisition', 'acquire'],
  ['The acquisition closed in March.', 'acquisition', 'acquisition'],
  ['Meta bought a smart-glasses maker.', 'acquisition', 'bought'],
  ['The two chipmakers will merge next year.', 'merger', 'merge'],
  ['Regulators cleared the merger.', 'merger', 'merger'],
  ['They formed a joint venture in Texas.', 'joint-venture', 'joint venture'],
  ['The JV will make batteries.', 'joint-venture', 'JV'],
  ['Haneul AI will supply speech models to carriers.', 'supply', 'supply'],
  ['It licenses its codec to phone makers.', 'licensing', 'licenses'],
  ['A licensing deal covers the patents.', 'licensing', 'licensing'],
  ['MERGER TALKS RESUME', 'merger', 'MERGER'],
  // Several cues: the most specific wins.
  ['합병 이후에도 협력은 계속된다.', 'merger', '합병'],
  ['전략적 협력과 함께 지분 투자도 했다.', 'investment', '지분'],
  ['Kakao partnered with and later acquired the studio.', 'acquisition', 'acquired'],
  ['They partner on chips and form a joint venture.', 'joint-venture', 'joint venture'],
  ['The alliance members supply memory to each other.', 'supply', 'supply'],
  ['Mergers and acquisitions slowed this quarter.', 'acquisition', 'Mergers and acquisitions'],
  // Weak cue (buy) loses to any other cue.
  ['Naver buys GPUs under a supply agreement.', 'supply', 'supply'],
  // Negatives
  ['Regulators investigate the chipmaker.', null],
  ['An emergency meeting was called.', null],
  ['New rivals emerge every month.', null],
  ['Stakeholders met in Seoul.', null],
  ['연합뉴스에 따르면 회의가 열렸다.', null],
  ['대통령직 인수위원회가 출범했다.', null],
  ['The weather was nice.', null],
  ['', null],
];

describe('suggestKind', () => {
  it.each(TABLE)('%s', (text, kind, because) => {
    const got = suggestKind(text);
    if (kind === null) expect(got).toBeNull();
    else expect(got).toEqual({ kind, because });
  });

  it('the table covers every kind', () => {
    const kinds = new Set(TABLE.map((r) => r[1]));
    for (const k of ALLIANCE_KINDS) expect(kinds.has(k)).toBe(true);
  });

  it('orders every kind exactly once', () => {
    expect([...KIND_PRIORITY].sort()).toEqual([...ALLIANCE_KINDS].sort());
  });

  it('is case-insensitive for English and reports the text as written', () => {
    expect(suggestKind('ACQUIRED BY RIVAL')).toEqual({ kind: 'acquisition', because: 'ACQUIRED' });
    expect(suggestKind('Partnership news')).toEqual({
      kind: 'partnership',
      because: 'Partnership',
    });
  });

  it('treats Hangul next to an English cue as a boundary', () => {
    expect(suggestKind('양사가 joint venture를 만든다')).toEqual({
      kind: 'joint-venture',
      because: 'joint venture',
    });
  });

  it('reports the first cue of the winning kind', () => {
    expect(suggestKind('투자 유치 뒤 추가 지분 투자')).toEqual({
      kind: 'investment',
      because: '투자',
    });
  });
});
