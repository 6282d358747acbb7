// @ts-check
// Measures a page the way its reader meets it, from outside the extension:
// the CSS.highlights registry sampled in every animation frame from document
// start (the registry is shared by the content script's world and the page's),
// and a Chrome trace of the page's rendering steps and of the work of scripts
// from chrome-extension:// URLs. The extension's own performance marks are not
// used here: they are its diagnostics, not the figure.

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
].join(',');

/**
 * Runs in the page's world before any script: records, in every frame, what
 * it paints: whether article text is on the page and how many highlights are
 * registered, and when DOMContentLoaded fired. Sampled in a ResizeObserver
 * callback, which runs after every requestAnimationFrame callback (the
 * extension's too) and after layout, just before the frame is painted: a
 * 1-pixel hidden box changes width in each animation frame to have it called.
 */
function frameSampler() {
  /** @type {{ t: number, article: boolean, highlights: number }[]} */
  const frames = [];
  const sampler = { frames, dcl: 0 };
  Object.defineProperty(window, '__frames', { value: sampler });
  const articleSelector = '[itemprop="articleBody"], .article_view, article';
  let frameTime = 0;
  let width = 1;
  const box = document.createElement('div');
  box.style.cssText =
    'position:fixed;top:0;left:0;width:1px;height:1px;visibility:hidden;pointer-events:none;contain:strict';
  new ResizeObserver(() => {
    const root = document.querySelector(articleSelector);
    const article = !!root && /\S/.test(root.textContent ?? '');
    const highlights = CSS.highlights.get('alliance-lens')?.size ?? 0;
    frames.push({ t: frameTime, article, highlights });
  }).observe(box);
  const loop = (/** @type {number} */ t) => {
    // At document start the page has no element yet.
    if (!box.isConnected) document.documentElement?.append(box);
    frameTime = t;
    width = 3 - width;
    box.style.width = `${width}px`;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  document.addEventListener('DOMContentLoaded', () => {
    sampler.dcl = performance.now();
  });
}

/**
 * Loads `url` in a new page of `context` with frames sampled and a trace
 * recorded; `settled(page)` resolves once the page's reading is over.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<unknown>} settled
 */
export async function measureOutside(context, url, settled) {
  const page = await context.newPage();
  await page.addInitScript(frameSampler);
  const cdp = await context.newCDPSession(page);
  const loading = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await settled(page);
    // Frames after the last change, and the rendering steps the page itself
    // still runs after its load event (a long page lays out and pre-paints
    // again a second later): with and without the extension, the same span.
    await page.waitForTimeout(2000);
  });
  const sampled = await page.evaluate(() => {
    const s = /** @type {any} */ (window).__frames;
    return { frames: s.frames.slice(), dcl: s.dcl };
  });
  // Then the reader scrolls down a screen at a time: the highlights follow.
  const scrolling = await traced(cdp, async () => {
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(120);
    }
  });
  await cdp.detach();
  await page.close();
  const scroll = traceSummary(scrolling);
  return {
    ...framesSummary(sampled),
    ...traceSummary(loading),
    scrollPrePaint: scroll.prePaint,
    scrollPaint: scroll.paint,
    scrollOwnLongest: scroll.ownLongest,
  };
}

/**
 * The trace events recorded while `run` runs.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {() => Promise<void>} run
 */
