// `npm test`: type check, lint, unit tests, page tests (the page-facing modules
// in real Chromium), Chrome and Firefox builds, then end-to-end tests in real
// Chromium with the built extension. With --e2e (`npm run test:e2e`), only the
// Chrome build and the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './lib/chromium.mjs';
import { findFirefox } from './lib/firefox.mjs';
import { virtualDisplay } from './lib/xvfb.mjs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

let stopDisplay = () => {};

function step(title, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed after ${secs}s`);
    stopDisplay();
    summarize();
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

function summarize() {
  const unit = e2eOnly ? counts('') : counts(`${results}/unit.json`);
  const page = e2eOnly ? counts('') : counts(`${results}/page.json`);
  const e2e = counts(`${results}/e2e.json`);
  const firefox = e2eOnly ? counts('') : counts(`${results}/firefox.json`);
  const all = [unit, page, e2e, firefox];
  const sum = (key) => all.reduce((n, c) => n + c[key], 0);
  console.log(
    `\nunit: ${unit.passed} passed, ${unit.failed} failed; page: ${page.passed} passed, ${page.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed; firefox: ${firefox.passed} passed, ${firefox.failed} failed`,
  );
  console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
}

const vitest = (config, out) => [
  'vitest',
  'run',
  ...(config ? ['-c', config] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
];

// `npm run test:e2e` (--e2e): only the Chrome build and the end-to-end tests.
const e2eOnly = process.argv.includes('--e2e');
if (!e2eOnly) {
  step('locales in sync', 'node', ['scripts/gen-locales.mjs', '--check']);
  step('type check', 'npx', ['tsc', '--noEmit']);
  step('lint and format', 'npx', ['biome', 'ci', '.']);
  step('unit tests', 'npx', vitest(null, `${results}/unit.json`));
}
const chromium = findChromium();
console.log(`Chromium: ${chromium}`);
if (!e2eOnly) {
  step('page tests', 'npx', vitest('tests/page/vitest.config.ts', `${results}/page.json`), {
    CHROMIUM_PATH: chromium,
  });
}
step('Chrome build', 'npx', ['wxt', 'build']);
if (!e2eOnly) step('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']);
// The real-input tests drive a headful Chromium on a (virtual) X display.
const { display, stop } = await virtualDisplay();
stopDisplay = stop;
console.log(`X display: ${display}`);
step('end-to-end tests', 'npx', vitest('tests/e2e/vitest.config.ts', `${results}/e2e.json`), {
  CHROMIUM_PATH: chromium,
  DISPLAY: display,
});
if (!e2eOnly) {
  const firefox = findFirefox();
  console.log(`Firefox: ${firefox}`);
  step(
    'Firefox end-to-end tests',
    'npx',
    vitest('tests/firefox/vitest.config.ts', `${results}/firefox.json`),
    { FIREFOX_PATH: firefox, DISPLAY: display },
  );
}
stopDisplay();
summarize();
