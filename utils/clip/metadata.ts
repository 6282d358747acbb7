// What a clipped source says about its article: link, title, publisher and
// date, read from the page's markup. Takes a `Document` (no other browser
// API), so it is tested with happy-dom.
//
// Each field takes the first usable value, in this order:
// - url: <link rel=canonical>, og:url, the page's own URL — resolved against
//   the page, http(s) only, cleaned by `cleanUrl` (no fragment, no tracking
//   parameters). A canonical link to the bare site root from an article page
//   is a common template mistake and is skipped.
// - title: og:title, twitter:title, JSON-LD headline, the first <h1>,
//   document.title; white space collapsed; a trailing " - Site" / " | Site"
//   is removed when it names the publisher.
// - publisher: og:site_name, JSON-LD publisher.name, a table of known news
//   hosts, the host name (without www.).
// - published: article:published_time and similar <meta>, itemprop
//   datePublished, JSON-LD datePublished, <time datetime> in the <article>,
//   Naver's and Daum's date markup, then an "입력: 2024-07-21" label in the
//   page text. Unparseable or impossible dates are skipped.

import { aliasKey } from '../matcher';
import type { PartialDate } from '../pack/types';
import { parseArticleDate } from './date';
import { cleanUrl } from './url';

export { today } from './date';

export interface ArticleMeta {
  url: string;
  title: string | null;
  publisher: string | null;
  published: PartialDate | null;
}

/** News hosts whose pages often lack og:site_name. Sub-domains match too. */
export const KNOWN_PUBLISHERS: Readonly<Record<string, string>> = {
  'n.news.naver.com': '네이버 뉴스',
  'm.news.naver.com': '네이버 뉴스',
  'news.naver.com': '네이버 뉴스',
  'v.daum.net': '다음뉴스',
  'news.daum.net': '다음뉴스',
  'dt.co.kr': '디지털타임스',
  'yna.co.kr': '연합뉴스',
  'chosun.com': '조선일보',
  'joongang.co.kr': '중앙일보',
  'donga.com': '동아일보',
  'hani.co.kr': '한겨레',
  'khan.co.kr': '경향신문',
  'mk.co.kr': '매일경제',
  'hankyung.com': '한국경제',
  'sedaily.com': '서울경제',
  'mt.co.kr': '머니투데이',
  'edaily.co.kr': '이데일리',
  'etnews.com': '전자신문',
  'zdnet.co.kr': '지디넷코리아',
  'bloter.net': '블로터',
  'koreaherald.com': 'The Korea Herald',
  'koreatimes.co.kr': 'The Korea Times',
  'koreajoongangdaily.joins.com': 'Korea JoongAng Daily',
  'reuters.com': 'Reuters',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'wsj.com': 'The Wall Street Journal',
  'nytimes.com': 'The New York Times',
  'cnbc.com': 'CNBC',
  'techcrunch.com': 'TechCrunch',
  'theverge.com': 'The Verge',
};

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function knownPublisher(host: string): string | null {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = KNOWN_PUBLISHERS[labels.slice(i).join('.')];
    if (name) return name;
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    const h = new URL(url).hostname;
    return h === '' ? null : h;
  } catch {
    return null;
  }
}

// --- <meta> ---------------------------------------------------------------

/** First non-empty content per lower-cased property / name / itemprop. */
function readMeta(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = squash(el.getAttribute('content'));
    if (content === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

// --- JSON-LD --------------------------------------------------------------

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in the page's JSON-LD: top level, arrays and @graph; malformed blocks skipped. */
function readJsonLd(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (isObject(v)) {
      out.push(v);
      if ('@graph' in v) visit(v['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script')) {
    const type = script.getAttribute('type')?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const text = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Malformed JSON-LD is common; the other sources still apply.
    }
  }
  return out;
}

function isArticleNode(node: JsonObject): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && /article|blogposting|report/i.test(x));
}

/** First value `pick` finds, article-typed nodes first. */
function fromJsonLd<T>(nodes: JsonObject[], pick: (n: JsonObject) => T | null): T | null {
  for (const n of [...nodes.filter(isArticleNode), ...nodes.filter((x) => !isArticleNode(x))]) {
    const v = pick(n);
    if (v !== null) return v;
  }
  return null;
}

const stringField = (n: JsonObject, key: string): string | null => {
  const v = n[key];
  return typeof v === 'string' && squash(v) !== '' ? squash(v) : null;
};

function publisherName(n: JsonObject): string | null {
  const p = n.publisher;
  for (const x of Array.isArray(p) ? p : [p]) {
    if (typeof x === 'string' && squash(x) !== '') return squash(x);
    if (isObject(x)) {
      const name = stringField(x, 'name');
      if (name) return name;
    }
  }
  return null;
}

// --- fields ---------------------------------------------------------------

function linkHref(doc: Document, rel: string): string | null {
  for (const el of doc.querySelectorAll('link[rel][href]')) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) return el.getAttribute('href');
  }
  return null;
}

/** Second-level labels under which a site is three labels long (news.co.kr, bbc.co.uk). */
const SECOND_LEVEL = new Set([
  'co',
  'or',
  'go',
  'ac',
  'ne',
  're',
  'com',
  'net',
  'org',
  'gov',
  'edu',
]);

