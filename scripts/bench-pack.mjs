// `node scripts/bench-pack.mjs`: what the dataset costs before any page is read.
// The bundled pack's size (raw and gzip, as a CDN serves it), the background's
// dictionary build (every alias compiled into the matcher pages receive) and a
// content script's decode of it, for the bundled pack and a 10,000-company one.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { syntheticPack } from './lib/bench-pages.mjs';
import { withTypeScript } from './lib/typescript.mjs';

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;

/** Dictionary entries as the background makes them (utils/db/reader.ts), ambiguous names flagged. */
function entriesOf(/** @type {any} */ pack) {
  const key = (/** @type {string} */ s) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  const entries = [];
  for (const c of pack.companies) {
    const ambiguous = new Set((c.ambiguous ?? []).map(key));
    for (const alias of new Set([c.names.en, c.names.ko, ...c.aliases]))
      entries.push({
        alias,
        type: 'company',
        id: c.id,
        ...(ambiguous.has(key(alias)) ? { ambiguous: true } : {}),
      });
  }
  for (const a of pack.alliances) {
    if (!a.name) continue;
    for (const alias of new Set([a.name.en, a.name.ko, ...(a.aliases ?? [])]))
      if (alias) entries.push({ alias, type: 'alliance', id: a.id });
  }
  return entries;
}

await withTypeScript('/utils/matcher/index.ts', (matcher) => {
  const bundledText = readFileSync('public/packs/core.json', 'utf8');
  const packs = [
    ['bundled pack', JSON.parse(bundledText), bundledText],
    // BENCH_BEFORE_PACK=<file>: an older core.json, for a before/after line.
    ...(process.env.BENCH_BEFORE_PACK
      ? [
          (() => {
            const t = readFileSync(process.env.BENCH_BEFORE_PACK, 'utf8');
            return [`before: ${process.env.BENCH_BEFORE_PACK}`, JSON.parse(t), t];
          })(),
        ]
      : []),
    [
      '10,000 companies',
      ...(() => {
        const p = syntheticPack(10_000);
        return [p, JSON.stringify(p)];
      })(),
    ],
  ];
  console.log('Dataset costs (median of runs; Node, this machine)');
  for (const [label, pack, text] of packs) {
    const raw = Buffer.byteLength(text);
    const gzip = gzipSync(text).length;
    const entries = entriesOf(pack);
    const builds = [];
    let compiled;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      compiled = matcher.compileMatcher(entries);
      builds.push(performance.now() - t);
    }
    const decodes = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      matcher.loadMatcher(compiled);
      decodes.push(performance.now() - t);
    }
    const compiledBytes = Buffer.byteLength(JSON.stringify(compiled));
    console.log(
      `  ${label}: ${pack.companies.length} companies, ${pack.alliances.length} alliances, ${entries.length} aliases; ` +
        `pack ${kb(raw)} raw, ${kb(gzip)} gzip; dictionary build ${median(builds).toFixed(1)} ms ` +
        `(compiled ${kb(compiledBytes)}); decode in a page ${median(decodes).toFixed(2)} ms`,
    );
  }
});
