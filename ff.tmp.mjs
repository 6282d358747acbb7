import puppeteer from 'puppeteer-core';
import { startNewsServer } from './scripts/lib/news-server.mjs';
const server = await startNewsServer({ root: 'demo/sites' });
console.log(server.port, server.hostRules);
const uuid = '1b5a2b7e-2c1d-4e0f-9a3b-0c7d1e2f3a4b';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'extensions.webextensions.uuids': JSON.stringify({ 'alliance-lens@alliance-lens.dev': uuid }) } });
const id = await browser.installExtension(process.cwd() + '/.output/firefox-mv2');
console.log('id', id);
const page = await browser.newPage();
await page.goto(`http://www.dt.co.kr:${server.port}/contents.html?article_no=2024072102109931081001`);
await new Promise(r => setTimeout(r, 4000));
console.log('highlights', await page.evaluate(() => CSS.highlights.get('alliance-lens')?.size ?? -1));
try { const p2 = await browser.newPage(); await p2.goto(`moz-extension://${uuid}/popup.html`); console.log('popup title', await p2.title()); } catch (e) { console.log('popup err', e.message); }
await browser.close(); await server.close();
