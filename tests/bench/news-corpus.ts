// The matcher benchmark's inputs, generated from a seeded PRNG, so every run
// on every machine sees the same ~5 MB of mixed Korean/English news-like
// text and the same 10,000-alias dictionary (the real aliases of
// public/packs/core.json plus synthetic company names).

import { readFileSync } from 'node:fs';
import { prng } from '../../scripts/lib/prng.mjs';
import { type DictionaryEntry, foldCase, normalizeAlias } from '../../utils/matcher';

interface Rng {
  (): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const r = prng(seed) as Rng;
  r.int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  r.pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  r.chance = (p) => r() < p;
  return r;
}

const w = (s: string): string[] => s.trim().split(/\s+/);

/** Syllables that company-name stems are made of (한솔, 대명, 넥스트, ...). */
const KO_STEM = w(`
  한 대 신 동 삼 성 현 세 우 진 경 일 국 영 태 광 명 미 래 정 보 금 화 도 산 중 원 상 아
  주 해 효 유 풍 용 두 선 인 창 제 기 서 남 승 호 연 수 지 에 코 넥 스 피 엘 알 케 티 엔
  비 디 오 테 라 온 큐 웨 브 솔 메 파 로 하 나 다 마 바 사 자 카 타 루 리 시 모 소 벨 넷
  린 빈 젠 텍 픽 플 트 크 그 드 즈 셀 팜 랩 봇 닉 믹 옵 업 앱 윈 윙 빛 별 숲 새 누 늘 길`);
const KO_SUFFIX = w(`
  테크 전자 바이오 소프트 시스템 네트웍스 랩스 로보틱스 모빌리티 에너지 반도체 케미칼
  홀딩스 그룹 제약 헬스케어 게임즈 엔터테인먼트 클라우드 AI 디지털 정보통신 솔루션 텔레콤
  인베스트 파트너스 벤처스 머티리얼즈 이노베이션 컴퍼니 산업 건설 중공업 증권 캐피탈 데이터
  인더스트리 바이오로직스 테라퓨틱스 모터스 미디어 커머스 페이 뱅크 메디칼 엔지니어링`);
const EN_ONSET = w(
  'b c d f g h j k l m n p qu r s t v w x z br cr dr fl gr kr pl pr sk st tr th ch',
);
const EN_VOWEL = w('a e i o u a e o ai ea io ou y');
const EN_CODA = w('n r s x l m t k nt rt st ck ll ss th ne ra');
const EN_SUFFIX = w(`
  Tech Labs AI Systems Robotics Networks Bio Semiconductor Cloud Dynamics Analytics Energy
  Software Holdings Group Ventures Capital Therapeutics Motors Media Data Devices Security
  Quantum Logic Photonics Mobility Health Pay Games Studio Computing Intelligence`);
/** Acronyms the text itself uses, kept out of the synthetic dictionary. */
const TEXT_ACRONYMS = w(`
  AI GPU HBM LLM CEO CFO CTO COO IT US UAE EU IPO CPU NPU SW HW ICT KRX SEC FTC UN OECD GDP
  PC TV EV ESG IR PR R&D PBR PER`);

function koStem(r: Rng): string {
  let s = '';
  const n = r.chance(0.7) ? 2 : 3;
  for (let i = 0; i < n; i++) s += r.pick(KO_STEM);
  return s;
}

function enWord(r: Rng): string {
  let s = r.pick(EN_ONSET) + r.pick(EN_VOWEL);
  if (r.chance(0.5)) s += r.pick(EN_ONSET) + r.pick(EN_VOWEL);
  if (r.chance(0.7)) s += r.pick(EN_CODA);
  return s[0]!.toUpperCase() + s.slice(1);
}

function acronymOf(r: Rng): string {
  const n = r.int(2, 4);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += r.chance(0.9)
      ? String.fromCharCode(0x41 + r.int(0, 25))
      : String.fromCharCode(0x30 + r.int(0, 9));
  }
  return /[A-Z]/.test(s) ? s : `K${s.slice(1)}`;
}

/** Real aliases of the bundled core pack, as the extension feeds them to the matcher. */
export function coreEntries(): DictionaryEntry[] {
  const url = new URL('../../public/packs/core.json', import.meta.url);
  const pack = JSON.parse(readFileSync(url, 'utf8')) as {
    companies: Array<{ id: string; names: { en: string; ko: string }; aliases?: string[] }>;
    alliances: Array<{
      id: string;
      name: { en: string; ko: string } | null;
      aliases?: string[];
    }>;
  };
  const entries: DictionaryEntry[] = [];
  for (const c of pack.companies) {
    for (const alias of new Set([c.names.en, c.names.ko, ...(c.aliases ?? [])])) {
      if (alias) entries.push({ alias, type: 'company', id: c.id });
    }
  }
  for (const a of pack.alliances) {
    if (!a.name) continue;
    for (const alias of new Set([a.name.en, a.name.ko, ...(a.aliases ?? [])])) {
      if (alias) entries.push({ alias, type: 'alliance', id: a.id });
    }
  }
  return entries;
}

