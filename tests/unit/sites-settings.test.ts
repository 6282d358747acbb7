import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, withSite } from '../../utils/settings';
import { defaultSiteOf, isSiteEnabled, NEWS_MATCHES } from '../../utils/site-rules';

describe('sites', () => {
  it('knows the default news sites and their subdomains', () => {
    expect(defaultSiteOf('www.dt.co.kr')).toBe('dt.co.kr');
    expect(defaultSiteOf('n.news.naver.com')).toBe('naver.com');
    expect(defaultSiteOf('notnaver.com')).toBeUndefined();
    expect(NEWS_MATCHES).toContain('*://*.dt.co.kr/*');
  });

  it('is on by default on news sites, off elsewhere until the user turns it on', () => {
    expect(isSiteEnabled(DEFAULT_SETTINGS, 'v.daum.net')).toBe(true);
    expect(isSiteEnabled(DEFAULT_SETTINGS, 'blog.example.org')).toBe(false);
    const on = withSite(DEFAULT_SETTINGS, 'blog.example.org', true, false);
    expect(isSiteEnabled(on, 'blog.example.org')).toBe(true);
    const off = withSite(on, 'blog.example.org', false, false);
    expect(off.enabledHosts).toEqual([]);
  });

  it('turns off one news host without touching its siblings, and back on', () => {
    const off = withSite(DEFAULT_SETTINGS, 'www.dt.co.kr', false, true);
    expect(isSiteEnabled(off, 'www.dt.co.kr')).toBe(false);
    expect(isSiteEnabled(off, 'm.dt.co.kr')).toBe(true);
    expect(isSiteEnabled(withSite(off, 'www.dt.co.kr', true, true), 'www.dt.co.kr')).toBe(true);
  });
});

describe('readSettings', () => {
  it('fills defaults and drops malformed values', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      readSettings({
        hoverDelayMs: -5,
        uiLang: 'fr',
        disabledHosts: ['ok.com', 3, 'bad host/'],
        highlightColor: 'red',
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledHosts: ['ok.com'] });
    expect(readSettings({ hoverDelayMs: 600, uiLang: 'ko' })).toMatchObject({
      hoverDelayMs: 600,
      uiLang: 'ko',
    });
  });
});