async function traced(cdp, run) {
  /** @type {any[]} */
  const events = [];
  const collect = (/** @type {any} */ d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

// Without the extension there is no highlight to time: a dash, not NaN.
const fmt = (/** @type {number} */ ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '—');

/**
 * Each page measured from outside once for warm-up, then 3 times: the table's rows.
 * @param {string} label
 * @param {import('playwright-core').BrowserContext} context
 * @param {[string, string, string][]} pages name, URL, HTML
 * @param {(page: import('playwright-core').Page) => Promise<unknown>} settled
 */
export async function outsideRows(label, context, pages, settled) {
  const rows = [];
  for (const [name, url] of pages) {
    await measureOutside(context, url, settled); // warm-up: caches, JIT
    /** @type {any[]} */
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await measureOutside(context, url, settled));
    if (process.env.BENCH_VERBOSE)
      for (const r of runs) console.error(label, name, JSON.stringify(r));
    const median = (/** @type {string} */ k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    const worst = (/** @type {string} */ k) => Math.max(...runs.map((r) => r[k]));
    rows.push({
      extension: label,
      page: name,
      // Without the extension every frame is bare: nothing to count.
      'bare frames (worst)': label === 'without' ? '—' : worst('framesBare'),
      'article first painted': fmt(median('firstArticle')),
      'first highlight': fmt(median('firstHighlight')),
      'last highlight': fmt(median('lastHighlight')),
      // Median and worst of the 3 runs' longest: on a busy 2-core machine one run's
      // worst step can be twice another's, with or without the extension.
      'longest PrePaint (median / worst)': `${fmt(median('prePaint'))} / ${fmt(worst('prePaint'))}`,
      'longest Paint (median / worst)': `${fmt(median('paint'))} / ${fmt(worst('paint'))}`,
      'longest Layout': fmt(worst('layout')),
      'scrolling: longest PrePaint': fmt(worst('scrollPrePaint')),
      'scrolling: longest Paint': fmt(worst('scrollPaint')),
      'scrolling: extension longest': fmt(worst('scrollOwnLongest')),
      'extension: longest stretch': fmt(worst('ownLongest')),
      '… its thread time': fmt(worst('ownLongestCpu')),
      'extension: total': fmt(median('ownTotal')),
      'highlights registered': median('highlights'),
    });
  }
  return rows;
}

/**
 * Frames that painted article text with no highlight (before the first one,
 * or any later frame where the registry was empty), and when the first and
 * the last change of highlights came, from DOMContentLoaded.
 * @param {{ frames: { t: number, article: boolean, highlights: number }[], dcl: number }} s
 */
export function framesSummary({ frames, dcl }) {
  const withArticle = frames.filter((f) => f.article);
  const bare = withArticle.filter((f) => f.highlights === 0).length;
  const firstArticle = withArticle[0]?.t ?? Number.NaN;
  const first = frames.find((f) => f.highlights > 0)?.t ?? Number.NaN;
  // The last frame where highlights appeared (more registered than in the frame before);
  // ranges leaving the registry as the window moves off-screen are not new highlights.
  let last = first;
  for (let i = 1; i < frames.length; i++) {
    const f = /** @type {(typeof frames)[number]} */ (frames[i]);
    if (f.highlights > (frames[i - 1]?.highlights ?? 0)) last = f.t;
  }
  if (process.env.BENCH_VERBOSE) {
    const changes = frames.filter((f, i) => i === 0 || f.highlights !== frames[i - 1]?.highlights);
    const at = (/** @type {(typeof frames)[number]} */ f) =>
      `${Math.round(f.t - dcl)}${f.article ? '' : '(no article)'}:${f.highlights}`;
    console.error(' highlights by frame (ms from DCL: count):', changes.map(at).join(' '));
  }
  const barePainted = withArticle.filter((f) => f.t < first && f.highlights === 0).length;
  return {
    framesBare: bare,
    framesBeforeFirst: Number.isNaN(first) ? withArticle.length : barePainted,
    firstArticle: firstArticle - dcl,
    firstHighlight: first - dcl,
    lastHighlight: last - dcl,
    highlights: frames.at(-1)?.highlights ?? 0,
  };
}

/**
 * The longest rendering steps and the extension's own work from a trace: the
 * top-level script events whose script is a chrome-extension:// URL (its
 * longest is one uninterrupted stretch of our work, forced layouts included).
 * @param {any[]} events
 */
export function traceSummary(events) {
  const longest = (/** @type {string} */ name) =>
    Math.max(0, ...events.filter((e) => e.name === name && e.ph === 'X').map((e) => e.dur / 1000));
  const ours = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && isExtensionUrl(scriptUrl(e)))
    .sort((a, b) => a.ts - b.ts);
  // Nested events (a FunctionCall inside an EvaluateScript) count once, in the outer one.
  /** @type {{ ts: number, end: number, tid: number, cpu: number }[]} */
  const stretches = [];
  for (const e of ours) {
    const prev = stretches.findLast((s) => s.tid === e.tid);
    if (prev && e.ts < prev.end) prev.end = Math.max(prev.end, e.ts + e.dur);
    else stretches.push({ ts: e.ts, end: e.ts + e.dur, tid: e.tid, cpu: e.tdur ?? e.dur });
  }
  const lengths = stretches.map((s) => (s.end - s.ts) / 1000);
  // Thread time: on a loaded machine a stretch's wall time includes time the thread waited
  // for a core.
  const cpu = stretches.map((s) => s.cpu / 1000);
  if (process.env.BENCH_VERBOSE) {
    const dcl = events.find((e) => e.name === 'MarkDOMContent')?.ts ?? 0;
    const pre = events.filter((e) => e.name === 'PrePaint' && e.ph === 'X');
    console.error(
      ' PrePaint >20ms (ms from DCL: dur):',
      pre
        .filter((e) => e.dur > 20000)
        .map((e) => `${Math.round((e.ts - dcl) / 1000)}:${Math.round(e.dur / 1000)}`)
        .join(' '),
    );
    const top = ours.sort((a, b) => b.dur - a.dur).slice(0, 3);
    console.error(
      ' longest own:',
      top
        .map(
          (e) =>
            `${e.name} ${e.args?.data?.functionName ?? ''}:${e.args?.data?.lineNumber ?? ''}:${e.args?.data?.columnNumber ?? ''} ${(e.dur / 1000).toFixed(1)}`,
        )
        .join(', '),
    );
  }
  return {
    prePaint: longest('PrePaint'),
    paint: longest('Paint'),
    layout: longest('Layout'),
    ownLongest: Math.max(0, ...lengths),
    ownLongestCpu: Math.max(0, ...cpu),
    ownTotal: lengths.reduce((a, b) => a + b, 0),
  };
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.run']);

/** @param {any} e */
function scriptUrl(e) {
  const d = e.args?.data ?? e.args ?? {};
  return d.url ?? d.fileName ?? d.stackTrace?.[0]?.url ?? '';
}

/** @param {string} url */
const isExtensionUrl = (url) => url.startsWith('chrome-extension://');
