// `npm start`: builds the extension and opens Chromium with it on the demo
// article at its real news hostname. Without a display it runs headless,
// writes screenshots (highlights, an open card, the popup) and prints their paths.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { findChromium } from './lib/chromium.mjs';
import { startNewsServer } from './lib/news-server.mjs';

const ARTICLE = 'http://www.dt.co.kr/contents.html?article_no=2024072102109931081001';
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Korean text renders as boxes without a Korean font; install one where we can. */
function ensureKoreanFont() {
  const probe = spawnSync('fc-list', [':lang=ko'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Korean font found: installing fonts-nanum for the screenshots…');
    execFileSync('apt-get', ['install', '-y', '-qq', 'fonts-nanum'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log(
      'Note: no Korean font found; install one (e.g. `sudo apt-get install fonts-nanum`) for readable screenshots.',
    );
  }
}

run('npx', ['wxt', 'build']);
const executablePath = findChromium();
if (headless) ensureKoreanFont();
const server = await startNewsServer({ root: 'demo/sites' });
const { context, extensionUrl, worker } = await launchWithExtension({
  executablePath,
  hostRules: server.hostRules,
  headless,
});

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(ARTICLE);
console.log(`Alliance Lens is loaded; demo article: ${ARTICLE}`);

if (!headless) {
  console.log(
    'Hover a highlighted company to see its alliances. Close the browser window to stop.',
  );
  context.on('close', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  const outDir = resolve('screenshots');
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  const size = () => page.evaluate(() => CSS.highlights.get('alliance-lens')?.size ?? 0);
  await page.waitForFunction(
    () => (CSS.highlights.get('alliance-lens')?.size ?? 0) > 10,
    undefined,
    { timeout: 20000 },
  );
  let last = -1;
  while ((await size()) !== last) {
    last = await size();
    await page.waitForTimeout(200);
  }
  await page.evaluate(() =>
    document.querySelector('.article_view')?.scrollIntoView({ block: 'start' }),
  );
  shots.push(['the article with its highlights', resolve(outDir, '1-article-highlights.png')]);
  await page.screenshot({ path: shots.at(-1)[1] });

  // Hover the first mention of 오픈AI and wait for its card.
  const point = await page.evaluate(() => {
    const ranges = [...CSS.highlights.get('alliance-lens')].filter(
      (r) => r.toString() === '오픈AI',
    );
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = ranges[0];
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(point.x - 30, point.y);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForTimeout(900);
  shots.push(['a card open', resolve(outDir, '2-card-open.png')]);
  await page.screenshot({ path: shots.at(-1)[1] });

  // The popup speaks about the article's tab (a toolbar click can't be scripted).
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(extensionUrl(`popup.html${tabId ? `?tab=${tabId}` : ''}`));
  await popup.waitForTimeout(800);
  shots.push(['the popup', resolve(outDir, '3-popup.png')]);
  await popup.screenshot({ path: shots.at(-1)[1] });

  console.log('\nNo display found, so Chromium ran headless. Screenshots:');
  for (const [what, path] of shots) console.log(`  ${what}: ${path}`);
  await context.close();
  await server.close();
}
