// Sites the content script runs on by default (domains; subdomains included).
// Other sites are turned on per site at runtime with an optional host
// permission, so the install prompt stays small.
const DEFAULT_SITES: readonly string[] = [
  // Korean
  'dt.co.kr',
  'daum.net',
  'naver.com',
  'zdnet.co.kr',
  'etnews.com',
  'hankyung.com',
  'mk.co.kr',
  'chosun.com',
  'joongang.co.kr',
  'yna.co.kr',
  'koreaherald.com',
  'koreatimes.co.kr',
  'aitimes.com',
  'aitimes.kr',
  'bloter.net',
  'ddaily.co.kr',
  'inews24.com',
  'sedaily.com',
  'edaily.co.kr',
  'donga.com',
  'hani.co.kr',
  'news1.kr',
  'newsis.com',
  'businesskorea.co.kr',
  // English
  'techcrunch.com',
  'theverge.com',
  'reuters.com',
  'bloomberg.com',
  'cnbc.com',
  'venturebeat.com',
  'wired.com',
  'arstechnica.com',
  'theinformation.com',
  'ft.com',
  'wsj.com',
  'nytimes.com',
];

export const NEWS_MATCHES: string[] = DEFAULT_SITES.map((d) => `*://*.${d}/*`);

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function defaultSiteOf(hostname: string): string | undefined {
  return DEFAULT_SITES.find((d) => onDomain(hostname, d));
}

/** Match pattern for a site the user turned on. */
export function siteMatchPattern(hostname: string): string {
  return `*://${hostname}/*`;
}

export interface SiteSettings {
  disabledHosts: readonly string[];
  enabledHosts: readonly string[];
}

/** On by default on news sites unless turned off; elsewhere only where the user turned it on. */
export function isSiteEnabled(settings: SiteSettings, hostname: string): boolean {
  if (settings.disabledHosts.some((h) => onDomain(hostname, h))) return false;
  return (
    defaultSiteOf(hostname) !== undefined ||
    settings.enabledHosts.some((h) => onDomain(hostname, h))
  );
}