/** The registrable part of a host name, near enough: `news.dt.co.kr` → `dt.co.kr`. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  const n = labels.length >= 3 && SECOND_LEVEL.has(labels.at(-2) ?? '') ? 3 : 2;
  return labels.slice(-n).join('.');
}

function pickUrl(doc: Document, meta: Map<string, string>, pageUrl: string): string {
  const pageSite = (() => {
    try {
      return siteOf(new URL(pageUrl).hostname);
    } catch {
      return null;
    }
  })();
  const pagePath = (() => {
    try {
      return new URL(pageUrl).pathname;
    } catch {
      return '/';
    }
  })();
  for (const href of [linkHref(doc, 'canonical'), meta.get('og:url') ?? null]) {
    if (!href) continue;
    const url = cleanUrl(href, pageUrl);
    if (!url) continue;
    const u = new URL(url);
    if (u.pathname === '/' && u.search === '' && pagePath !== '/') continue;
    // A page can name any canonical it likes: one on another site would let a fake
    // page pass itself off as Reuters, so only the page's own site is believed.
    if (siteOf(u.hostname) !== pageSite) continue;
    return url;
  }
  return cleanUrl(pageUrl) ?? pageUrl;
}

const TITLE_SUFFIX = /^(.*\S)\s+(?:[-|–—:·•]|::|\|\|)\s+(\S.*)$/u;
/** Korean CMS titles: "제목 < 산업 < 기사본문 - 매체" (the trail and the site name go). */
const SECTION_TRAIL = /^(.*?\S)(?:\s+<\s+[^<]+?)*\s+<\s+기사본문(?:\s+[-|]\s+.*)?$/;

function stripSiteSuffix(title: string, publishers: readonly string[]): string {
  const keys = new Set(publishers.map(aliasKey).filter((k) => k !== ''));
  let t = title;
  const m = TITLE_SUFFIX.exec(t);
  if (m && keys.has(aliasKey(m[2]!))) t = m[1]!;
  const s = SECTION_TRAIL.exec(t);
  if (s) t = s[1]!;
  return t;
}

function pickPublished(doc: Document, meta: Map<string, string>, ld: JsonObject[]): string | null {
  const candidates: (() => string | null | undefined)[] = [
    () => meta.get('article:published_time'),
    () => meta.get('og:article:published_time'),
    () => meta.get('pubdate'),
    () => meta.get('publishdate'),
    () => meta.get('publish-date'),
    () => meta.get('date'),
    () => meta.get('parsely-pub-date'),
    () => meta.get('datepublished'),
    () => {
      const el = doc.querySelector('[itemprop="datePublished"]:not(meta)');
      return el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? el?.textContent;
    },
    () => fromJsonLd(ld, (n) => stringField(n, 'datePublished')),
    () => doc.querySelector('article time[datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('time[pubdate][datetime]')?.getAttribute('datetime'),
    // Naver news: <span class="media_end_head_info_datestamp_time" data-date-time="2025-10-02 09:00:00">
    () =>
      doc
        .querySelector('.media_end_head_info_datestamp_time[data-date-time]')
        ?.getAttribute('data-date-time'),
    // Daum news: <span class="num_date">2025. 10. 1. 09:00</span>
    () => doc.querySelector('.num_date')?.textContent,
    () => labelledDate(pageText(doc)),
  ];
  for (const get of candidates) {
    const date = parseArticleDate(get());
    if (date) return date;
  }
  return null;
}

/** Visible-ish text of the body (no script/style), bounded. */
function pageText(doc: Document, max = 200_000): string {
  const root = doc.body;
  if (!root) return '';
  const SHOW_TEXT = 4;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n && length < max; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName.toLowerCase();
    if (parent === 'script' || parent === 'style' || parent === 'noscript' || parent === 'template')
      continue;
    // Capped per node too: one huge text node must not carry the whole page past the cap.
    const t = (n.textContent ?? '').slice(0, max - length);
    parts.push(t);
    length += t.length;
  }
  return parts.join('\n');
}

/** "입력: 2024-07-21 09:00", "기사입력 2024.07.21", "등록 2024년 7월 21일", "Published: July 21, 2024". */
// Bounded runs between the label and the date: unbounded `\s*[:：]?\s*` backtracks
// quadratically on a long run of spaces (40,000 of them took 1.4 s).
const DATE_LABEL =
  /(?:입력|등록|발행|게재|published(?:[ \t]{1,3}on)?)(?:일시|일)?[\s:：]{0,6}(\d{4}[ ]{0,2}[-./년][^\n]{0,16}|[a-z]{3,9}\.?[ ]{1,3}\d{1,2},?[ ]{1,3}\d{4})/i;

function labelledDate(text: string): string | null {
  return DATE_LABEL.exec(text)?.[1] ?? null;
}

export function extractArticleMeta(doc: Document, pageUrl: string): ArticleMeta {
  const meta = readMeta(doc);
  const ld = readJsonLd(doc);
  const url = pickUrl(doc, meta, pageUrl);

  const host = hostOf(url) ?? hostOf(pageUrl);
  const siteName = meta.get('og:site_name') ?? null;
  const ldPublisher = fromJsonLd(ld, publisherName);
  const known = host ? knownPublisher(host) : null;
  const bareHost = host ? host.replace(/^www\./i, '') : null;
  const publisher = siteName ?? ldPublisher ?? known ?? bareHost;

  const titles = [
    meta.get('og:title'),
    meta.get('twitter:title'),
    fromJsonLd(ld, (n) => stringField(n, 'headline')),
    doc.querySelector('h1')?.textContent,
    doc.title,
  ];
  const rawTitle = titles.map(squash).find((t) => t !== '') ?? null;
  const publishers = [siteName, ldPublisher, known, host, bareHost].filter((p): p is string => !!p);
  const title = rawTitle === null ? null : stripSiteSuffix(rawTitle, publishers);

  return { url, title, publisher, published: pickPublished(doc, meta, ld) };
}
