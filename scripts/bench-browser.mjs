// In-browser benchmarks: the built extension in real Chromium, measured from
// DOMContentLoaded, on a typical article and a ~1 MB generated page, with the
// bundled dataset and with 10,000 more companies; then mark.js highlighting
// the same terms on the same pages. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { outsideRows } from './lib/bench-outside.mjs';
import {
  bigArticleHtml,
  bigBrArticleHtml,
  bundledAliases,
  syntheticPack,
} from './lib/bench-pages.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { findChromium } from './lib/chromium.mjs';
import { startNewsServer } from './lib/news-server.mjs';
import { withTypeScript } from './lib/typescript.mjs';

// The end-to-end tests' typed protocol helper (the protocol's own envelope).
const { ask, waitForBundledPack, waitForPublishedDictionary } = await withTypeScript(
  'tests/e2e/messages.ts',
  (m) => m,
);

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
// A typical article as the issue sizes it: ~20 KB of (mostly Korean, UTF-8) text.
const TYPICAL = bigArticleHtml(8_000);
const BIG = bigArticleHtml(1_000_000);
// The same text as Digital Times sends it: one div, lines separated by <br>.
const BIG_BR = bigBrArticleHtml(1_000_000);
const html = (body) => (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
// BENCH_PAGES=br: only the pages whose name holds that text.
const PAGES = [
  ['typical article', 'http://www.dt.co.kr/bench/typical.html', TYPICAL],
  ['1 MB page', 'http://www.dt.co.kr/bench/big.html', BIG],
  ['1 MB <br> body', 'http://www.dt.co.kr/bench/big-br.html', BIG_BR],
].filter(([name]) => name.includes(process.env.BENCH_PAGES ?? ''));
const textOf = (h) => h.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '');
const describePage = (h) =>
  `${textOf(h).length.toLocaleString()} characters (${Math.round(Buffer.byteLength(textOf(h)) / 1024)} KB) of text`;

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
if (build.status !== 0) throw new Error('wxt build failed');
const executablePath = findChromium();
const server = await startNewsServer({
  root: 'demo/sites',
  routes: {
    'www.dt.co.kr/bench/typical.html': html(TYPICAL),
    'www.dt.co.kr/bench/big.html': html(BIG),
    'www.dt.co.kr/bench/big-br.html': html(BIG_BR),
  },
});

/** Records long tasks and DOMContentLoaded before any page or extension script runs. */
function instrument() {
  window.__bench = { longTasks: [], dcl: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    window.__bench.dcl = performance.now();
  });
}

async function measureExtension(context, url) {
  const page = await context.newPage();
  await page.addInitScript(instrument);
  page.on('console', (m) => {
    if (m.text().includes('alliance-lens')) console.error('page console:', m.text());
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    () => performance.getEntriesByName('alliance-lens:complete').length > 0,
    undefined,
    {
      timeout: 60_000,
      polling: 50,
    },
  );
  await page.waitForTimeout(300); // let trailing long tasks report
  const r = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const { dcl, longTasks } = window.__bench;
    const after = longTasks.filter((t) => t.start >= dcl);
    return {
      start: at('alliance-lens:start') - dcl,
      dictionary: at('alliance-lens:dictionary') - dcl,
      matcher: at('alliance-lens:matcher') - dcl,
      firstScreen: at('alliance-lens:first-screen') - dcl,
      complete: at('alliance-lens:complete') - dcl,
      longestTask: Math.max(0, ...after.map((t) => t.duration)),
      // The extension's own stretches of work: loading the matcher, and each task of the scan.
      matcherLoad: at('alliance-lens:matcher') - at('alliance-lens:dictionary'),
      scan: performance.getEntriesByName('alliance-lens:scan')[0]?.detail,
      stream: performance.getEntriesByName('alliance-lens:stream')[0]?.detail,
      highlights: CSS.highlights.get('alliance-lens')?.size ?? 0,
    };
  });
  await page.close();
  return r;
}

/** Chromium with the extension, once its bundled pack is in; `manager` is an extension page. */
async function launchReady() {
  const launched = await launchWithExtension({ executablePath, hostRules: server.hostRules });
  const manager = await launched.context.newPage();
  await manager.goto(launched.extensionUrl('popup.html'));
  await waitForBundledPack(manager);
  return { ...launched, manager };
}

