// Which parts of a page are the article: known containers for supported sites,
// generic article markup elsewhere, the body as a last resort.

interface SiteScope {
  /** Hostname suffix this rule applies to. */
  host: string;
  /** The article text (and headline) containers, in priority order; every match is scanned. */
  containers: string[];
}

const SITE_SCOPES: SiteScope[] = [
  { host: 'dt.co.kr', containers: ['.article_head', '.article_view', '#news_body_area'] },
  {
    host: 'naver.com',
    containers: [
      '#title_area',
      '.media_end_head_headline',
      '#dic_area',
      '#newsct_article',
      '#articleBodyContents',
    ],
  },
  { host: 'daum.net', containers: ['.tit_view', '.head_view h3', '.article_view'] },
  { host: 'zdnet.co.kr', containers: ['.news_head', '#articleBody', '#content .view_cont'] },
  { host: 'etnews.com', containers: ['.article_title', '#articleBody', '.article_body'] },
  { host: 'hankyung.com', containers: ['.headline', '#articletxt', '.article-body'] },
  { host: 'mk.co.kr', containers: ['.news_ttl', '.news_cnt_detail_wrap', '#article_body'] },
  { host: 'yna.co.kr', containers: ['.title-article01', '.story-news', '.article'] },
  {
    host: 'koreaherald.com',
    containers: [
      '.news_title_area',
      '.article_head',
      '#articleText',
      '.news_content',
      '.article_view',
    ],
  },
];

/** Generic article markup, used when no site rule matches. */
const GENERIC_CONTAINERS = [
  '[itemprop="headline"]',
  '[itemprop="articleBody"]',
  'article',
  '[role="main"]',
  'main',
];

/** Page chrome that is never article text, even inside an article container. */
export const EXCLUDED_SELECTOR = [
  'nav',
  'aside',
  'footer',
  'form',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[aria-hidden="true"]',
  '.ad',
  '.ads',
  '.ad-slot',
  '.advertisement',
  '[class*="comment"]',
  '[id*="comment"]',
  '[data-ad-slot]',
  '.related',
  '.reply',
].join(',');

/** Elements whose text is never read. */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'CODE',
  'PRE',
  'ALLIANCE-LENS-UI',
]);

function siteScope(hostname: string): SiteScope | undefined {
  return SITE_SCOPES.find((s) => hostname === s.host || hostname.endsWith(`.${s.host}`));
}

/** Outermost elements only: a container inside another one is already covered. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

export function findArticleRoots(doc: Document, hostname: string): Element[] {
  for (const group of [siteScope(hostname)?.containers ?? [], GENERIC_CONTAINERS]) {
    const found = group.flatMap((s) => [...doc.querySelectorAll(s)]);
    if (found.length) {
      // A headline outside the container (e.g. <h1> above the body) is part of the article too.
      const h1 = doc.querySelector('h1');
      if (h1 && !found.some((el) => el.contains(h1)) && !h1.closest(EXCLUDED_SELECTOR))
        found.push(h1);
      return outermost(found);
    }
  }
  return doc.body ? [doc.body] : [];
}
