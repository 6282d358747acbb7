// @ts-check
// Serves demo/sites/<host>/<path> so pages load at real news hostnames
// (Chromium maps those hosts to this server with --host-resolver-rules).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { extname, join, normalize, resolve } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Hosts the demo pages are served at; map them all to this server. */
export const NEWS_HOSTS = [
  'www.dt.co.kr',
  'dt.co.kr',
  'n.news.naver.com',
  'news.naver.com',
  'v.daum.net',
  'www.koreaherald.com',
  'packs.example.com',
  'packs.dt.co.kr',
  'mirror.dt.co.kr',
  // Every other supported site, for the site-rules pages (tests/e2e/site-pages/).
  'www.chosun.com',
  'www.joongang.co.kr',
  'www.donga.com',
  'www.hani.co.kr',
  'www.news1.kr',
  'www.newsis.com',
  'www.sedaily.com',
  'www.edaily.co.kr',
  'www.inews24.com',
  'zdnet.co.kr',
  'www.etnews.com',
  'www.hankyung.com',
  'www.mk.co.kr',
  'www.yna.co.kr',
  'www.aitimes.com',
  'www.aitimes.kr',
  'www.bloter.net',
  'www.ddaily.co.kr',
  'www.businesskorea.co.kr',
  'www.koreatimes.co.kr',
  'techcrunch.com',
  'www.theverge.com',
  'www.reuters.com',
  'www.bloomberg.com',
  'www.cnbc.com',
  'venturebeat.com',
  'www.wired.com',
  'arstechnica.com',
  'www.theinformation.com',
];

/**
 * @param {{root: string, port?: number, routes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void>, tls?: {key: string, cert: string}, hosts?: string[]}} options
 * `routes` maps "host/path" to a handler, for tests that need special answers.
 * With `tls` (a key and certificate in PEM) it serves https instead, for hosts that only
 * work over https; `hosts` are the names to map to it (default NEWS_HOSTS).
 */
export async function startNewsServer({ root, port = 0, routes = {}, tls, hosts = NEWS_HOSTS }) {
  const base = resolve(root);
  /** @type {import('node:http').RequestListener} */
  const listener = (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[`${host}${path}`];
    if (route) return route(req, res);
    let file = normalize(join(base, host, path));
    if (!file.startsWith(join(base, host))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${host}${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await /** @type {Promise<void>} */ (new Promise((ok) => server.listen(port, '127.0.0.1', ok)));
  // Listening on a TCP port, so the address is an AddressInfo.
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port: actualPort,
    hostRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${actualPort}`).join(', '),
    close: () => new Promise((ok) => server.close(ok)),
  };
}