async function withExtension(label, setup) {
  const { context, userDataDir, manager } = await launchReady();
  if (setup) await setup(manager);
  await manager.close();
  const rows = [];
  for (const [name, url] of PAGES) {
    await measureExtension(context, url); // warm-up: caches, JIT
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await measureExtension(context, url));
    // BENCH_VERBOSE=1: every run, not only the medians.
    if (process.env.BENCH_VERBOSE)
      for (const r of runs) console.error(label, name, JSON.stringify(r));
    for (const r of runs) {
      r.scanBusy = r.scan?.busyMs ?? Number.NaN;
      r.streamBusy = r.stream?.busyMs ?? 0;
    }
    const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    rows.push({
      dataset: label,
      page: name,
      start: median('start'),
      dictionary: median('dictionary'),
      matcher: median('matcher'),
      firstScreen: median('firstScreen'),
      complete: median('complete'),
      longestTask: Math.max(...runs.map((r) => r.longestTask)),
      ownLongest: Math.max(
        ...runs.map((r) =>
          Math.max(
            r.matcherLoad,
            r.scan?.longestTaskMs ?? Number.NaN,
            r.stream?.longestTaskMs ?? 0,
          ),
        ),
      ),
      streamed: median('streamBusy'),
      busy: median('scanBusy'),
      highlights: runs[0].highlights,
    });
  }
  await context.close();
  spawnSync('rm', ['-rf', userDataDir]);
  return { rows };
}

async function measureMarkJs(aliases) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=${server.hostRules}`],
  });
  const rows = [];
  for (const [name, url] of PAGES) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: MARK_JS });
      times.push(
        await page.evaluate(
          // mark.js nests one callback per term: past ~1,000 terms in one call its stack
          // overflows, so the terms go in batches, one after another (same work in all).
          async (terms) => {
            const mark = new window.Mark(document.querySelector('.article_view'));
            const t0 = performance.now();
            for (let i = 0; i < terms.length; i += 200) {
              await new Promise((resolve) =>
                mark.mark(terms.slice(i, i + 200), {
                  separateWordSearch: false,
                  diacritics: false,
                  done: resolve,
                }),
              );
            }
            return performance.now() - t0;
          },
          aliases,
        ),
      );
      await page.close();
    }
    rows.push({ page: name, time: times.sort((a, b) => a - b)[1] });
  }
  await browser.close();
  return rows;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(
  `\nIn-browser benchmark (Chromium ${executablePath}); typical article ${describePage(TYPICAL)}, big page ${describePage(BIG)}`,
);

// (a) From outside the extension, as the reader meets the page: frames painted
// with article text and no highlight, when the first and the last highlight
// appeared (from DOMContentLoaded), the longest rendering steps from a Chrome
// trace with and without the extension, and the extension's own work in that
// trace (scripts from chrome-extension:// URLs).
const untilSettled = (page) =>
  page.waitForFunction(
    () => performance.getEntriesByName('alliance-lens:settled').length > 0,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
const outsideWith = await launchReady();
await outsideWith.manager.close();
const withRows = await outsideRows('with', outsideWith.context, PAGES, untilSettled);
await outsideWith.context.close();
spawnSync('rm', ['-rf', outsideWith.userDataDir]);
const plain = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=${server.hostRules}`],
});
const plainContext = await plain.newContext({
  viewport: { width: 1280, height: 900 },
  locale: 'ko-KR',
});
const withoutRows = await outsideRows('without', plainContext, PAGES, (page) =>
  page.waitForLoadState('load'),
);
await plain.close();
console.log(
  '\n(a) From outside the extension (bundled dataset): CSS.highlights sampled in every animation frame, and a Chrome trace.\n    "bare frames": frames painted with article text and no highlight; "last highlight": the last frame where highlights appeared; "scrolling": the reader then scrolls down 8 screens; times from DOMContentLoaded, median of 3 after a warm-up; the extension\'s longest stretch the worst of 3; rendering steps the median and the worst of the 3 runs\' longest.\n    Each run is traced until 2 s after its last change (with the extension) or its load event (without): a long page still lays out and pre-paints after it loads.',
);
console.table([...withRows, ...withoutRows]);
if (process.argv.includes('--outside')) {
  await server.close();
  process.exit(0);
}

