// The site pages Chromium will not load over plain http (HSTS preload: ft.com,
// wsj.com, nytimes.com), read by the annotator under their hostnames with the
// bundled dataset: each mention in the article once, nothing around it. The
// other sites' pages run in the built extension (tests/e2e/site-rules.e2e.ts).
import { afterEach, describe, expect, it } from 'vitest';
import core from '../../public/packs/core.json';
import { Annotator, HIGHLIGHT_NAME } from '../../utils/annotator/annotator';
import { compileMatcher, type DictionaryEntry, loadMatcher } from '../../utils/matcher';
import { HSTS_PRELOADED_PAGES } from '../e2e/site-pages/english';
import { EN } from '../e2e/site-pages/text';
import { highlighted } from './support';

/** Every alias of the bundled pack, as the background compiles them. */
function bundledMatcher() {
  const entries: DictionaryEntry[] = [];
  for (const c of core.companies)
    for (const alias of new Set([c.names.en, c.names.ko, ...c.aliases]))
      entries.push({ alias, type: 'company', id: c.id });
  return loadMatcher(compileMatcher(entries));
}

let annotator: Annotator | null = null;

afterEach(() => {
  annotator?.clear();
  annotator = null;
  document.body.replaceChildren();
});

describe('site pages on HSTS-preloaded hosts', () => {
  const matcher = bundledMatcher();

  for (const p of HSTS_PRELOADED_PAGES) {
    const hostname = new URL(p.url).hostname;
    it(`${hostname}: highlights each mention in the article once, and nothing around it`, async () => {
      document.body.innerHTML = new DOMParser().parseFromString(p.html, 'text/html').body.innerHTML;
      annotator = new Annotator(document, { hostname });
      await annotator.annotate(matcher);
      expect(highlighted()).toEqual(EN.mentions);
      const ranges = [...(CSS.highlights.get(HIGHLIGHT_NAME) as unknown as Set<Range>)];
      const outside = [...document.querySelectorAll('[data-outside]')];
      expect(outside.length).toBeGreaterThanOrEqual(6);
      // Each part around the article names a company the dataset knows…
      for (const el of outside)
        expect(
          matcher.findMentions(el.textContent ?? '').length,
          el.textContent ?? '',
        ).toBeGreaterThan(0);
      // …and none is highlighted.
      expect(outside.filter((el) => ranges.some((r) => r.intersectsNode(el)))).toEqual([]);
    });
  }
});
