import { launchWithExtension } from './lib/browser.mjs';
import { bigArticleHtml } from './lib/bench-pages.mjs';
import { startNewsServer } from './lib/news-server.mjs';
const BIG = bigArticleHtml(1_000_000);
const server = await startNewsServer({ root: 'demo/sites', routes: { 'www.dt.co.kr/big.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BIG) } });
const { context } = await launchWithExtension({ executablePath: '/usr/bin/chromium', hostRules: server.hostRules });
for (const url of ['http://www.dt.co.kr/big.html', 'http://www.dt.co.kr/contents.html', 'http://www.dt.co.kr/big.html', 'http://www.dt.co.kr/contents.html']) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(2500);
  console.log(url.slice(-10), await page.evaluate(() => { const d = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart; return JSON.stringify(Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('alliance-lens:', ''), Math.round(m.startTime - d)]))); }));
  await page.close();
}
await context.close(); await server.close();
