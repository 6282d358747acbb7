// Member suggestions for a clipped alliance: the companies the dictionary
// knows, and names it doesn't that look like companies. Pure: runs in Node.
//
// Unknown names come from three heuristics (then: nothing overlapping a known
// mention, one per name (aliasKey), in text order, at most MAX_UNKNOWN):
//
// 1. Latin names — runs of name-like words joined by single spaces (or " & "):
//    Capitalized (Haneul), ALLCAPS of ≥2 letters (IBM, AT&T), CamelCase
//    (DeepSeek) or a lower-case start with an inner capital (xAI). Stop words
//    break a run and are never part of a name: articles and other common
//    sentence starters, months, weekdays, titles (CEO), legal suffixes (Inc,
//    Corp, Co, Ltd), tech and currency acronyms (GPU, HBM, LLM, USD, KRW) and
//    a few place names (US, U.S., Korea). Generic words (AI, Labs, Tech,
//    Electronics, …) may be part of a name but are not a name alone. A lone
//    plain-Capitalized word that is a kind cue ("Partners") or that also
//    appears in lower case elsewhere in the selection is a common word. A run
//    right after a title (CEO Sam Altman) is a person; Seoul-based and
//    AI-powered are adjectives.
// 2. Quoted names — ‘…’ “…” 「…」 『…』 '…' "…" holding ≤30 characters and ≤4
//    words that do not read as speech: no sentence punctuation, no Korean
//    verb ending (…다, …요), Latin text needs a name-like word, and not a
//    phrase built on a kind cue (‘AI 동맹’).
// 3. Hangul (or mixed) names — a word that ends in a particle (은 는 이 가 와
//    과 의 을 를 도 에, and 와의 과의 에서 에게: ROLE_PARTICLES in
//    utils/matcher/particles.ts), the name being the word without it:
//    a. near a known company: its start or end is within NEAR_CHARS of a
//       known company mention in the same sentence (하늘AI는 오픈AI와 …);
//    b. pairs: in a sentence that has a kind cue (see kind.ts), "X와/과 Y‹p›",
//       "X 및 Y‹p›" and "X·Y‹p›" name two companies, X and Y (리벨리온과
//       사피온이 합병 …) — even when neither is known. A bare X ending like a
//       connective verb (손잡았고, 밝히며) is not a name.
//    A stoplist of common Korean nouns (양사, 회사, 이번, 기술, 시장, …), bare kind
//    cues (합병, 투자) and words starting with a digit (1조원) are left out.

import { ACTOR_PARTICLES, aliasKey, keepInContext, type Matcher, ROLE_PARTICLES } from '../matcher';
import { suggestKind } from './kind';
import { sentenceRanges } from './quote';

export const MAX_UNKNOWN = 6;
/** How close (in UTF-16 units) a particle-marked word must be to a known company. */
export const NEAR_CHARS = 15;

export interface KnownMember {
  id: string;
  surface: string;
}

export interface UnknownMember {
  name: string;
  alias: string;
  suggestedId: string;
  /**
   * Strong cues (a Latin or mixed name, a subject next to a known company, a
   * pair joined by 와/과) are ticked in the form; weak ones (quotes, an object
   * or genitive next to a company: 음성비서를, 판교의) are offered unticked.
   */
  likely: boolean;
}

