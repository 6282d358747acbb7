// The article containers the site rules find, in a real page: an element several
// rules match, or one nested in another match, is read once, and what a site
// puts inside its body that is not the article is left out.
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../utils/annotator/annotator';
import { findArticleRoots, outermostOnce } from '../../utils/annotator/scope';
import { highlighted, tinyMatcher, writePage } from './support';

let annotator: Annotator | null = null;

async function annotateAs(hostname: string): Promise<string[]> {
  annotator = new Annotator(document, { hostname });
  await annotator.annotate(tinyMatcher());
  return highlighted();
}

afterEach(() => {
  annotator?.clear();
  annotator = null;
  document.body.replaceChildren();
});

describe('article containers', () => {
  it('reads an element that several container rules match once (etnews)', async () => {
    writePage(`
      <h1 class="article_title">삼성전자, 오픈AI와 협력</h1>
      <div id="articleBody" class="article_body"><p>삼성전자는 오픈AI와 손잡았다.</p></div>`);
    const body = document.getElementById('articleBody');
    expect(findArticleRoots(document, 'www.etnews.com')).toEqual([
      document.querySelector('h1'),
      body,
    ]);
    expect(await annotateAs('www.etnews.com')).toEqual([
      '삼성전자',
      '오픈AI',
      '삼성전자',
      '오픈AI',
    ]);
  });

  it('reads a container nested inside another match once (zdnet)', async () => {
    writePage(`
      <div id="content"><div class="view_cont">
        <div class="news_head"><h1>마이크로소프트의 선택</h1></div>
        <div id="articleBody"><p>오픈AI는 마이크로소프트와 협력한다.</p></div>
      </div></div>`);
    expect(findArticleRoots(document, 'zdnet.co.kr')).toEqual([
      document.querySelector('.view_cont'),
    ]);
    expect(await annotateAs('zdnet.co.kr')).toEqual(['마이크로소프트', '오픈AI', '마이크로소프트']);
  });

  it('keeps each element once and only the outermost, in the order given', () => {
    writePage('<div id="a"><div id="b"><p id="c"></p></div></div><div id="d"></div>');
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => document.getElementById(id)!);
    expect(outermostOnce([d!, c!, a!, d!, b!, a!])).toEqual([d, a]);
  });
});

describe('what a site puts inside its article body', () => {
  const etnewsPage = `
    <div id="articleBody" class="article_body">
      <p>삼성전자는 오픈AI와 손잡았다.</p>
      <div class="article_relation"><strong>관련기사</strong><ul><li><a>마이크로소프트, 새 모델 공개</a></li></ul></div>
      <p class="byline">마이크로소프트 담당 기자</p>
    </div>`;

  it('leaves out the related-news box and the byline on its site', async () => {
    writePage(etnewsPage);
    expect(await annotateAs('www.etnews.com')).toEqual(['삼성전자', '오픈AI']);
  });

  it('applies a site rule only on that site', async () => {
    writePage(etnewsPage.replace('class="byline"', ''));
    // Elsewhere `.article_relation` and `.byline`-less paragraphs are ordinary article text.
    expect(await annotateAs('news.example.com')).toEqual([
      '삼성전자',
      '오픈AI',
      '마이크로소프트',
      '마이크로소프트',
    ]);
  });

  it('leaves out related lists, copyright lines and photo credits named alike on any site', async () => {
    writePage(`
      <article>
        <p>오픈AI는 삼성전자와 협력한다.</p>
        <figure><figcaption>평택 공장 <span class="photo-credit">사진=삼성전자</span></figcaption></figure>
        <ul class="related-news"><li>마이크로소프트 소식</li></ul>
        <p class="copyright">ⓒ 마이크로소프트 뉴스</p>
      </article>`);
    expect(await annotateAs('news.example.com')).toEqual(['오픈AI', '삼성전자']);
  });
});
