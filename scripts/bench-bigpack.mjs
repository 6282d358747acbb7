// Big packs in the built extension in real Chromium, measured the way the
// reader meets them: from the manager's action ("Subscribe", "Sync now",
// choosing a pack file then "Apply") until the manager shows the pack's new
// counts. Meanwhile the popup's search keeps answering queries (each timed),
// and the manager's longest task is recorded. The subscription is served by a
// local https server standing in for the CDN (ETag, 304 on a match).
// Prints figures; asserts nothing. BENCH_EXTENSION_DIR measures another build
// (the "before" figures); otherwise the current code is built first.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import {
  startSearchProbe,
  stopSearchProbe,
  syncMessageMs,
  untilCountsShown,
} from './lib/bench-manager-probes.mjs';
import { countsOf, nextRelease, withSourceDetails } from './lib/bench-pack-versions.mjs';
import { syntheticPack } from './lib/bench-pages.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { findChromium } from './lib/chromium.mjs';
import { startNewsServer } from './lib/news-server.mjs';
import { selfSignedCertificate } from './lib/tls.mjs';
import { withTypeScript } from './lib/typescript.mjs';

const { waitForBundledPack, waitForPublishedDictionary } = await withTypeScript(
  'tests/e2e/messages.ts',
  (m) => m,
);

const extensionDir = process.env.BENCH_EXTENSION_DIR
  ? resolve(process.env.BENCH_EXTENSION_DIR)
  : undefined;
