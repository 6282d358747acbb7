// Sites the content script runs on by default (domains; subdomains included).
// Other sites are turned on per site at runtime with an optional host
// permission, so the install prompt stays small.
const DEFAULT_SITES: readonly string[] = [
  // Korean
  'dt.co.kr',
  'daum.net',
  'naver.com',
  'zdnet.co.kr',
  'etnews.com',
  'hankyung.com',
  'mk.co.kr',
  'chosun.com',
  'joongang.co.kr',
  'yna.co.kr',
  'koreaherald.com',
  'koreatimes.co.kr',
  'aitimes.com',
  'aitimes.kr',
  'bloter.net',
  'ddaily.co.kr',
  'inews24.com',
  'sedaily.com',
  'edaily.co.kr',
  'donga.com',
  'hani.co.kr',
  'news1.kr',
  'newsis.com',
  'businesskorea.co.kr',
  // English
  'techcrunch.com',
  'theverge.com',
  'reuters.com',
  'bloomberg.com',
  'cnbc.com',
  'venturebeat.com',
  'wired.com',
  'arstechnica.com',
  'theinformation.com',
  'ft.com',
  'wsj.com',
  'nytimes.com',
];

export const NEWS_MATCHES: string[] = DEFAULT_SITES.map((d) => `*://*.${d}/*`);

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function defaultSiteOf(hostname: string): string | undefined {
  return DEFAULT_SITES.find((d) => onDomain(hostname, d));
}

/** Match pattern for a site the user turned on. */
export function siteMatchPattern(hostname: string): string {
  return `*://${hostname}/*`;
}

export interface SiteSettings {
  disabledHosts: readonly string[];
  enabledHosts: readonly string[];
}

/** On by default on news sites unless turned off; elsewhere only where the user turned it on. */
export function isSiteEnabled(settings: SiteSettings, hostname: string): boolean {
  if (settings.disabledHosts.some((h) => onDomain(hostname, h))) return false;
  return (
    defaultSiteOf(hostname) !== undefined ||
    settings.enabledHosts.some((h) => onDomain(hostname, h))
  );
}

/**
 * Where a supported site puts its article, and what it puts inside it that is
 * not the article. Generic article markup and page chrome (utils/annotator/scope.ts)
 * cover the rest.
 */
export interface SiteRule {
  /** Domain the rule applies to (subdomains included). */
  host: string;
  /** The headline and article text containers; an element several match is read once. */
  containers: readonly string[];
  /** Inside those containers but not the article: related news, bylines, copyright lines, photo credits. */
  exclude?: readonly string[];
}

/** Class names of the related-news boxes, bylines and credits Korean CMSs put inside the body. */
const KOREAN_BODY_EXTRAS = ['.view-editors', '.view-copyright', '.article-relation', '.reporter'];

export const SITE_RULES: readonly SiteRule[] = [
  {
    host: 'dt.co.kr',
    containers: ['.article_head', '.article_view', '#news_body_area'],
    exclude: ['.art_relation', '.art_reporter', '.art_copyright'],
  },
  {
    host: 'naver.com',
    containers: [
      '#title_area',
      '.media_end_head_headline',
      '#dic_area',
      '#newsct_article',
      '#articleBodyContents',
    ],
    exclude: ['.media_end_head_journalist', '.byline', '.img_desc .source', '.media_end_copyright'],
  },
  {
    host: 'daum.net',
    containers: ['.tit_view', '.head_view h3', '.article_view'],
    exclude: ['.info_view', '.txt_caption .source', '.copyright_view', '.relate_news'],
  },
  {
    host: 'zdnet.co.kr',
    containers: ['.news_head', '#articleBody', '#content .view_cont'],
    exclude: ['.news_box', '.meta', '.reporter_box', '.copy_info', '.source'],
  },
  {
    host: 'etnews.com',
    containers: ['.article_title', '#articleBody', '.article_body'],
    exclude: ['.article_relation', '.relation_news', '.byline', '.article_copy', '.source'],
  },
  {
    host: 'hankyung.com',
    containers: ['.headline', '#articletxt', '.article-body'],
    exclude: ['.article-relation', '.author', '.txt-copyright', '.figure-credit'],
  },
  {
    host: 'mk.co.kr',
    containers: ['.news_ttl', '.news_cnt_detail_wrap', '#article_body'],
    exclude: ['.relate_news_wrap', '.author', '.copyright', '.thumb_caption .source'],
  },
  {
    host: 'yna.co.kr',
    containers: ['.title-article01', '.story-news', '.article'],
    exclude: ['.writer-zone01', '.txt-copyright', '.related-zone', '.comp-box.photo-group .source'],
  },
  {
    host: 'koreaherald.com',
    containers: [
      '.news_title_area',
      '.article_head',
      '#articleText',
      '.news_content',
      '.article_view',
    ],
    exclude: ['.news_info', '.art_copy', '.related', '.photo_credit'],
  },
  {
    host: 'joongang.co.kr',
    containers: ['.article_header .headline', '#article_body'],
    exclude: ['.ab_byline', '.ab_credit'],
  },
  {
    host: 'donga.com',
    containers: ['.head_group .title', '.news_view'],
    exclude: ['.article_relation', '.articlePhotoC .credit'],
  },
  { host: 'hani.co.kr', containers: ['.ArticleDetailView_title', '.article-text'] },
  { host: 'news1.kr', containers: ['.article-h2-header-title', '#articleBodyContent'] },
  {
    host: 'sedaily.com',
    containers: ['.art_tit', '.article_view'],
    exclude: ['.article_copy'],
  },
  ...['aitimes.com', 'aitimes.kr', 'bloter.net', 'ddaily.co.kr', 'businesskorea.co.kr'].map(
    // One CMS (ND Soft) publishes these: the same ids and classes on every one.
    (host): SiteRule => ({
      host,
      containers: ['.article-head-title', '#article-view-content-div'],
      exclude: KOREAN_BODY_EXTRAS,
    }),
  ),
];

export function siteRuleOf(hostname: string): SiteRule | undefined {
  return SITE_RULES.find((r) => onDomain(hostname, r.host));
}
