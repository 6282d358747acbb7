// Sites the content script runs on by default. Other sites are enabled per site
// at runtime (optional host permission), so the install prompt stays small.
export const NEWS_MATCHES: string[] = [
  '*://*.dt.co.kr/*',
  '*://*.daum.net/*',
  '*://*.naver.com/*',
  '*://*.etnews.com/*',
  '*://*.zdnet.co.kr/*',
  '*://*.hankyung.com/*',
  '*://*.mk.co.kr/*',
  '*://*.chosun.com/*',
  '*://*.joongang.co.kr/*',
  '*://*.yna.co.kr/*',
  '*://*.koreaherald.com/*',
  '*://*.koreatimes.co.kr/*',
  '*://*.reuters.com/*',
  '*://*.theverge.com/*',
  '*://*.techcrunch.com/*',
  '*://*.bloomberg.com/*',
  '*://*.cnbc.com/*',
];
