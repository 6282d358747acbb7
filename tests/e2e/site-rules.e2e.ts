// Every supported news site, in the shape of its article pages and at its real
// hostname: the article text is read once (each mention highlighted exactly
// once) and nothing around it is highlighted: menus, related news, bylines,
// copyright lines, photo credits, ads, most-read lists.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { defaultSiteOf, NEWS_MATCHES } from '../../utils/site-rules';
import { ENGLISH_PAGES, HTTPS_PAGES } from './site-pages/english';
import { KOREAN_PAGES } from './site-pages/korean';
import { KOREAN_PRESS_PAGES } from './site-pages/korean-press';
import { EN, KO } from './site-pages/text';
import { useExtension, waitForHighlights } from './support';

const HTTP_PAGES = [...KOREAN_PAGES, ...KOREAN_PRESS_PAGES, ...ENGLISH_PAGES];
const PAGES = [...HTTP_PAGES, ...HTTPS_PAGES];

const routesOf = (pages: typeof PAGES) =>
  Object.fromEntries(
    pages.map((p) => {
      const url = new URL(p.url);
      const serve = (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(p.html);
      return [`${url.hostname}${url.pathname}`, serve];
    }),
  );

// ft.com, wsj.com and nytimes.com are HSTS-preloaded: Chromium only loads them over https.
const env = useExtension({ routes: routesOf(HTTP_PAGES), httpsRoutes: routesOf(HTTPS_PAGES) });

/** Names the chrome around the articles uses: each outside part holds one, so a leak shows. */
const CHROME_NAMES = [KO, EN].flatMap((t) =>
  [...t.mentions, '구글', '애플', '메타', 'Google', 'Apple', 'Meta', 'Anthropic', 'Oracle'].filter(
    (n, i, all) => all.indexOf(n) === i,
  ),
);

describe('site rules on the supported sites', () => {
  it('has a page for every supported site', () => {
    const sites = NEWS_MATCHES.map((m) => m.replace('*://*.', '').replace('/*', ''));
    const covered = new Set(PAGES.map((p) => defaultSiteOf(new URL(p.url).hostname)));
    expect(sites.filter((s) => !covered.has(s))).toEqual([]);
  });

  for (const p of PAGES) {
    const host = new URL(p.url).hostname;
    const expected = p.html.includes('lang="ko"') ? KO.mentions : EN.mentions;

    it(`${host}: highlights each mention in the article once, and nothing around it`, async () => {
      const page = await env.context.newPage();
      try {
        await page.goto(p.url);
        expect(await waitForHighlights(page, expected.length)).toEqual(expected);
        const outside = await page.evaluate(() => {
          const ranges = [...(CSS.highlights.get('alliance-lens') as unknown as Set<Range>)];
          return [...document.querySelectorAll('[data-outside]')].map((el) => ({
            text: el.textContent ?? '',
            highlighted: ranges.filter((r) => r.intersectsNode(el)).map((r) => r.toString()),
          }));
        });
        // Menus, related news, bylines, credits, copyright lines and ads are all there…
        expect(outside.length).toBeGreaterThanOrEqual(6);
        for (const part of outside)
          expect(
            CHROME_NAMES.some((n) => part.text.includes(n)),
            part.text,
          ).toBe(true);
        // …and none of them is highlighted.
        expect(outside.filter((part) => part.highlighted.length)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
