// Article links as they are stored with a clipped source: absolute http(s),
// no fragment, no well-known tracking parameters. Pure: runs in Node.
//
// Only parameters that are tracking everywhere are removed (utm_* and the
// click ids below). Anything else may select the article: Naver's `sid` (the
// section) is kept, and so are site-specific ones such as `ntype` or `rc`.

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'spm',
]);

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * `href` resolved against `base`, without the fragment and tracking
 * parameters; null unless it is an absolute http(s) link. The remaining query
 * is kept byte for byte (not re-encoded), in its order.
 */
export function cleanUrl(href: string, base?: string): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return null;
  u.hash = '';
  if (u.search !== '') {
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(decodeKey(pair.split('=')[0]!)));
    u.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  }
  return u.href;
}

/**
 * A key under which two links to the same article are equal: cleaned as
 * above, and also ignoring http vs https and a trailing slash. Links that are
 * not http(s) are their own key (trimmed).
 */
export function articleUrlKey(href: string): string {
  const clean = cleanUrl(href);
  if (clean === null) return href.trim();
  const u = new URL(clean);
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  return `${u.host}${path}${u.search}`;
}
