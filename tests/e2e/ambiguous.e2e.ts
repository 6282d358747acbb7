// A name that is also an ordinary word, in both senses in one article: the
// company is highlighted where the paragraph shows it, the word is not.
import { describe, expect, it } from 'vitest';
import { useExtension, waitForHighlights } from './support';

const PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>두 개의 아마존 - 데모신문</title></head><body><article>
<h1>두 개의 아마존</h1>
<p id="river">아마존 열대우림의 면적이 올해 다시 줄었다. 메타 분석을 맡은 연구진은 강수량 변화를 원인으로 꼽았다.</p>
<p id="company">아마존은 이날 새 인공지능 칩을 공개했다. 메타도 자체 모델을 내놓을 계획이라고 밝혔다.</p>
<p id="pair">아마존과 엔비디아가 데이터센터 협력을 넓힌다.</p>
<p id="oracle">블록체인 오라클 문제는 여전히 풀리지 않았다.</p>
</article></body></html>`;

const env = useExtension({
  routes: {
    'www.dt.co.kr/ambiguous.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  },
});

describe('ambiguous names', () => {
  it('highlights 아마존 and 메타 where they mean the companies, and not the river or the prefix', async () => {
    const page = await env.context.newPage();
    await page.goto('http://www.dt.co.kr/ambiguous.html');
    await waitForHighlights(page, 3);
    const byParagraph = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      for (const r of CSS.highlights.get('alliance-lens') as unknown as Set<Range>) {
        const id = (r.startContainer.parentElement as HTMLElement).closest('p')?.id ?? 'other';
        const list = out[id] ?? [];
        list.push(r.toString());
        out[id] = list;
      }
      return out;
    });
    expect(byParagraph.river).toBeUndefined();
    expect(byParagraph.oracle).toBeUndefined();
    expect(byParagraph.company).toEqual(['아마존', '메타']);
    expect(byParagraph.pair).toEqual(['아마존', '엔비디아']);
    await page.close();
  });
});