/**
 * A dictionary of `size` aliases: the core pack's, then synthetic entities
 * with a Korean name (`OO테크`, `OO전자`, `OO AI`), usually an English name
 * (`Zentrix Labs`) and sometimes a 2–4 capital acronym. Aliases are unique
 * by matcher key; about 2% of the entities are alliances.
 */
export function makeDictionary(size: number, seed = 1): DictionaryEntry[] {
  const r = rng(seed);
  const entries = coreEntries().slice(0, size);
  const seen = new Set(entries.map((e) => foldCase(normalizeAlias(e.alias))));
  for (const a of TEXT_ACRONYMS) seen.add(foldCase(a));
  const add = (alias: string, type: DictionaryEntry['type'], id: string): void => {
    if (entries.length >= size) return;
    const key = foldCase(normalizeAlias(alias));
    if (key.length < 2 || seen.has(key)) return;
    seen.add(key);
    entries.push({ alias, type, id });
  };
  for (let n = 0; entries.length < size; n++) {
    const id = `synthetic-${n}`;
    const type = r.chance(0.02) ? 'alliance' : 'company';
    const stem = koStem(r);
    const k = r();
    const ko =
      k < 0.75
        ? stem + r.pick(KO_SUFFIX)
        : k < 0.85
          ? `${stem} ${r.pick(KO_SUFFIX)}`
          : k < 0.95
            ? stem + koStem(r)
            : `${acronymOf(r).slice(0, 2)}${r.pick(KO_SUFFIX)}`;
    add(ko, type, id);
    if (r.chance(0.75)) {
      const en = r.chance(0.6) ? `${enWord(r)} ${r.pick(EN_SUFFIX)}` : enWord(r) + enWord(r);
      add(en, type, id);
    }
    if (r.chance(0.18)) add(acronymOf(r), type, id);
  }
  return entries;
}

const KO_NOUN = w(`
  정부 시장 투자 반도체 인공지능 기술 협력 개발 서비스 플랫폼 데이터 클라우드 고객 산업 경쟁
  전략 제품 모델 생태계 기업 업계 관계자 계획 발표 계약 사업 매출 영업이익 분기 전년 성장 규모
  글로벌 국내 해외 미국 중국 일본 유럽 한국 연구 인재 칩 데이터센터 전력 수요 공급 가격 주가
  증권가 전망 분석 소비자 스마트폰 자율주행 로봇 통신 네트워크 보안 검색 광고 콘텐츠 규제 법안
  위원회 장관 대표 회장 사장 부사장 연구원 교수 기자 파운드리 메모리 서버 소프트웨어 하드웨어
  생성형 초거대 언어모델 에이전트 반도체법 보조금 공장 라인 수율 양산 설비 인수 합병 지분 주주
  이사회 경영진 실적 점유율 수출 수입 환율 금리 물가 경기 소송 특허 표준 동맹 컨소시엄 파트너십
  양해각서 협약 합작법인 공동 개발자 스타트업 벤처 펀드 상장 공시 임원 직원 인력 채용 교육`);
const KO_PARTICLE = w(
  '은 는 이 가 을 를 의 와 과 도 에 에서 으로 로 에게 까지 부터 보다 과의 에서도',
);
const KO_ADVERB = w(`
  또한 특히 이번 최근 지난해 올해 내년 이미 본격적으로 함께 한편 아울러 다만 그러나 현재 앞서
  이어 당초 새로 직접 크게 빠르게 꾸준히 동시에 이날 지난달 다음달 상반기 하반기`);
const KO_PREDICATE = w(`
  밝혔다 발표했다 전했다 설명했다 강조했다 예정이다 알려졌다 계획이다 증가했다 감소했다
  기록했다 확대한다 나섰다 추진한다 체결했다 공개했다 출시했다 내놓았다 분석된다 평가된다
  보인다 덧붙였다 말했다 참여한다 협력한다 투자했다 인수했다 선보였다 늘렸다 줄였다`);
const KO_QUOTE = [
  '“시장 수요가 빠르게 늘고 있다”',
  '“고객과 함께 성장하겠다”',
  '“기술 경쟁력을 높이겠다”',
  '“투자를 이어갈 계획”',
];
const EN_WORDS = w(`
  the company said on Monday that it will invest in new chips data centers and cloud services
  for customers across Asia while analysts expect demand for AI models to grow this year after
  a record quarter in which revenue rose and shares gained as investors weighed the deal with
  partners under a new agreement to build infrastructure software and research in Korea Japan
  Europe the US market share fell slightly but margins improved according to people familiar
  with the matter who asked not to be named because the talks are private`);
const EN_ACRONYMS = w('AI GPU HBM LLM CEO IPO CPU NPU US EU UAE');
const EN_VERB = w('said announced reported added noted confirmed denied expects plans agreed');

