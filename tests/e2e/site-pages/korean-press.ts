// More Korean news sites: dailies and wire services, each in the shape of its
// article pages (see korean.ts for the others).
import { items, page, paragraphs, type SitePage, KO as t } from './text';

const popular = `<aside class="aside" data-outside><h3>많이 본 뉴스</h3><ol>${items(t.popular)}</ol></aside>`;
const ad = (cls: string) => `<div class="${cls}" data-outside>${t.ad}</div>`;
const related = (cls: string, title = '관련기사') =>
  `<div class="${cls}" data-outside><strong>${title}</strong><ul>${items(t.related)}</ul></div>`;

export const KOREAN_PRESS_PAGES: SitePage[] = [
  {
    url: 'http://www.chosun.com/economy/tech_it/2025/10/02/ABCDEF/',
    html: page(
      t,
      `<main id="main"><article class="layout__article-main">
  <h1 class="article-header__headline">${t.headline}</h1>
  <div class="article-byline" data-outside>${t.byline}</div>
  <section class="article-body" itemprop="articleBody">
    <figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="article-body__content-image-caption-credit" data-outside>${t.credit}</span></figcaption></figure>
    ${paragraphs(t, 'p', ' class="article-body__content article-body__content-text"')}
    ${ad('dfpAd ad')}
  </section>
  ${related('article-related')}
</article></main>${popular}`,
    ),
  },
  {
    url: 'http://www.joongang.co.kr/article/25300002',
    html: page(
      t,
      `<div class="article_header"><h1 class="headline">${t.headline}</h1>
  <div class="byline" data-outside>${t.byline}</div></div>
<div id="article_body" class="article_body fs3">
  <div class="ab_photo photo_center"><img src="/p.jpg" alt=""><p class="caption">${t.caption} <span class="ab_credit" data-outside>${t.credit}</span></p></div>
  ${paragraphs(t)}
  ${ad('ab_ad ad')}
  <div class="ab_byline" data-outside>${t.byline}</div>
</div>
${related('related_news', '관련 기사')}
<p class="copyright" data-outside>${t.copyright}</p>${popular}`,
    ),
  },
  {
    url: 'http://www.donga.com/news/Economy/article/all/20251002/130000002/1',
    html: page(
      t,
      `<section class="head_group"><h1 class="title">${t.headline}</h1>
  <p class="byline" data-outside>${t.byline}</p></section>
<section class="news_view">
  <div class="articlePhotoC"><img src="/p.jpg" alt=""><span class="sub_tit">${t.caption} <em class="credit" data-outside>${t.credit}</em></span></div>
  ${t.paragraphs.join('<br><br>')}
  ${ad('a1 ad')}
  ${related('article_relation')}
  <p class="copyright" data-outside>${t.copyright}</p>
</section>${popular}`,
    ),
  },
  {
    url: 'http://www.hani.co.kr/arti/economy/it/1210002.html',
    html: page(
      t,
      `<main><div class="article-head"><h3 class="ArticleDetailView_title">${t.headline}</h3>
  <div class="ArticleDetailView_reporter" data-outside>${t.byline}</div></div>
<div class="article-text">
  <div class="ArticleDetailContent_imageContainer"><img src="/p.jpg" alt=""><p class="ArticleDetailContent_caption">${t.caption} <span class="photo-credit" data-outside>${t.credit}</span></p></div>
  ${paragraphs(t, 'p', ' class="text"')}
  ${ad('ArticleDetailContent_adFlex ad')}
</div>
${related('ArticleDetailView_relatedArticle', '관련기사')}</main>${popular}`,
    ),
  },
  {
    url: 'http://www.news1.kr/it-science/general-it/5900002',
    html: page(
      t,
      `<div class="article-head"><h1 class="article-h2-header-title">${t.headline}</h1>
  <ul class="article-info" data-outside><li>${t.byline}</li></ul></div>
<div id="articleBodyContent" class="article-body">
  <figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="photo-credit" data-outside>${t.credit}</span></figcaption></figure>
  ${paragraphs(t)}
  ${ad('ad-inarticle ad')}
  <p class="byline" data-outside>${t.byline}</p>
</div>
${related('related-news')}${popular}`,
    ),
  },
  {
    url: 'http://www.newsis.com/view/NISX20251002_0003300002',
    html: page(
      t,
      `<div class="view"><div class="tit title_area"><h1 class="tit">${t.headline}</h1>
  <p class="txt" data-outside>${t.byline}</p></div>
<div class="viewer"><article>
  <div class="thumCont"><img src="/p.jpg" alt=""><p class="photojournal">${t.caption} <span class="credit" data-outside>(${t.credit})</span></p></div>
  ${t.paragraphs.join('<br><br>')}
  <br><br><p class="copyright" data-outside>${t.copyright}</p>
</article></div>
${related('relatedNews')}</div>${popular}`,
    ),
  },
  {
    url: 'http://www.sedaily.com/NewsView/2GZ00002',
    html: page(
      t,
      `<div class="article_head"><h1 class="art_tit">${t.headline}</h1>
  <div class="article_info" data-outside>${t.byline}</div></div>
<div class="article_view" itemprop="articleBody">
  <figure class="art_photo"><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="credit" data-outside>${t.credit}</span></figcaption></figure>
  ${t.paragraphs.join('<br><br>')}
  ${ad('article_ad ad')}
  <div class="article_copy" data-outside><span class="byline">${t.byline}</span> ${t.copyright}</div>
</div>
${related('art_related')}${popular}`,
    ),
  },
  {
    url: 'http://www.edaily.co.kr/News/Read?newsId=01100002',
    html: page(
      t,
      `<div class="news_titles"><h1>${t.headline}</h1></div>
<div class="news_info" data-outside>${t.byline}</div>
<div class="news_body" itemprop="articleBody">
  <table class="gaiz"><tr><td><img src="/p.jpg" alt=""></td></tr><tr><td class="caption">${t.caption} <span class="credit" data-outside>(${t.credit})</span></td></tr></table>
  ${t.paragraphs.join('<br><br>')}
  ${ad('ad_area ad')}
</div>
${related('related_article')}
<p class="copyright" data-outside>${t.copyright}</p>${popular}`,
    ),
  },
  {
    url: 'http://www.inews24.com/view/1800002',
    html: page(
      t,
      `<article class="view"><header><h1>${t.headline}</h1>
  <p class="byline" data-outside>${t.byline}</p></header>
<div id="articleBody" itemprop="articleBody">
  <figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="credit" data-outside>${t.credit}</span></figcaption></figure>
  ${paragraphs(t)}
  ${ad('ad_inner ad')}
  ${related('relate_article related')}
  <p class="copyright" data-outside>${t.copyright}</p>
</div></article>${popular}`,
    ),
  },
];
