// Korean news sites, each in the shape of its article pages: the headline and
// body containers the site rules know, with related news, bylines, photo
// credits, copyright lines and ads where each site puts them.
import { type ArticleText, items, KO, page, paragraphs, type SitePage } from './text';

const t = KO;

const mostRead = (t: ArticleText) =>
  `<aside class="aside" data-outside><h3>${t.lang === 'ko' ? '많이 본 뉴스' : 'Most read'}</h3><ol>${items(t.popular)}</ol></aside>`;
const popular = mostRead(t);
const inlineAd = (cls: string) => `<div class="${cls}" data-outside>${t.ad}</div>`;

/** Sites on the ND Soft CMS share one article layout. */
export const ndSoft = (host: string, t: ArticleText = KO): SitePage => ({
  url: `http://www.${host}/news/articleView.html?idxno=100001`,
  html: page(
    t,
    `<div id="user-container"><section class="article-head">
  <h3 class="heading article-head-title">${t.headline}</h3>
  <ul class="infomation"><li data-outside>${t.byline}</li></ul></section>
<article id="article-view-content-div" class="article-veiw-body view-page" itemprop="articleBody">
  <figure class="photo-layout"><img src="/p.jpg" alt=""><figcaption>${t.caption} <em class="view-editors" data-outside>${t.credit}</em></figcaption></figure>
  ${paragraphs(t)}
  <div class="ad-template" data-outside><div class="ad">${t.ad}</div></div>
  <div class="article-relation" data-outside><strong>${t.lang === 'ko' ? '관련기사' : 'Related'}</strong><ul>${items(t.related)}</ul></div>
  <div class="view-copyright" data-outside>${t.copyright}</div>
</article>${mostRead(t)}</div>`,
  ),
});

