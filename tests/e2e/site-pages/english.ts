// English-language news sites, each in the shape of its article pages: most
// mark the article up (article, itemprop, main); the site rules cover the rest.
import { ndSoft } from './korean';
import { items, page, paragraphs, type SitePage, EN as t } from './text';

const mostRead = `<aside class="most-read" data-outside><h2>Most read</h2><ol>${items(t.popular)}</ol></aside>`;
const ad = (cls: string) => `<div class="${cls}" data-outside>${t.ad}</div>`;
const related = (cls: string) =>
  `<section class="${cls}" data-outside><h2>Related</h2><ul>${items(t.related)}</ul></section>`;
const figure = (creditClass: string) =>
  `<figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="${creditClass}" data-outside>${t.credit}</span></figcaption></figure>`;

/** A page whose article is an <article> with a body inside: the shape most of these sites use. */
function articlePage(url: string, parts: { head: string; body: string; after?: string }): SitePage {
  return {
    url,
    html: page(
      t,
      `<main id="main"><article>${parts.head}${parts.body}${parts.after ?? ''}</article></main>${mostRead}`,
    ),
  };
}

export const ENGLISH_PAGES: SitePage[] = [
  {
    url: 'http://www.koreaherald.com/article/10000002',
    html: page(
      t,
      `<div class="wrap"><div class="news_title_area"><h1 class="news_title">${t.headline}</h1>
  <div class="news_info" data-outside>${t.byline}</div></div>
<div id="articleText" class="news_content article-body">
  <figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="photo_credit" data-outside>(${t.credit})</span></figcaption></figure>
  ${paragraphs(t)}
  ${ad('ad-slot')}
  <p class="art_copy" data-outside>${t.copyright}</p>
</div>${related('related')}</div>${mostRead}`,
    ),
  },
  ndSoft('businesskorea.co.kr', t),
  articlePage('http://www.koreatimes.co.kr/business/tech-science/20251002/samsung-naver', {
    head: `<h1 class="editor-title">${t.headline}</h1><div class="editor-byline" data-outside>${t.byline}</div>`,
    body: `<div class="editor-p" itemprop="articleBody">${figure('editor-photo-credit')}${paragraphs(t)}${ad('ad')}</div>`,
    after: related('editor-related'),
  }),
  articlePage('http://techcrunch.com/2025/10/02/samsung-naver-openai/', {
    head: `<header><h1 class="wp-block-post-title">${t.headline}</h1><div class="wp-block-tc23-author-card byline" data-outside>${t.byline}</div></header>`,
    body: `<div class="entry-content wp-block-post-content">${figure('wp-element-caption-credit')}${paragraphs(t, 'p', ' class="wp-block-paragraph"')}${ad('ad-unit ad')}</div>`,
    after: related('wp-block-tc23-related-posts'),
  }),
  articlePage('http://www.theverge.com/ai-artificial-intelligence/700002/samsung-naver-openai', {
    head: `<h1 class="duet--article--headline">${t.headline}</h1><p class="duet--article--byline" data-outside>${t.byline}</p>`,
    body: `<div class="duet--article--article-body-component">${figure('duet--media--credit')}${paragraphs(t)}</div>`,
    after: related('duet--recirculation--related-list'),
  }),
  articlePage('http://www.reuters.com/technology/samsung-naver-openai-2025-10-02/', {
    head: `<h1 data-testid="Heading">${t.headline}</h1><div class="article-header__byline" data-outside>${t.byline}</div>`,
    body: `<div class="article-body__content" data-testid="ArticleBody">${figure('image-credit')}${paragraphs(t, 'div', ' data-testid="paragraph-0"')}<p class="trust-badge copyright" data-outside>${t.copyright}</p></div>`,
    after: related('related-content'),
  }),
  {
    url: 'http://www.bloomberg.com/news/articles/2025-10-02/samsung-naver-openai',
    html: page(
      t,
      `<main><div class="lede"><h1 class="headline">${t.headline}</h1>
  <div class="byline" data-outside>${t.byline}</div></div>
<div class="body-content" itemprop="articleBody">${figure('credit')}${paragraphs(t)}${ad('ad-placeholder ad')}
  ${related('related-stories')}</div></main>${mostRead}`,
    ),
  },
  articlePage('http://www.cnbc.com/2025/10/02/samsung-naver-openai.html', {
    head: `<h1 class="ArticleHeader-headline">${t.headline}</h1><div class="Author-authorNameAndSocial byline" data-outside>${t.byline}</div>`,
    body: `<div class="ArticleBody-articleBody" data-module="ArticleBody">${figure('InlineImage-imageCredit credit')}<div class="group">${paragraphs(t)}</div>${ad('InlineAd ad')}</div>`,
    after: related('RelatedContent-related'),
  }),
  articlePage('http://venturebeat.com/ai/samsung-naver-openai/', {
    head: `<h1 class="article-title">${t.headline}</h1><div class="article-byline" data-outside>${t.byline}</div>`,
    body: `<div class="article-content">${figure('image-credit')}${paragraphs(t)}${ad('ad')}</div>`,
    after: related('related-articles'),
  }),
  articlePage('http://www.wired.com/story/samsung-naver-openai/', {
    head: `<h1 data-testid="ContentHeaderHed">${t.headline}</h1><div class="BylinesWrapper byline" data-outside>${t.byline}</div>`,
    body: `<div class="body__inner-container">${figure('CaptionCredit credit')}${paragraphs(t)}${ad('ad ad--in-content')}</div>`,
    after: related('related-stories'),
  }),
  articlePage('http://arstechnica.com/ai/2025/10/samsung-naver-openai/', {
    head: `<header><h1>${t.headline}</h1><p class="byline" data-outside>${t.byline}</p></header>`,
    body: `<div class="post-content" itemprop="articleBody">${figure('caption-credit')}${paragraphs(t)}${ad('ad')}</div>`,
    after: related('related-stories'),
  }),
  articlePage('http://www.theinformation.com/articles/samsung-naver-openai', {
    head: `<h1>${t.headline}</h1><div class="article-byline" data-outside>${t.byline}</div>`,
    body: `<div class="article-body">${figure('credit')}${paragraphs(t)}</div>`,
    after: related('related-articles'),
  }),
];

