// fetchPack against a real HTTP server on 127.0.0.1, with Node's own fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPack } from '../../utils/sync/fetch-pack';
import { expectError } from '../support/fetch-outcome';

const PACK = '{"format":"alliance-lens-pack","note":"오픈AI"}';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Sat, 01 Nov 2026 00:00:00 GMT';
const BIG = 50 * 1024 * 1024;

interface BigStats {
  sent: number;
  finished: boolean;
  closed: Promise<void>;
}

let server: Server;
let base: string;
let port: number;
/** Paths the server was asked for, in order. */
let requests: string[] = [];
let big: BigStats | null = null;

function streamBig(res: ServerResponse, total: number): BigStats {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const stats: BigStats = { sent: 0, finished: false, closed: Promise.resolve() };
  stats.closed = new Promise((resolve) => res.on('close', () => resolve()));
  let alive = true;
  res.on('close', () => {
    alive = false;
  });
  // Chunked, with no Content-Length: only counting while reading can stop it.
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const pump = () => {
    while (alive && stats.sent < total) {
      stats.sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (alive && stats.sent >= total) {
      stats.finished = true;
      res.end();
    }
  };
  pump();
  return stats;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  requests.push(path);
  const redirect = (to: string, status = 302) => {
    res.writeHead(status, { Location: to });
    res.end();
  };
  switch (path) {
    case '/pack.json':
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { ETag: ETAG });
        res.end();
        return;
      }
      if (req.headers['if-modified-since'] === LAST_MODIFIED) {
        res.writeHead(304, { 'Last-Modified': LAST_MODIFIED });
        res.end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        ETag: ETAG,
        'Last-Modified': LAST_MODIFIED,
      });
      res.end(PACK);
      return;
    case '/missing':
      res.writeHead(404);
      res.end('nothing here');
      return;
    case '/broken':
      res.writeHead(500);
      res.end('oops');
      return;
    case '/busy':
      res.writeHead(503, { 'Retry-After': '60' });
      res.end();
      return;
    case '/hang':
      return; // never answers
    case '/hang-body':
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('{"partial":');
      return; // headers and a little body, then nothing
    case '/truncated':
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('{"format":"alliance-lens-pack"', () => res.socket?.destroy());
      return;
    case '/latin1':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
      return;
    case '/big':
      big = streamBig(res, BIG);
      return;
    case '/declared-big':
      res.writeHead(200, { 'Content-Length': String(30 * 1024 * 1024) });
      res.flushHeaders();
      big = { sent: 0, finished: false, closed: new Promise((r) => res.on('close', () => r())) };
      return; // would send the body only much later
    case '/gzip': {
      const body = gzipSync(Buffer.from(PACK));
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
      res.end(body);
      return;
    }
    case '/loop-a':
      redirect('/loop-b');
      return;
    case '/loop-b':
      redirect(`${base}/loop-a`, 301);
      return;
    case '/elsewhere':
      redirect(`http://localhost:${port}/pack.json`);
      return;
    case '/to-ftp':
      redirect('ftp://127.0.0.1/pack.json');
      return;
    case '/to-http':
      redirect('http://example.com/pack.json');
      return;
    case '/no-location':
      res.writeHead(302);
      res.end();
      return;
  }
  const chain = /^\/r\/(\d+)$/.exec(path);
  if (chain) {
    const n = Number(chain[1]);
    if (n === 0) redirect('/pack.json', 307);
    else redirect(`/r/${n - 1}`, 308);
    return;
  }
  res.writeHead(404);
  res.end();
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  big = null;
});