export interface MemberSuggestions {
  known: KnownMember[];
  unknown: UnknownMember[];
}

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Never part of a Latin name (compared exactly, or lower-cased for Capitalized words). */
const LATIN_STOP = new Set([
  ...words(`The A An In On At And Or But For With By From To Of As Into Over Under After Before
    During While When If So Then Still Yet Since Despite Although Though Following Meanwhile
    However Also Both Each Some Many Most Other Several All Any Every Neither Either Only Even
    Just Already Instead Together Separately Additionally Further Finally Earlier Later Now Here
    There What Which Who Why How Not No One Two Three First Second Such Its It This That These
    Those We He She They I Our Their His Her According Today Yesterday Tomorrow Last Next
    Shares Analysts Officials Sources Investors Executives Mr Mrs Ms Dr Chairman President Chief
    Executive Officer Founder CEO CTO CFO COO`),
  ...words(`January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Mon Tue Wed Thu Fri Sat Sun`),
  ...words('Inc Corp Co Ltd LLC PLC GmbH Corporation Incorporated Limited'),
  ...words(`GPU GPUs CPU NPU TPU HBM DRAM NAND LLM LLMs API APIs SDK AGI IT ICT IPO MOU MoU JV
    M&A R&D EV PC OS USD KRW EUR JPY CNY US U.S UK U.K EU UN`),
  ...words('Korea Korean South North Seoul China Chinese Japan Japanese America American Europe'),
]);
/** Part of a name, but not a name alone. */
const LATIN_GENERIC = new Set(
  words(`AI Lab Labs Tech Technology Technologies Systems Electronics Group Holdings Cloud
    Semiconductor Semiconductors Capital Ventures Partners Research Robotics Motors`),
);

const KOREAN_STOP = new Set(
  words(`양사 회사 이번 이날 이는 그 이 이들 그들 업계 국내 해외 정부 기업 기술 시장 올해 지난해 내년
    최근 현재 당시 관계자 대표 회장 사장 대표이사 자사 당사 모델 서비스 플랫폼 데이터 반도체 생태계
    계약 협약 사업 개발 분야 제품 솔루션 인공지능 스타트업 업체 기관 연구 연구진 세계 한국 미국 중국
    일본 유럽 국가 전략 경쟁 인프라 클라우드 규모 금액 이후 향후 앞서 함께 또한 특히 한편 이어 이에
    이를 그룹 계열사 자회사 모회사 본사 고객 고객사 협력사 경영진 이사회 주주 투자자 매출 영업이익 실적
    가운데 오는 지난 이달 다음달 지난달 상반기 하반기 분기 연내 전날 오늘 내일 어제 인력 인재 양측
    거래 논의 발표 계획 목표 가능성 방안 이상 이하 부문 관련 분석 전망 소식 보도 회의 행사`),
);

const HANGUL = /[가-힣]/;
/** Connective verb endings (손잡았고, 밝히며): a bare word ending so is not a name. */
const VERB_ENDING = /(?:고|며|서|면|지만|는데|다)$/;
const WORD = /[가-힣A-Za-z0-9]+/g;

interface Candidate {
  start: number;
  end: number;
  name: string;
  likely?: boolean;
}

const ACTORS = new Set(ACTOR_PARTICLES);

// --- ids ------------------------------------------------------------------

/** FNV-1a (32-bit) of the UTF-8 bytes, base 36. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s.normalize('NFC'))) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A slug for a new company: Latin → `haneul-ai`; anything else → `company-<hash>`. */
export function suggestCompanyId(name: string): string {
  const latin = name.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/^[\x20-\x7e]+$/.test(latin)) {
    const slug = latin
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (slug !== '') return slug;
  }
  return `company-${fnv1a(name)}`;
}

// --- Latin names ----------------------------------------------------------

const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:[&.-][A-Za-z0-9]+)*/g;

/** Titles before a person's name (CEO Sam Altman): the run after one is not a company. */
const TITLES = new Set(
  words(
    'CEO CTO CFO COO Chairman Chairwoman President Founder Chief Executive Officer Mr Mrs Ms Dr',
  ),
);

function isNameLikeToken(t: string): boolean {
  if ((t.match(/[A-Za-z]/g) ?? []).length < 2) return false;
  // Compound adjectives: Seoul-based, U.S.-listed, AI-powered.
  if (t.split('-').some((part, i) => i > 0 && /^[a-z]+$/.test(part))) return false;
  return /^[A-Z]/.test(t) || /^[a-z][a-z0-9]*[A-Z]/.test(t);
}

