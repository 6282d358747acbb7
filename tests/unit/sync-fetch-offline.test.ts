// fetchPack's checks that need no network: addresses, plain http, the request
// it sends, and being offline (the fetch is a spy).
import { describe, expect, it, vi } from 'vitest';
import { fetchPack } from '../../utils/sync/fetch-pack';
import { expectError } from '../support/fetch-outcome';

describe('fetchPack without a network', () => {
  const spy = () => vi.fn<typeof fetch>(async () => new Response('{}'));

  it('requires https for hosts other than this computer, before fetching anything', async () => {
    const f = spy();
    expectError(
      await fetchPack('http://example.com/p.json', { fetch: f }),
      /^the address must start with https:\/\//,
      false,
    );
    expectError(await fetchPack('ftp://example.com/p.json', { fetch: f }), /^only https:/, false);
    expectError(await fetchPack('not a url', { fetch: f }), /not a valid web address/, false);
    expect(f).not.toHaveBeenCalled();
    for (const ok of [
      'https://example.com/p.json',
      'http://localhost:8080/p.json',
      'http://127.0.0.1/p.json',
      'http://[::1]:3000/p.json',
    ]) {
      expect((await fetchPack(ok, { fetch: f })).kind).toBe('ok');
    }
    expect(f).toHaveBeenCalledTimes(4);
  });

  it('lets allowHost permit plain http for chosen hosts', async () => {
    const f = spy();
    const allowHost = (u: URL) => u.hostname === 'intranet.example';
    expect((await fetchPack('http://intranet.example/p.json', { fetch: f, allowHost })).kind).toBe(
      'ok',
    );
    expect((await fetchPack('http://other.example/p.json', { fetch: f, allowHost })).kind).toBe(
      'error',
    );
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('sends the conditional headers and asks for manual redirects', async () => {
    const f = spy();
    await fetchPack('https://example.com/p.json', { fetch: f, etag: '"e"', lastModified: 'LM' });
    const init = f.mock.calls[0]![1]!;
    expect(init.redirect).toBe('manual');
    expect(init.headers).toMatchObject({ 'If-None-Match': '"e"', 'If-Modified-Since': 'LM' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('says the browser is offline when it is', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      const f = spy();
      expectError(
        await fetchPack('https://example.com/p.json', { fetch: f }),
        'the browser is offline',
        true,
      );
      expect(f).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  describe("a browser's opaque redirects", () => {
    const opaque = () => {
      const r = new Response(null, { status: 200 });
      Object.defineProperty(r, 'type', { value: 'opaqueredirect' });
      return r;
    };
    const landedAt = (url: string, body = '{"x":1}') => {
      const r = new Response(body, { status: 200, headers: { ETag: '"z"' } });
      Object.defineProperty(r, 'url', { value: url });
      Object.defineProperty(r, 'redirected', { value: true });
      return r;
    };
    const browser = (finalUrl: string) =>
      vi.fn<typeof fetch>(async (_input, init) =>
        init?.redirect === 'manual' ? opaque() : landedAt(finalUrl),
      );

    it('fetches again following redirects, and checks where it landed', async () => {
      const f = browser('https://cdn.example.com/p.json');
      expect(await fetchPack('https://example.com/p.json', { fetch: f })).toEqual({
        kind: 'ok',
        text: '{"x":1}',
        etag: '"z"',
        finalUrl: 'https://cdn.example.com/p.json',
      });
      expect(f.mock.calls.map((c) => c[1]?.redirect)).toEqual(['manual', 'follow']);
    });

    it('refuses the answer when it landed on another host or an insecure address', async () => {
      expectError(
        await fetchPack('https://example.com/p.json', {
          fetch: browser('https://cdn.example.com/p.json'),
          sameHostRedirectsOnly: true,
        }),
        /another site \(cdn\.example\.com\)/,
        false,
      );
      expectError(
        await fetchPack('https://example.com/p.json', {
          fetch: browser('http://example.com/p.json'),
        }),
        /insecure address/,
        false,
      );
    });

    it('counts the fallback as one hop', async () => {
      expectError(
        await fetchPack('https://example.com/p.json', {
          fetch: browser('https://example.com/q.json'),
          maxRedirects: 0,
        }),
        'the server redirected too many times',
        false,
      );
    });
  });
});