/**
 * Sites on Chromium's HSTS preload list: it turns http into https for them, so
 * the test serves them over https (a throwaway self-signed certificate).
 */
export const HTTPS_PAGES: SitePage[] = [
  articlePage('https://www.ft.com/content/00000000-0000-0000-0000-000000000002', {
    head: `<h1 class="o-topper__headline">${t.headline}</h1><p class="article-info__byline" data-outside>${t.byline}</p>`,
    body: `<div class="article-body n-content-body">${figure('n-content-image__credit credit')}${paragraphs(t)}<p class="article__copyright-notice" data-outside>${t.copyright}</p></div>`,
    after: related('o-teaser-collection related'),
  }),
  articlePage('https://www.wsj.com/tech/ai/samsung-naver-openai-00000002', {
    head: `<h1>${t.headline}</h1><div class="byline" data-outside>${t.byline}</div>`,
    body: `<section class="article-body">${figure('credit')}${paragraphs(t, 'p', ' data-type="paragraph"')}${ad('wsj-ad ad')}</section>`,
    after: related('related-coverage'),
  }),
  articlePage('https://www.nytimes.com/2025/10/02/technology/samsung-naver-openai.html', {
    head: `<header><h1 data-testid="headline">${t.headline}</h1><p class="css-byline byline" data-outside>${t.byline}</p></header>`,
    body: `<section name="articleBody">${figure('css-credit credit')}<div class="StoryBodyCompanionColumn">${paragraphs(t)}</div>${ad('ad')}</section>`,
    after: related('related-links'),
  }),
];