const isPlainCapitalized = (t: string): boolean => /^[A-Z][a-z]+$/.test(t);

function latinNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  let run: { start: number; end: number; tokens: string[] } | null = null;
  let previous = '';
  let afterTitle = false;
  const flush = (): void => {
    if (run && !afterTitle) {
      const name = text.slice(run.start, run.end);
      const only = run.tokens.length === 1 ? run.tokens[0]! : null;
      const generic = run.tokens.every((t) => LATIN_GENERIC.has(t));
      const common =
        only !== null &&
        isPlainCapitalized(only) &&
        (suggestKind(only) !== null ||
          new RegExp(`(?<![A-Za-z])${only.toLowerCase()}(?![A-Za-z])`).test(text));
      if (!generic && !common) out.push({ start: run.start, end: run.end, name, likely: true });
    }
    run = null;
  };
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const t = m[0];
    const start = m.index;
    const end = start + t.length;
    // Glued to Hangul on the left (하늘AI, 한국IBM): part of a mixed word.
    const glued = start > 0 && HANGUL.test(text[start - 1]!);
    const stop = LATIN_STOP.has(t) || LATIN_STOP.has(t.replace(/\.$/, ''));
    if (glued || stop || !isNameLikeToken(t)) {
      flush();
      previous = t;
      continue;
    }
    if (run && /^(?: | & |&)$/.test(text.slice(run.end, start))) {
      run.end = end;
      run.tokens.push(t);
    } else {
      flush();
      run = { start, end, tokens: [t] };
      afterTitle = TITLES.has(previous) && text.slice(start - 1, start) === ' ';
    }
    previous = t;
  }
  flush();
  return out;
}

// --- quoted names ---------------------------------------------------------

const QUOTED = [
  /‘([^’\n]{1,30})’/g,
  /“([^”\n]{1,30})”/g,
  /「([^」\n]{1,30})」/g,
  /『([^』\n]{1,30})』/g,
  /(?<![\p{L}\p{N}])'([^'\n]{1,30})'(?![A-Za-z0-9])/gu,
  /(?<![\p{L}\p{N}])"([^"\n]{1,30})"(?![A-Za-z0-9])/gu,
];

function isNameLikeQuote(q: string): boolean {
  if (q === '' || words(q).length > 4) return false;
  if (/[.!?,;:…]$|[!?,;:…]/.test(q)) return false;
  if (/(?:다|요|죠|까|네|군)$/.test(q)) return false;
  if (!HANGUL.test(q) && !words(q).some(isNameLikeToken)) return false;
  if (/\s/.test(q) && suggestKind(q) !== null) return false;
  return !LATIN_STOP.has(q) && !LATIN_GENERIC.has(q) && !KOREAN_STOP.has(q);
}

function quotedNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of QUOTED) {
    for (const m of text.matchAll(re)) {
      const inner = m[1]!;
      const lead = inner.length - inner.trimStart().length;
      const name = inner.trim();
      if (!isNameLikeQuote(name)) continue;
      const start = m.index + 1 + lead;
      out.push({ start, end: start + name.length, name });
    }
  }
  return out;
}

// --- Hangul names ---------------------------------------------------------

interface Word {
  start: number;
  end: number;
  text: string;
  /** The word without its particle, or null if it has none. */
  stem: string | null;
  particle: string | null;
}

function splitParticle(w: string): { stem: string; particle: string } | null {
  for (const p of ROLE_PARTICLES) {
    if (w.endsWith(p) && w.length - p.length >= 2)
      return { stem: w.slice(0, -p.length), particle: p };
  }
  return null;
}

function stemOk(stem: string): boolean {
  if (/^\d/.test(stem) || KOREAN_STOP.has(stem)) return false;
  if (suggestKind(stem)?.because === stem) return false;
  if (HANGUL.test(stem)) return true;
  return isNameLikeToken(stem) && !LATIN_STOP.has(stem) && !LATIN_GENERIC.has(stem);
}