describe('fetchPack over HTTP', () => {
  it('fetches a pack with its ETag and Last-Modified', async () => {
    const outcome = await fetchPack(`${base}/pack.json`);
    expect(outcome).toEqual({
      kind: 'ok',
      text: PACK,
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      finalUrl: `${base}/pack.json`,
    });
  });

  it('answers not-modified to If-None-Match and to If-Modified-Since', async () => {
    expect(await fetchPack(`${base}/pack.json`, { etag: ETAG })).toEqual({ kind: 'not-modified' });
    expect(await fetchPack(`${base}/pack.json`, { lastModified: LAST_MODIFIED })).toEqual({
      kind: 'not-modified',
    });
    expect((await fetchPack(`${base}/pack.json`, { etag: '"old"' })).kind).toBe('ok');
  });

  it('words HTTP errors plainly; server errors are worth retrying, 404 is not', async () => {
    expectError(await fetchPack(`${base}/missing`), 'the server answered 404 (Not Found)', false);
    expectError(
      await fetchPack(`${base}/broken`),
      'the server answered 500 (Internal Server Error)',
      true,
    );
    expectError(
      await fetchPack(`${base}/busy`),
      'the server answered 503 (Service Unavailable)',
      true,
    );
  });

  it('gives up on a server that does not answer, or stops halfway through the body', async () => {
    for (const path of ['/hang', '/hang-body']) {
      const t0 = Date.now();
      const outcome = await fetchPack(`${base}${path}`, { timeoutMs: 300 });
      expectError(outcome, 'the server did not answer within 0.3 seconds', true);
      expect(Date.now() - t0).toBeLessThan(3000);
    }
  });

  it('reports a body cut short by the connection closing', async () => {
    expectError(await fetchPack(`${base}/truncated`), /^the download broke off/, true);
  });

  it('decodes invalid UTF-8 with replacement characters instead of failing', async () => {
    const outcome = await fetchPack(`${base}/latin1`);
    expect(outcome).toMatchObject({ kind: 'ok', text: '{"\uFFFD\uFFFD"}' });
  });

  it('decodes a gzip-encoded body', async () => {
    expect(await fetchPack(`${base}/gzip`)).toMatchObject({ kind: 'ok', text: PACK });
  });

  it('stops reading a body as soon as it passes the limit', async () => {
    const t0 = Date.now();
    const outcome = await fetchPack(`${base}/big`);
    const elapsed = Date.now() - t0;
    expectError(outcome, 'the pack is larger than 20 MB', false);
    const stats = big!;
    await stats.closed; // the client hung up...
    expect(stats.finished).toBe(false); // ...before the server could send everything
    expect(stats.sent).toBeLessThan(BIG * 0.8);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const t0 = Date.now();
    const outcome = await fetchPack(`${base}/declared-big`, { timeoutMs: 5000 });
    expectError(outcome, 'the pack is larger than 20 MB', false);
    expect(Date.now() - t0).toBeLessThan(2000);
    await big!.closed;
  });

  it('applies a smaller limit given in options', async () => {
    expectError(
      await fetchPack(`${base}/pack.json`, { maxBytes: 10 }),
      /larger than 10 bytes/,
      false,
    );
  });

  it('follows a chain of redirects within the limit', async () => {
    const outcome = await fetchPack(`${base}/r/3`, { etag: '"old"' });
    expect(outcome).toMatchObject({ kind: 'ok', text: PACK, finalUrl: `${base}/pack.json` });
    expect(requests).toEqual(['/r/3', '/r/2', '/r/1', '/r/0', '/pack.json']);
    // Conditional headers travel along the hops.
    expect(await fetchPack(`${base}/r/2`, { etag: ETAG })).toEqual({ kind: 'not-modified' });
  });

  it('stops after too many redirects, and on a loop', async () => {
    expectError(await fetchPack(`${base}/r/6`), 'the server redirected too many times', false);
    expect(requests.length).toBe(6);
    expectError(
      await fetchPack(`${base}/r/2`, { maxRedirects: 1 }),
      'the server redirected too many times',
      false,
    );
    expectError(await fetchPack(`${base}/loop-a`), 'the server redirected in a loop', false);
  });

  it('refuses redirects to another host when asked to, and to non-web or insecure addresses', async () => {
    expectError(
      await fetchPack(`${base}/elsewhere`, { sameHostRedirectsOnly: true }),
      // localhost is another host name than the 127.0.0.1 typed: a hop into a local address.
      /^the server redirected to a local or private address \(localhost\)/,
      false,
    );
    expect(requests).toEqual(['/elsewhere']);
    expectError(await fetchPack(`${base}/to-ftp`), /not a web address \(ftp:\)/, false);
    expectError(
      await fetchPack(`${base}/to-http`),
      /^the server redirected to an insecure address \(http:\/\/example\.com\)/,
      false,
    );
    expectError(
      await fetchPack(`${base}/no-location`),
      'the server redirected without saying where to',
      false,
    );
  });

  it('reports a server that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expectError(
      await fetchPack(`http://127.0.0.1:${freePort}/pack.json`),
      /^could not reach the server \(.+\)$/,
      true,
    );
  });
});