function number(r: Rng, korean: boolean): string {
  const k = r();
  if (korean) {
    if (k < 0.25) return `${r.int(2015, 2030)}년`;
    if (k < 0.4) return `${r.int(1, 12)}월`;
    if (k < 0.6) return `${r.int(1, 99)}.${r.int(0, 9)}%`;
    if (k < 0.8) return `${r.int(1, 30)}조${r.int(1, 9)}${r.pick(['000', '500'])}억원`;
    return `${r.int(10, 999)}${r.pick(['억원', '만명', '개', '배', '달러'])}`;
  }
  if (k < 0.3) return String(r.int(2015, 2030));
  if (k < 0.6) return `${r.int(1, 99)}.${r.int(0, 9)}%`;
  return `$${r.int(1, 99)}.${r.int(1, 9)} ${r.pick(['billion', 'million'])}`;
}

/**
 * About `chars` UTF-16 units of news-like text: articles of Korean (70%) or
 * English sentences, one paragraph a line, a reporter's e-mail at the end of
 * each, and a dictionary alias (with a particle, in Korean) every 150–300
 * characters, 40% of them from the core pack. Only single spaces and
 * newlines separate words, so normalized offsets equal original offsets.
 */
export function makeNewsText(
  chars: number,
  dictionary: readonly DictionaryEntry[],
  seed = 2,
): string {
  const r = rng(seed);
  const core = new Set(coreEntries().map((e) => e.alias));
  const coreAliases = dictionary.filter((e) => core.has(e.alias)).map((e) => e.alias);
  const otherAliases = dictionary.filter((e) => !core.has(e.alias)).map((e) => e.alias);
  const alias = (): string =>
    r.chance(0.4) && coreAliases.length > 0 ? r.pick(coreAliases) : r.pick(otherAliases);
  const out: string[] = [];
  let length = 0; // emitted so far
  let cursor = 0; // generated so far, emitted or not (about)
  let nextMention = 0;
  const emit = (s: string): void => {
    out.push(s);
    length += s.length;
  };
  const push = (words: string[], word: string): void => {
    words.push(word);
    cursor += word.length + 1;
  };
  const due = (): boolean => {
    if (cursor < nextMention) return false;
    nextMention = cursor + r.int(150, 300);
    return true;
  };

  const koSentence = (): string => {
    const words: string[] = [];
    const n = r.int(6, 13);
    for (let i = 0; i < n; i++) {
      const k = r();
      if (due()) {
        const name = alias();
        push(words, name + (r.chance(0.75) ? r.pick(KO_PARTICLE) : ''));
      } else if (k < 0.5) {
        push(words, r.pick(KO_NOUN) + (r.chance(0.6) ? r.pick(KO_PARTICLE) : ''));
      } else if (k < 0.62) {
        push(words, r.pick(KO_NOUN) + r.pick(KO_NOUN));
      } else if (k < 0.75) {
        push(words, r.pick(KO_ADVERB));
      } else if (k < 0.86) {
        push(words, number(r, true));
      } else if (k < 0.94) {
        push(words, r.pick(EN_ACRONYMS) + (r.chance(0.5) ? r.pick(KO_PARTICLE) : ''));
      } else if (k < 0.97) {
        push(words, `${r.pick(KO_NOUN)}(${enWord(r)})`);
      } else {
        push(words, r.pick(KO_QUOTE));
      }
      if (i < n - 1 && r.chance(0.08)) words[words.length - 1] += ',';
      else if (i < n - 1 && r.chance(0.03)) words[words.length - 1] += '·';
    }
    return `${words.join(' ')} ${r.pick(KO_PREDICATE)}.`;
  };

  const enSentence = (): string => {
    const words: string[] = [];
    const n = r.int(10, 24);
    for (let i = 0; i < n; i++) {
      const k = r();
      if (due()) push(words, alias() + (r.chance(0.15) ? "'s" : ''));
      else if (k < 0.8) push(words, r.pick(EN_WORDS));
      else if (k < 0.88) push(words, number(r, false));
      else if (k < 0.95) push(words, r.pick(EN_ACRONYMS));
      else push(words, r.pick(EN_VERB));
      if (i < n - 1 && r.chance(0.07)) words[words.length - 1] += ',';
    }
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };

  for (let article = 0; length < chars; article++) {
    const korean = r.chance(0.7);
    const sentence = korean ? koSentence : enSentence;
    emit(`[${korean ? '속보' : 'Update'}] ${sentence()}\n`);
    const paragraphs = r.int(4, 9);
    for (let p = 0; p < paragraphs && length < chars; p++) {
      const sentences: string[] = [];
      const n = r.int(2, 5);
      for (let s = 0; s < n; s++) sentences.push(sentence());
      emit(`${sentences.join(' ')}\n`);
    }
    const reporter = `${enWord(r).toLowerCase()}${r.int(1, 99)}`;
    emit(
      korean
        ? `${r.pick(KO_STEM)}${r.pick(KO_STEM)} 기자 ${reporter}@news${article % 7}.co.kr\n`
        : `Contact: ${reporter}@wire${article % 5}.com (https://wire${article % 5}.com/a/${article})\n`,
    );
  }
  return out.join('');
}
