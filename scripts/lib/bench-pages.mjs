// @ts-check
// Pages and datasets for the in-browser benchmarks, generated deterministically.
import { readFileSync } from 'node:fs';
import { prng } from './prng.mjs';

export { prng };

/** The demo long article's paragraphs repeated until the page holds about `chars` characters of text. */
export function bigArticleHtml(chars = 1_000_000) {
  const long = readFileSync('demo/sites/www.dt.co.kr/long.html', 'utf8');
  const paragraphs = [...long.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]);
  const out = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    // The demo article has paragraphs, and the index wraps within them.
    const p = /** @type {string} */ (paragraphs[i % paragraphs.length]);
    out.push(p);
    size += p.replace(/<[^>]+>/g, '').length;
  }
  const head = long.slice(0, long.indexOf('<div class="article_view"'));
  const tail = long.slice(long.indexOf('</article>'));
  return `${head}<div class="article_view" itemprop="articleBody">\n${out.join('\n')}\n</div>\n${tail}`;
}

/**
 * The same text in Digital Times' own shape: the article body one `div` of
 * text, paragraphs separated by `<br><br>`, with the inline markup they hold.
 */
export function bigBrArticleHtml(chars = 1_000_000) {
  const paragraphs = bigArticleHtml(chars);
  const start = paragraphs.indexOf('<div class="article_view"');
  const end = paragraphs.indexOf('</div>', start);
  const body = paragraphs.slice(start, end);
  const lines = [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
  const div = `<div class="article_view" itemprop="articleBody">\n${lines.join('<br><br>\n')}\n`;
  return paragraphs.slice(0, start) + div + paragraphs.slice(end);
}

/**
 * Every name the bundled pack gives the matcher (the store's dictionary: each
 * company's names and aliases, each named alliance's), for mark.js.
 */
export function bundledAliases() {
  const pack = JSON.parse(readFileSync('public/packs/core.json', 'utf8'));
  const terms = new Set();
  for (const c of pack.companies)
    for (const a of [c.names.en, c.names.ko, ...(c.aliases ?? [])]) terms.add(a);
  for (const a of pack.alliances ?? []) {
    if (!a.name) continue;
    for (const t of [a.name.en, a.name.ko, ...(a.aliases ?? [])]) if (t) terms.add(t);
  }
  return [...terms];
}

/** A pack of `n` synthetic companies and `alliances` alliances among them, for large-dataset runs. */
export function syntheticPack(n = 10_000, allianceCount = 0) {
  const rand = prng(42);
  const syll =
    '가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후'.split(
      '',
    );
  const suffix = [
    '테크',
    '전자',
    '소프트',
    '랩스',
    '바이오',
    '모빌리티',
    '시스템즈',
    '네트웍스',
    'AI',
    '로보틱스',
  ];
  const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  /** @type {{ id: string, names: { en: string, ko: string }, aliases: string[] }[]} */
  const companies = [];
  const seen = new Set();
  for (let i = 0; companies.length < n; i++) {
    const ko =
      Array.from(
        { length: 2 + Math.floor(rand() * 2) },
        () => syll[Math.floor(rand() * syll.length)],
      ).join('') + suffix[Math.floor(rand() * suffix.length)];
    const en = `${Array.from({ length: 5 + Math.floor(rand() * 4) }, () => latin[Math.floor(rand() * 26)]).join('')} ${['Labs', 'Tech', 'Systems', 'AI', 'Robotics'][Math.floor(rand() * 5)]}`;
    if (seen.has(ko) || seen.has(en)) continue;
    seen.add(ko);
    seen.add(en);
    companies.push({ id: `synthetic-${i}`, names: { en, ko }, aliases: [en, ko] });
  }
  const kinds = [
    'partnership',
    'investment',
    'acquisition',
    'merger',
    'joint-venture',
    'supply',
    'licensing',
  ];
  const alliances = [];
  for (let i = 0; i < allianceCount; i++) {
    const a = Math.floor(rand() * n);
    const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
    const year = 2015 + Math.floor(rand() * 11);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    alliances.push({
      id: `synthetic-alliance-${i}`,
      kind: kinds[i % kinds.length],
      name: null,
      // a and b are below n, the number of companies.
      members: [
        { company: /** @type {{ id: string }} */ (companies[a]).id },
        { company: /** @type {{ id: string }} */ (companies[b]).id },
      ],
      since: `${year}-${month}`,
      until: null,
      status: 'active',
      sources: [{ url: `https://example.com/news/${i}` }],
    });
  }
  return {
    format: 'alliance-lens-pack',
    version: 1,
    pack: {
      id: 'synthetic',
      title: `Synthetic ${n} / ${allianceCount}`,
      updated: '2026-11-29T00:00:00Z',
    },
    companies,
    alliances,
  };
}
