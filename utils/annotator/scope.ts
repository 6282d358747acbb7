// Which parts of a page are the article: known containers for supported sites,
// generic article markup elsewhere, the body as a last resort.
import { siteRuleOf } from '../site-rules';

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
  // Inside article bodies on many sites, named alike: they hold names that are not the article's.
  '[class*="related"]',
  '[class*="byline"]',
  '[class*="copyright"]',
  '[class*="credit"]',
  '[rel="author"]',
].join(',');

/**
 * The page chrome to leave out of each document, with its site's own exclusions:
 * kept per document so every check of an element (reading, page changes, clips)
 * uses its page's rules without each caller carrying the hostname.
 */
const excludedByDocument = new WeakMap<Document, string>();

/** Reads `doc` with the rules of the site at `hostname` from now on. */
export function useSiteRules(doc: Document, hostname: string): void {
  const exclude = siteRuleOf(hostname)?.exclude ?? [];
  excludedByDocument.set(doc, [EXCLUDED_SELECTOR, ...exclude].join(','));
}

/** The selector of what is never article text in `doc`. */
export function excludedSelectorOf(doc: Document): string {
  return excludedByDocument.get(doc) ?? EXCLUDED_SELECTOR;
}

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

/**
 * Each element once, outermost only: an element several rules match (etnews'
 * `#articleBody.article_body`) or one inside another match is already covered,
 * and reading it again would register every mention in it twice.
 */
export function outermostOnce(elements: Iterable<Element>): Element[] {
  const unique = new Set(elements);
  return [...unique].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (unique.has(p)) return false;
    return true;
  });
}

export function findArticleRoots(doc: Document, hostname: string): Element[] {
  for (const group of [siteRuleOf(hostname)?.containers ?? [], GENERIC_CONTAINERS]) {
    const found = group.flatMap((s) => [...doc.querySelectorAll(s)]);
    if (found.length) {
      // A headline outside the container (e.g. <h1> above the body) is part of the article too.
      const h1 = doc.querySelector('h1');
      if (h1 && !found.some((el) => el.contains(h1)) && !h1.closest(excludedSelectorOf(doc)))
        found.push(h1);
      return outermostOnce(found);
    }
  }
  return doc.body ? [doc.body] : [];
}
