// Names that are also ordinary words (Apple, Figure, 아마존, 메타) are kept only
// where the paragraph shows it means the company: another known company or
// named alliance in it, a corporate suffix right after the name, or a business
// word in the paragraph. Pure: the annotator calls it on each text block.
import type { Mention } from './types';

/** Right after the name: Apple Inc., Figure AI, 아마존닷컴, 메타 플랫폼스, 아마존웹서비스. */
const SUFFIX =
  /^(?:\s*(?:Inc\b|Corp\b|Corporation\b|Co\.|Ltd\b|LLC\b|Group\b|Holdings\b|Platforms\b|Technologies\b|AI\b|Labs?\b|Robotics\b)|\s?(?:닷컴|코리아|재팬|그룹|플랫폼스|웹서비스)|사(?!이다)|측)/u;

/** Words of business news; one in the paragraph is enough. */
const BUSINESS =
  /\b(?:CEO|CFO|chief executive|shares?|stocks?|invest(?:s|ed|ment|or)?|acquir(?:e|es|ed|ing)|acquisition|merger|partner(?:s|ship)?|deal|contract|revenue|earnings|startup|company|firm|announced|launch(?:ed|es)?|subscription|cloud|chips?|data cent(?:er|re)s?|model|AI|Nasdaq|NYSE)\b|대표|최고경영자|주가|주식|시가총액|투자|인수|합병|제휴|협력|협약|계약|매출|실적|영업이익|발표|출시|공개|기업|회사|스타트업|서비스|플랫폼|클라우드|반도체|인공지능|데이터센터|파트너십|생성형|챗봇|밝혔다|전했다|설명했다|강조했다|아이폰|인스타그램|페이스북|왓츠앱|\bAI\b|\bsaid\b/iu;

/** `mentions` of `text` without the ambiguous ones its context does not support. */
export function keepInContext(text: string, mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.ambiguous)) return mentions;
  // What holds for the whole paragraph is decided once, not per ambiguous name.
  if (hasKnownCompany(mentions) || BUSINESS.test(text)) return mentions;
  return mentions.filter((m) => !m.ambiguous || hasSuffix(text, m));
}

/** Another company or named alliance that is not itself ambiguous. */
const hasKnownCompany = (all: readonly Mention[]): boolean => all.some((m) => !m.ambiguous);

const hasSuffix = (text: string, m: Mention): boolean => SUFFIX.test(text.slice(m.end, m.end + 24));
