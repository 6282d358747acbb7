// The text of the site pages: one article per language, written for these tests,
// and the page chrome around it. Every part outside the article names companies
// too (and is marked `data-outside`), so a leak shows as an extra highlight.

export interface SitePage {
  /** Where the page is served: the site's real hostname and an article path. */
  url: string;
  html: string;
}

export interface ArticleText {
  lang: 'ko' | 'en';
  headline: string;
  /** Article paragraphs (HTML: inline markup splits a name across elements). */
  paragraphs: string[];
  /** The names the headline and paragraphs mention, in reading order. */
  mentions: string[];
  /** Page chrome, each naming companies from the bundled dataset. */
  menu: string[];
  related: string[];
  byline: string;
  caption: string;
  credit: string;
  copyright: string;
  ad: string;
  popular: string[];
}

export const KO: ArticleText = {
  lang: 'ko',
  headline: '삼성전자·네이버, 오픈AI와 AI 데이터센터 동맹',
  paragraphs: [
    '삼성전자는 21일 네이버와 함께 오픈AI의 데이터센터 사업에 고대역폭메모리를 공급한다고 밝혔다.',
    '<b>엔비디아</b>는 SK하이닉스에서 받은 메모리로 새 가속기를 만든다. 업계는 <a href="/tag">카카오</a>도 곧 합류할 것으로 본다.',
  ],
  mentions: [
    '삼성전자',
    '네이버',
    '오픈AI',
    '삼성전자',
    '네이버',
    '오픈AI',
    '엔비디아',
    'SK하이닉스',
    '카카오',
  ],
  menu: ['홈', '엔비디아 특집', 'IT·과학'],
  related: ['카카오, 오픈AI와 제휴 확대', 'SK하이닉스, HBM 증산 나선다'],
  byline: '김지훈 기자 (삼성전자·SK하이닉스 담당)',
  caption: '평택캠퍼스 반도체 생산 라인.',
  credit: '사진=삼성전자 제공',
  copyright: 'ⓒ 무단전재 및 재배포 금지 · 네이버 뉴스에서 구독하세요',
  ad: '구글 클라우드 특가 이벤트',
  popular: ['애플, 새 아이폰 공개', '메타, AI 조직 개편'],
};

export const EN: ArticleText = {
  lang: 'en',
  headline: "Samsung Electronics and Naver join OpenAI's data center push",
  paragraphs: [
    'Samsung Electronics will supply memory to OpenAI, the company said on Tuesday, while Naver builds the software.',
    '<b>NVIDIA</b> buys high-bandwidth memory from SK hynix, and <a href="/tag">Microsoft</a> is expected to follow.',
  ],
  mentions: [
    'Samsung Electronics',
    'Naver',
    'OpenAI',
    'Samsung Electronics',
    'OpenAI',
    'Naver',
    'NVIDIA',
    'SK hynix',
    'Microsoft',
  ],
  menu: ['Home', 'Google coverage', 'Tech'],
  related: ['Anthropic raises new funds', 'Oracle expands its cloud in Asia'],
  byline: 'By Jamie Lee, who covers Google and Apple',
  caption: 'A memory production line.',
  credit: 'Photo: Samsung Electronics',
  copyright: 'Copyright 2025. Apple and Google are trademarks of their owners.',
  ad: 'Ad: Microsoft Azure credits for startups',
  popular: ['Apple unveils a new iPhone', 'Meta reorganises its AI teams'],
};

export const paragraphs = (t: ArticleText, tag = 'p', attrs = ''): string =>
  t.paragraphs.map((p) => `<${tag}${attrs}>${p}</${tag}>`).join('\n');

export const items = (list: string[]): string =>
  list.map((x) => `<li><a href="/news">${x}</a></li>`).join('\n');

/** A site's header menu and its footer, the same way every site has them. */
export function chrome(t: ArticleText, inner: string): string {
  return `
<header id="header"><a class="logo" href="/">News</a>
  <nav class="gnb" data-outside><ul>${items(t.menu)}</ul></nav></header>
${inner}
<footer id="footer" data-outside><p>${t.copyright}</p></footer>`;
}

export function page(t: ArticleText, body: string): string {
  return `<!DOCTYPE html><html lang="${t.lang}"><head><meta charset="utf-8">
<title>${t.headline.replace(/<[^>]+>/g, '')}</title></head><body>${chrome(t, body)}</body></html>`;
}