export const KOREAN_PAGES: SitePage[] = [
  {
    url: 'http://www.dt.co.kr/contents.html?article_no=2025100202109931081001',
    html: page(
      t,
      `<div class="article_head"><h1 class="art_tit">${t.headline}</h1>
  <div class="art_reporter" data-outside>${t.byline}</div></div>
<div class="article_view"><div id="news_body_area">
  <div class="art_photo"><img src="/p.jpg" alt=""><p class="art_caption">${t.caption} <span class="art_copyright" data-outside>${t.credit}</span></p></div>
  ${t.paragraphs.join('<br><br>')}
  <div class="art_relation" data-outside><h4>관련기사</h4><ul>${items(t.related)}</ul></div>
</div></div>${popular}`,
    ),
  },
  {
    url: 'http://n.news.naver.com/mnews/article/001/0000000002',
    html: page(
      t,
      `<div id="ct" class="newsct"><div class="media_end_head">
  <h2 id="title_area" class="media_end_head_headline"><span>${t.headline}</span></h2>
  <div class="media_end_head_journalist" data-outside><em>${t.byline}</em></div></div>
<div id="newsct_article" class="newsct_article"><article id="dic_area" class="go_trans _article_content">
  <span class="end_photo_org"><img src="/p.jpg" alt=""><em class="img_desc">${t.caption} <span class="source" data-outside>${t.credit}</span></em></span><br>
  ${t.paragraphs.join('<br><br>')}
</article>
<p class="byline"><span class="byline_s" data-outside>${t.byline}</span></p>
<p class="media_end_copyright" data-outside>${t.copyright}</p></div></div>
<div class="media_end_linked_more" data-outside><h3>이 기사를 추천한 기사</h3><ul>${items(t.related)}</ul></div>`,
    ),
  },
  {
    url: 'http://v.daum.net/v/20251002000000002',
    html: page(
      t,
      `<div class="main-content"><div class="head_view"><h3 class="tit_view">${t.headline}</h3>
  <span class="info_view" data-outside>${t.byline}</span></div>
<div class="news_view"><div class="article_view" data-translation-body>
  <section dmcf-sid="1">
    <figure><img src="/p.jpg" alt=""><figcaption class="txt_caption">${t.caption} <span class="source" data-outside>${t.credit}</span></figcaption></figure>
    ${paragraphs(t, 'p', ' dmcf-ptype="general"')}
  </section>
  <div class="copyright_view" data-outside>${t.copyright}</div>
</div></div>
<div class="relate_news" data-outside><strong>관련 뉴스</strong><ul>${items(t.related)}</ul></div>${popular}</div>`,
    ),
  },
  {
    url: 'http://zdnet.co.kr/view/?no=20251002000002',
    html: page(
      t,
      `<div id="content"><div class="news_head"><h1>${t.headline}</h1>
  <p class="meta" data-outside>${t.byline}</p></div>
<div class="view_cont" id="articleBody">
  <figure><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="source" data-outside>(${t.credit})</span></figcaption></figure>
  ${paragraphs(t)}
  <div class="news_box" data-outside><p class="tit">관련기사</p><ul>${items(t.related)}</ul></div>
  ${inlineAd('ad_box ad')}
  <div class="reporter_box" data-outside>${t.byline}</div>
</div><p class="copy_info" data-outside>${t.copyright}</p></div>${popular}`,
    ),
  },
  {
    url: 'http://www.etnews.com/20251002000002',
    html: page(
      t,
      `<div class="article_wrap"><div class="article_title"><h1>${t.headline}</h1>
  <div class="byline" data-outside>${t.byline}</div></div>
<div id="articleBody" class="article_body" itemprop="articleBody">
  <figure class="article_image"><img src="/p.jpg" alt=""><figcaption>${t.caption} <span class="source" data-outside>${t.credit}</span></figcaption></figure>
  ${paragraphs(t)}
  <div class="article_relation" data-outside><h4>관련 기사</h4><ul>${items(t.related)}</ul></div>
  ${inlineAd('ad')}
  <p class="article_copy" data-outside>${t.copyright}</p>
</div></div>${popular}`,
    ),
  },
  {
    url: 'http://www.hankyung.com/article/2025100200002',
    html: page(
      t,
      `<div class="article-wrap"><h1 class="headline">${t.headline}</h1>
  <div class="author" data-outside>${t.byline}</div>
<div class="article-body" id="articletxt" itemprop="articleBody">
  <figure class="article-figure"><img src="/p.jpg" alt=""><figcaption class="figure-caption">${t.caption} <span class="figure-credit" data-outside>${t.credit}</span></figcaption></figure>
  ${t.paragraphs.join('<br><br>')}
  ${inlineAd('ad-wrap ad')}
  <div class="article-relation" data-outside><h3>관련기사</h3><ul>${items(t.related)}</ul></div>
  <p class="txt-copyright" data-outside>${t.copyright}</p>
</div></div>${popular}`,
    ),
  },
  {
    url: 'http://www.mk.co.kr/news/it/11000002',
    html: page(
      t,
      `<section class="news_detail_head_group"><h2 class="news_ttl">${t.headline}</h2>
  <dl class="author" data-outside><dd>${t.byline}</dd></dl></section>
<div class="news_cnt_detail_wrap" itemprop="articleBody">
  <div class="thumb_area"><img src="/p.jpg" alt=""><p class="thumb_caption">${t.caption} <span class="source" data-outside>[${t.credit}]</span></p></div>
  ${t.paragraphs.join('<br><br>')}
  ${inlineAd('ad_wrap ad')}
  <div class="relate_news_wrap" data-outside><h3>관련기사</h3><ul>${items(t.related)}</ul></div>
  <p class="copyright" data-outside>${t.copyright}</p>
</div>${popular}`,
    ),
  },
  {
    url: 'http://www.yna.co.kr/view/AKR20251002000200017',
    html: page(
      t,
      `<header class="title-article01"><h1 class="tit">${t.headline}</h1></header>
<article class="story-news article">
  <div class="comp-box photo-group"><figure><img src="/p.jpg" alt=""><figcaption class="desc-con"><p class="desc">${t.caption}</p><span class="source" data-outside>[${t.credit}. 재판매 및 DB 금지]</span></figcaption></figure></div>
  <p>(서울=연합뉴스)</p>
  ${paragraphs(t)}
  <div class="writer-zone01" data-outside>${t.byline}</div>
  <p class="txt-copyright adrs" data-outside>${t.copyright}</p>
  <div class="related-zone" data-outside><strong>관련 뉴스</strong><ul>${items(t.related)}</ul></div>
</article>${popular}`,
    ),
  },
  ...['aitimes.com', 'aitimes.kr', 'bloter.net', 'ddaily.co.kr'].map((host) => ndSoft(host)),
];
