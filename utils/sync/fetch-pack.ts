// Downloads a subscribed pack, the way ad-block filter lists are kept current:
// conditional requests (ETag / Last-Modified, so an unchanged pack costs a 304),
// a deadline over the whole download, a size limit enforced while streaming, and
// redirects followed by hand so each hop is checked. Never throws: every failure
// is an outcome with a plain-words message and whether trying later may help.
//
// Redirects in browsers: with `redirect: 'manual'` a browser's fetch hides every
// redirect behind an "opaqueredirect" response (status 0, no Location header),
// so the hops cannot be followed by hand there; Node's fetch shows them. On an
// opaque redirect we fetch again with `redirect: 'follow'` and check the final
// address (`res.url`) against the same rules afterwards, counting it as one hop.
// The limits of that fallback: the browser has already sent the requests along
// the way (we only refuse to use the answer), intermediate hops are not seen, and
// loops end at the browser's own limit of 20 redirects, as a network error.
import { isLocalHost } from '../pack/schema';
import { MAX_PACK_BYTES } from '../pack/types';

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string; finalUrl: string }
  | { kind: 'error'; message: string; retryable: boolean };

export interface FetchPackOptions {
  /** The ETag of the copy we have: sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified of the copy we have: sent as If-Modified-Since. */
  lastModified?: string;
  fetch?: typeof fetch;
  /** A deadline for the whole download, redirects and body included. Default 20 s. */
  timeoutMs?: number;
  /** Default MAX_PACK_BYTES (20 MB); counted on the decoded (un-gzipped) body. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Refuse redirects to another host name. Default false. */
  sameHostRedirectsOnly?: boolean;
  /** Plain-http hosts allowed besides this computer (localhost, 127.0.0.1, ::1). */
  allowHost?: (url: URL) => boolean;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Reason phrases for when the server sends none (HTTP/2 never does). */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

type Failure = Extract<FetchOutcome, { kind: 'error' }>;

const fail = (message: string, retryable: boolean): Failure => ({
  kind: 'error',
  message,
  retryable,
});

/** "20 MB", "1.5 MB", "300 KB", "512 bytes". */
function formatBytes(n: number): string {
  const trim = (x: number) => String(Number(x.toFixed(1)));
  if (n >= 1024 * 1024) return `${trim(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${trim(n / 1024)} KB`;
  return `${n} bytes`;
}

/** "20 seconds", "1 second", "0.3 seconds". */
function formatSeconds(ms: number): string {
  const s = Number((ms / 1000).toFixed(1));
  return s === 1 ? '1 second' : `${s} seconds`;
}

/** Why `url` may not be fetched, or null when it may. `redirect` words it as a hop. */
function addressProblem(url: URL, opts: FetchPackOptions, redirect: boolean): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (isLocalHost(url.hostname) || opts.allowHost?.(url)) return null;
    return redirect
      ? `the server redirected to an insecure address (${url.origin}); only https:// is allowed`
      : 'the address must start with https:// (plain http:// only works for this computer)';
  }
  return redirect
    ? `the server redirected to an address that is not a web address (${url.protocol})`
    : `only https:// addresses can be subscribed to (not ${url.protocol})`;
}

/**
 * This computer or a private network: 127/8, 10/8, 172.16/12, 192.168/16,
 * 169.254/16, 0.0.0.0, ::1, fc00::/7, fe80::/10, and `localhost` / `.local` names.
 */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (h.includes(':')) {
    if (h === '::1' || h === '::') return true;
    if (/^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped ? isPrivateHost(mapped[1] ?? '') : false;
  }
  return false;
}

/**
 * A redirect may not lower the protection of the address the reader typed: no
 * https → http, and no hop into this computer or a private network (a public
 * pack must not be able to make the extension probe the reader's own network).
 * Plain http and local addresses are only for the very host the reader typed.
 */
