import puppeteer from 'puppeteer-core';
import { startNewsServer } from './scripts/lib/news-server.mjs';
const server = await startNewsServer({ root: 'demo/sites' });
const uuid = '1b5a2b7e-2c1d-4e0f-9a3b-0c7d1e2f3a4b';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'extensions.webextensions.uuids': JSON.stringify({ 'alliance-lens@alliance-lens.dev': uuid }) } });
await browser.installExtension(process.cwd() + '/.output/firefox-mv2');
const page = await browser.newPage();
await page.goto(`http://www.dt.co.kr:${server.port}/contents.html?article_no=2024072102109931081001`);
await new Promise(r => setTimeout(r, 3000));
// reading mode via key
await page.keyboard.down('Alt'); await page.keyboard.down('Shift'); await page.keyboard.press('KeyL'); await page.keyboard.up('Shift'); await page.keyboard.up('Alt');
await new Promise(r => setTimeout(r, 1000));
console.log('active after alt+shift+l', await page.evaluate(() => document.activeElement?.tagName));
// hover a mention
const pt = await page.evaluate(() => { const r=[...CSS.highlights.get('alliance-lens')][3]; r.startContainer.parentElement.scrollIntoView({block:'center'}); const b=r.getClientRects()[0]; return {x:b.left+b.width/2,y:b.top+b.height/2, t:r.toString()}; });
console.log(pt);
await page.mouse.move(pt.x-40, pt.y+30); await page.mouse.move(pt.x, pt.y, {steps: 5});
await new Promise(r => setTimeout(r, 1500));
console.log('focus hl', await page.evaluate(() => CSS.highlights.get('alliance-lens-focus')?.size));
console.log('pages', (await browser.pages()).map(p => p.url()));
await browser.close(); await server.close();
