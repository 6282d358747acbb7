import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { startNewsServer } from './scripts/lib/news-server.mjs';
const server = await startNewsServer({ root: 'demo/sites' });
const uuid = '1b5a2b7e-2c1d-4e0f-9a3b-0c7d1e2f3a4b';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: false,
  defaultViewport: null, args: ['--width=1280', '--height=900'],
  extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'extensions.webextensions.uuids': JSON.stringify({ 'alliance-lens@alliance-lens.dev': uuid }) } });
await browser.installExtension(process.cwd() + '/.output/firefox-mv2');
const page = await browser.newPage();
await page.goto(`http://www.dt.co.kr:${server.port}/contents.html?article_no=2024072102109931081001`);
await new Promise(r => setTimeout(r, 3000));
await page.evaluate(() => { document.title = 'FFREAL1'; });
const xdo = (...a) => execFileSync('xdotool', a, { encoding: 'utf8' }).trim();
const win = xdo('search', '--sync', '--onlyvisible', '--name', 'FFREAL1').split('\n')[0];
console.log('win', win); xdo('windowfocus', '--sync', win);
xdo('key', '--clearmodifiers', 'alt+shift+l');
await new Promise(r => setTimeout(r, 1000));
console.log('active', await page.evaluate(() => document.activeElement?.tagName), await page.evaluate(() => [...(CSS.highlights.get('alliance-lens-focus') ?? [])].map(r => r.toString())));
xdo('key', 'Right'); await new Promise(r => setTimeout(r, 500));
console.log('after right', await page.evaluate(() => [...(CSS.highlights.get('alliance-lens-focus') ?? [])].map(r => r.toString())));
xdo('key', 'Tab'); xdo('key', 'Tab');
console.log('pages', (await browser.pages()).map(p => p.url()));
await browser.close(); await server.close();