function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const start = from + m.index;
    const split = HANGUL.test(m[0]) ? splitParticle(m[0]) : null;
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      stem: split?.stem ?? null,
      particle: split?.particle ?? null,
    });
  }
  return out;
}

const stemCandidate = (w: Word): Candidate => ({
  start: w.start,
  end: w.start + (w.stem ?? w.text).length,
  name: w.stem ?? w.text,
});

function hangulNames(text: string, companies: { start: number; end: number }[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentenceRanges(text)) {
    const ws = wordsOf(text, s.start, s.end);
    const near = companies.filter((c) => c.start >= s.start && c.end <= s.end);
    // a. next to a known company
    for (const w of ws) {
      if (!w.stem || !HANGUL.test(w.stem) || !stemOk(w.stem)) continue;
      const close = near.some((c) =>
        w.end <= c.start
          ? c.start - w.end <= NEAR_CHARS
          : c.end <= w.start && w.start - c.end <= NEAR_CHARS,
      );
      if (close) {
        const likely = ACTORS.has(w.particle ?? '') || /[A-Za-z0-9]/.test(w.stem);
        out.push({ ...stemCandidate(w), likely });
      }
    }
    // b. pairs joined by 와/과, 및, ·
    if (!suggestKind(text.slice(s.start, s.end))) continue;
    for (let i = 0; i + 1 < ws.length; i++) {
      const a = ws[i]!;
      let b = ws[i + 1]!;
      const gap = text.slice(a.end, b.start);
      let first: Candidate | null = null;
      if ((a.particle === '와' || a.particle === '과') && /^\s+$/.test(gap)) {
        first = stemCandidate(a);
      } else if (/^\s*[·ㆍ]\s*$/.test(gap) && !a.particle) {
        first = { start: a.start, end: a.end, name: a.text };
      } else if (b.text === '및' && /^\s+$/.test(gap) && i + 2 < ws.length && !a.particle) {
        if (!/^\s+$/.test(text.slice(b.end, ws[i + 2]!.start))) continue;
        first = { start: a.start, end: a.end, name: a.text };
        b = ws[i + 2]!;
      }
      if (!first || !b.stem || !(HANGUL.test(first.name) || HANGUL.test(b.stem))) continue;
      if (VERB_ENDING.test(first.name)) continue;
      if (!stemOk(first.name) || !stemOk(b.stem)) continue;
      out.push({ ...first, likely: true }, { ...stemCandidate(b), likely: true });
    }
  }
  return out;
}

// --- all together ---------------------------------------------------------

export function suggestMembers(selection: string, matcher: Matcher): MemberSuggestions {
  const mentions = keepInContext(selection, matcher.findMentions(selection));
  const known: KnownMember[] = [];
  const knownIds = new Set<string>();
  const taken = new Set<string>();
  for (const m of mentions) {
    taken.add(aliasKey(m.surface));
    if (m.type !== 'company' || knownIds.has(m.id)) continue;
    knownIds.add(m.id);
    known.push({ id: m.id, surface: m.surface });
  }
  const companies = mentions.filter((m) => m.type === 'company');
  const candidates = [
    ...latinNames(selection),
    ...quotedNames(selection),
    ...hangulNames(selection, companies),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const unknown: UnknownMember[] = [];
  for (const c of candidates) {
    if (unknown.length >= MAX_UNKNOWN) break;
    if (mentions.some((m) => m.start < c.end && c.start < m.end)) continue;
    const key = aliasKey(c.name);
    if (key === '' || taken.has(key)) continue;
    taken.add(key);
    unknown.push({
      name: c.name,
      alias: c.name,
      suggestedId: suggestCompanyId(c.name),
      likely: c.likely ?? false,
    });
  }
  return { known, unknown };
}