if (!extensionDir && spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' }).status !== 0)
  throw new Error('wxt build failed');
const executablePath = findChromium();

// The pack the "CDN" publishes now, with its validator.
const CDN_HOST = 'cdn.jsdelivr.net';
const PACK_PATH = '/npm/alliance-lens-bench@1/pack.json';
const PACK_URL = `https://${CDN_HOST}${PACK_PATH}`;
let published = { text: '', etag: '' };
const publish = (pack) => {
  const text = JSON.stringify(pack);
  published = { text, etag: `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"` };
};
const cdn = await startNewsServer({
  root: 'demo/sites',
  tls: selfSignedCertificate([CDN_HOST]),
  hosts: [CDN_HOST],
  routes: {
    [`${CDN_HOST}${PACK_PATH}`]: (req, res) => {
      const headers = { etag: published.etag, 'access-control-allow-origin': '*' };
      if (req.headers['if-none-match'] === published.etag) return res.writeHead(304, headers).end();
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(published.text);
    },
  },
});

/** Chromium with the extension, its bundled pack in and its dictionary published; the manager and the popup open. */
async function launch() {
  const launched = await launchWithExtension({
    executablePath,
    hostRules: cdn.hostRules,
    locale: 'en-US',
    extraArgs: ['--ignore-certificate-errors'],
    ...(extensionDir ? { extensionDir } : {}),
  });
  const manager = await launched.context.newPage();
  await manager.goto(launched.extensionUrl('options.html#packs'));
  await waitForBundledPack(manager);
  await waitForPublishedDictionary(manager, 120_000);
  const popup = await launched.context.newPage();
  await popup.goto(launched.extensionUrl('popup.html'));
  await popup.waitForFunction(
    () => performance.getEntriesByName('alliance-lens:popup-ready').length > 0,
  );
  return { ...launched, manager, popup };
}

/** Runs `action` in the manager while the popup searches; then waits for the background to be idle. */
async function measure(env, label, options) {
  console.error(`bench-bigpack: ${label}…`);
  // A pack file's text reaches the page first, in its own evaluate: handing 16 MB to the
  // page costs it a second of work, which is the harness's, not the manager's. The popup
  // shares the extension's renderer process, so its probe starts after that too.
  const { text, ...rest } = options;
  if (text !== undefined)
    await env.manager.evaluate((t) => {
      /** @type {any} */ (window).__benchPackText = t;
    }, text);
  await env.popup.evaluate(startSearchProbe);
  const shown = await env.manager.evaluate(untilCountsShown, rest);
  const searches = await env.popup.evaluate(stopSearchProbe);
  await waitForPublishedDictionary(env.manager, 120_000);
  await env.manager.waitForTimeout(1000);
  const sorted = [...searches].sort((a, b) => a - b);
  return {
    label,
    ms: shown.ms,
    previewMs: shown.previewMs,
    longestTask: shown.longestTask,
    searches: sorted.length,
    searchMedian: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    searchWorst: sorted.at(-1) ?? Number.NaN,
  };
}

const fmt = (ms) => (Number.isFinite(ms) ? `${Math.round(ms).toLocaleString('en')} ms` : '—');
const rows = [];

// (e) A subscription: first install, a next release with a few hundred changes,
// one where almost every record changed, then an unchanged re-check (304).
const v1 = syntheticPack(10_000, 20_000);
v1.pack.id = 'bench';
v1.pack.title = 'Bench 10,000 / 20,000';
const v2 = nextRelease(v1, {
  updated: '2026-12-01T00:00:00Z',
  changed: 200,
  added: 100,
  removed: 100,
  renamed: 50,
  newCompanies: 50,
});
const v3 = nextRelease(v2, {
  updated: '2026-12-02T00:00:00Z',
  changed: v2.alliances.length,
  // One more, so the counts the manager shows change too.
  added: 1,
  removed: 0,
  renamed: v2.companies.length,
  newCompanies: 0,
});
{
  const env = await launch();
  const origin = 'bench';
  publish(v1);
  rows.push(
    await measure(env, 'subscribe: first install (10,000 / 20,000)', {
      origin,
      counts: countsOf(v1),
      action: 'subscribe',
      url: PACK_URL,
    }),
  );
  publish(v2);
  rows.push(
    await measure(env, 'Sync now: next release (500 records changed, added or removed)', {
      origin,
      counts: countsOf(v2),
      action: 'sync',
    }),
  );
  publish(v3);
  rows.push(
    await measure(env, 'Sync now: every record changed', {
      origin,
      counts: countsOf(v3),
      action: 'sync',
    }),
  );
  const message = { channel: 'alliance-lens', type: 'syncNow', payload: { origin } };
  const checks = [];
  for (let i = 0; i < 7; i++) checks.push(await env.manager.evaluate(syncMessageMs, { message }));
  checks.sort((a, b) => a - b);
  rows.push({ label: '304 re-check ("Sync now" message round trip, median of 7)', ms: checks[3] });
  await env.context.close();
  spawnSync('rm', ['-rf', env.userDataDir]);
}

// (f) Importing a 16.5 MB pack file through the manager: preview, then apply.
{
  const env = await launch();
  const pack = withSourceDetails(syntheticPack(10_000, 50_000));
  pack.pack.id = 'bench-import';
  const text = JSON.stringify(pack);
  const size = `${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB`;
  rows.push(
    await measure(env, `import a ${size} file (10,000 / 50,000): preview + apply`, {
      origin: 'bench-import',
      counts: countsOf(pack),
      action: 'import',
      text,
    }),
  );
  await env.context.close();
  spawnSync('rm', ['-rf', env.userDataDir]);
}
await cdn.close();

console.log(
  `\n(e, f) Big packs (Chromium ${executablePath}${extensionDir ? `, build ${extensionDir}` : ''}): from the manager's action until it shows the new counts.` +
    '\n    "manager longest task": the manager page\'s longest task meanwhile; "popup search": the popup\'s search answers timed meanwhile (count, median, worst).',
);
console.table(
  rows.map((r) => ({
    measure: r.label,
    'until shown': fmt(r.ms),
    'of which preview': fmt(r.previewMs),
    'manager longest task': fmt(r.longestTask),
    'popup searches': r.searches ?? '—',
    'search median': fmt(r.searchMedian),
    'search worst': fmt(r.searchWorst),
  })),
);