/** Imports a pack through the extension's own message, from one of its pages. */
const importPack = (manager, pack) => ask(manager, 'importPack', { text: JSON.stringify(pack) });
const bundled = await withExtension('bundled dataset', null);
const big = await withExtension('bundled + 10,000 companies', async (manager) => {
  const reply = await importPack(manager, syntheticPack(10_000));
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
});
console.log(
  '\n(b) Alliance Lens, from DOMContentLoaded (negative: before it); median of 3 after a warm-up, longest tasks the worst of 3.\n    "read while loading" / "after DCL": time the extension worked reading the article before and after DOMContentLoaded; "longest extension task": the longest of them, or loading the matcher.\n    "longest task (page included)": any task after DOMContentLoaded, the page\'s own first layout included (a long page takes hundreds of ms there).',
);
console.table(
  [...bundled.rows, ...big.rows].map((r) => ({
    dataset: r.dataset,
    page: r.page,
    'script starts': fmt(r.start),
    'dictionary read': fmt(r.dictionary),
    'matcher built': fmt(r.matcher),
    'first screen': fmt(r.firstScreen),
    'all highlights': fmt(r.complete),
    'read while loading': fmt(r.streamed),
    'read after DCL': fmt(r.busy),
    'longest extension task': fmt(r.ownLongest),
    'longest task (page included)': fmt(r.longestTask),
    highlights: r.highlights,
  })),
);
// `--quick`: only (b), for checking a change to the content script.
const quick = process.argv.includes('--quick');
const markTerms = bundledAliases();
const markRows = quick ? [] : await measureMarkJs(markTerms);
console.log(
  `\n(c) mark.js 8.11 marking the same ${markTerms.length} terms (bundled dataset) on the same pages`,
);
console.table(
  markRows.map((m) => {
    const ours = bundled.rows.find((r) => r.page === m.page);
    // Alliance Lens reads most of a long page while it loads: compare mark.js with all of
    // that work too, not only with what is left after DOMContentLoaded.
    const work = ours.streamed + ours.busy;
    return {
      page: m.page,
      'mark.js': fmt(m.time),
      'Alliance Lens, DCL → all highlights': fmt(ours.complete),
      'Alliance Lens, all its reading work': fmt(work),
      speed: `${(m.time / Math.max(ours.complete, work)).toFixed(1)}×`,
    };
  }),
);

// (d) The popup with 10,000 companies and 50,000 alliances: time to usable, and search latency.
if (!quick) {
  const { context, extensionUrl, userDataDir, manager } = await launchReady();
  const started = Date.now();
  const reply = await importPack(manager, syntheticPack(10_000, 50_000));
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  const importMs = Date.now() - started;
  // Measure the popup as a reader meets it: after the background has finished
  // the work an import causes (publishing the new dictionary), not during it.
  await waitForPublishedDictionary(manager, 120_000);
  await manager.waitForTimeout(3000);
  await manager.close();
  const opens = [];
  const searches = [];
  for (let i = 0; i < 4; i++) {
    const popup = await context.newPage();
    await popup.goto(extensionUrl('popup.html'));
    await popup.waitForFunction(
      () => performance.getEntriesByName('alliance-lens:popup-ready').length > 0,
    );
    if (i > 0) {
      opens.push(
        await popup.evaluate(() => ({
          ready: performance.getEntriesByName('alliance-lens:popup-ready')[0].startTime,
          dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        })),
      );
    }
    for (const query of ['삼성', '오픈 ai', 'synthetic', '합병']) {
      searches.push(
        await popup.evaluate(
          (q) =>
            new Promise((resolve) => {
              const box = document.querySelector('[data-testid="popup-search"]');
              box.value = '';
              box.dispatchEvent(new Event('input', { bubbles: true }));
              setTimeout(() => {
                const t0 = performance.now();
                // Poll (every ~1 ms) for the answer to this query: results, or "nothing found".
                const poll = setInterval(() => {
                  if (document.querySelector(`.search [data-query="${q}"]`)) {
                    clearInterval(poll);
                    resolve(performance.now() - t0);
                  } else if (performance.now() - t0 > 5000) {
                    // Never hang the benchmark: a result that never shows counts as missing.
                    clearInterval(poll);
                    resolve(Number.NaN);
                  }
                }, 1);
                box.value = q;
                box.dispatchEvent(new Event('input', { bubbles: true }));
              }, 50);
            }),
          query,
        ),
      );
    }
    await popup.close();
  }
  await context.close();
  spawnSync('rm', ['-rf', userDataDir]);
  const med = (xs) => {
    const ok = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    return ok[Math.floor(ok.length / 2)] ?? Number.NaN;
  };
  console.log(
    '\n(d) Popup with 10,000 companies and 50,000 alliances (import took',
    importMs,
    'ms)',
  );
  console.table([
    {
      measure: 'popup page loaded (navigation start → DOMContentLoaded), median of 3',
      value: fmt(med(opens.map((o) => o.dcl))),
    },
    {
      measure: 'popup usable (navigation start → first render), median of 3',
      value: fmt(med(opens.map((o) => o.ready))),
    },
    { measure: 'search as you type (input → results shown), median', value: fmt(med(searches)) },
    { measure: 'search, worst', value: fmt(Math.max(...searches.filter(Number.isFinite))) },
    {
      measure: 'searches that showed no result within 5 s',
      value: String(searches.filter((x) => !Number.isFinite(x)).length),
    },
  ]);
}
await server.close();