function hopProblem(next: URL, start: URL, opts: FetchPackOptions): string | null {
  if (start.protocol === 'https:' && next.protocol === 'http:')
    return `the server redirected from https to an insecure address (${next.origin})`;
  if (next.hostname !== start.hostname && isPrivateHost(next.hostname))
    return `the server redirected to a local or private address (${next.hostname}), which is refused`;
  if (next.protocol === 'http:' && next.hostname !== start.hostname && !opts.allowHost?.(next))
    return `the server redirected to an insecure address (${next.origin}); only https:// is allowed`;
  const problem = addressProblem(next, opts, true);
  if (problem) return problem;
  if (opts.sameHostRedirectsOnly && next.hostname !== start.hostname)
    return `the server redirected to another site (${next.hostname}), which this subscription does not allow`;
  return null;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** The most telling part of a network error: undici puts the reason in `cause`. */
function describeError(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}

function discard(res: Response): void {
  res.body?.cancel().catch(() => {});
}

function statusFailure(res: Response): Failure {
  const reason = res.statusText || REASONS[res.status];
  const s = res.status;
  return fail(
    reason ? `the server answered ${s} (${reason})` : `the server answered ${s}`,
    s >= 500 || s === 429 || s === 408,
  );
}

/**
 * Fetches the pack at `url`. `not-modified` when the server says our copy
 * (`etag`/`lastModified`) is current; `ok` with the body as text (invalid UTF-8
 * becomes U+FFFD; the caller parses and validates it); otherwise `error`.
 */
export async function fetchPack(url: string, opts: FetchPackOptions = {}): Promise<FetchOutcome> {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  let start: URL;
  try {
    start = new URL(url);
  } catch {
    return fail('the address is not a valid web address', false);
  }
  const problem = addressProblem(start, opts, false);
  if (problem) return fail(problem, false);
  if (isOffline()) return fail('the browser is offline', true);

  const headers: Record<string, string> = { Accept: 'application/json, */*;q=0.5' };
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeoutFailure = () =>
    fail(`the server did not answer within ${formatSeconds(timeoutMs)}`, true);
  const networkFailure = (e: unknown) => {
    if (timedOut) return timeoutFailure();
    if (isOffline()) return fail('the browser is offline', true);
    return fail(`could not reach the server (${describeError(e)})`, true);
  };

  try {
    let current = start;
    let hops = 0;
    const visited = new Set([start.href]);
    for (;;) {
      let res: Response;
      try {
        res = await doFetch(current.href, {
          headers,
          redirect: 'manual',
          signal: controller.signal,
        });
        if (res.type === 'opaqueredirect') {
          // A browser hides the hop (see the top of this file): let it follow, check after.
          try {
            res = await doFetch(current.href, {
              headers,
              redirect: 'follow',
              signal: controller.signal,
            });
          } catch (e) {
            // Following failed where a plain request got an answer: the browser gave up on the
            // redirects (its own limit is 20), which is a loop or an endless chain.
            if (timedOut || isOffline()) throw e;
            return fail('the server redirected in a loop or too many times', false);
          }
          if (++hops > maxRedirects) {
            discard(res);
            return fail('the server redirected too many times', false);
          }
          if (res.url) {
            const landed = new URL(res.url);
            const hop = hopProblem(landed, start, opts);
            if (hop) {
              discard(res);
              return fail(hop, false);
            }
            current = landed;
          }
        }
      } catch (e) {
        return networkFailure(e);
      }

      if (REDIRECT_STATUSES.has(res.status)) {
        discard(res);
        const location = res.headers.get('location');
        if (!location) return fail('the server redirected without saying where to', false);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail('the server redirected to an address that is not valid', false);
        }
        if (visited.has(next.href)) return fail('the server redirected in a loop', false);
        if (++hops > maxRedirects) return fail('the server redirected too many times', false);
        const hop = hopProblem(next, start, opts);
        if (hop) return fail(hop, false);
        visited.add(next.href);
        current = next;
        continue;
      }

      if (res.status === 304) {
        discard(res);
        return { kind: 'not-modified' };
      }
      if (!res.ok) {
        discard(res);
        return statusFailure(res);
      }

      const tooLarge = fail(`the pack is larger than ${formatBytes(maxBytes)}`, false);
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res);
        controller.abort();
        return tooLarge;
      }

      let text: string;
      try {
        const body = await readText(res, maxBytes);
        if (body === null) {
          controller.abort();
          return tooLarge;
        }
        text = body;
      } catch (e) {
        if (timedOut) return timeoutFailure();
        if (isOffline()) return fail('the browser is offline', true);
        return fail(
          `the download broke off before the whole pack arrived (${describeError(e)})`,
          true,
        );
      }

      const outcome: FetchOutcome = { kind: 'ok', text, finalUrl: res.url || current.href };
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag) outcome.etag = etag;
      if (lastModified) outcome.lastModified = lastModified;
      return outcome;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, or null as soon as it grows past `maxBytes` (then cancelled). */
async function readText(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
