// @vitest-environment happy-dom
// The catalog of suggested packs: checked like a pack, official first, and one click subscribes.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackCatalog } from '../../components/PackCatalog';
import { setLang } from '../../utils/i18n';
import {
  CATALOG_HOST_PATTERNS,
  type CatalogEntry,
  isSubscribed,
  OFFICIAL_PACK_URL,
  PACK_CATALOG,
  parseCatalog,
} from '../../utils/pack/catalog';
import { axeViolations } from '../support/a11y';

setLang('en');
afterEach(cleanup);

const entry = (over: Partial<CatalogEntry> = {}): CatalogEntry => ({
  id: 'newsroom',
  title: 'Newsroom pack',
  publisher: 'A newsroom',
  description: { en: 'Companies our desk writes about.', ko: '우리 데스크가 다루는 기업.' },
  url: 'https://packs.example.com/newsroom.json',
  license: 'CC0-1.0',
  homepage: 'https://packs.example.com/',
  official: false,
  ...over,
});

describe('the built-in catalog', () => {
  it('holds the official pack first, at the jsDelivr address of the npm package', () => {
    expect(PACK_CATALOG[0]).toMatchObject({
      id: 'core',
      official: true,
      url: 'https://cdn.jsdelivr.net/npm/alliance-lens-data@1/core.json',
      license: 'CC-BY-4.0',
    });
    expect(PACK_CATALOG[0]!.url).toBe(OFFICIAL_PACK_URL);
  });

  it('gives the manifest a host permission for every entry’s host, and only those', () => {
    expect(CATALOG_HOST_PATTERNS).toEqual(['https://cdn.jsdelivr.net/*']);
    for (const e of PACK_CATALOG)
      expect(CATALOG_HOST_PATTERNS).toContain(`https://${new URL(e.url).hostname}/*`);
  });

  it('leaves out entries that are not valid: plain http, script links, no title, duplicates', () => {
    const parsed = parseCatalog([
      entry(),
      entry({ id: 'plain', url: 'http://packs.example.com/p.json' }),
      entry({ id: 'script', homepage: 'javascript:alert(1)' }),
      entry({ id: 'untitled', title: '  ' }),
      entry({ id: 'again' }), // same address as the first
      { ...entry({ id: 'no-license' }), license: undefined },
      entry({ id: 'official', url: 'https://cdn.example.com/o.json', official: true }),
      'not an entry',
    ]);
    expect(parsed.map((e) => e.id)).toEqual(['official', 'newsroom']);
  });

  it('knows an entry is subscribed by the address a pack syncs from', () => {
    const e = entry();
    expect(isSubscribed(e, [{ sync: { url: e.url } }])).toBe(true);
    expect(isSubscribed(e, [{ sync: { url: 'https://other.example/x.json' } }, {}])).toBe(false);
  });
});

describe('PackCatalog', () => {
  it('subscribes with one click, through the same call as typing the address', async () => {
    const onSubscribe = vi.fn(async () => null);
    const { container } = render(
      <PackCatalog
        entries={[entry({ official: true }), entry({ id: 'b', url: 'https://b.example/b.json' })]}
        packs={[]}
        lang="en"
        onSubscribe={onSubscribe}
      />,
    );
    expect(await axeViolations(container)).toEqual([]);
    expect(container.textContent).toContain('License: CC0-1.0');
    expect(container.textContent).toContain('Companies our desk writes about.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Subscribe to Newsroom pack' })[0]!);
    await waitFor(() =>
      expect(onSubscribe).toHaveBeenCalledWith('https://packs.example.com/newsroom.json'),
    );
  });

  it('shows a subscribed entry as Subscribed, and its button does nothing', () => {
    const onSubscribe = vi.fn(async () => null);
    render(
      <PackCatalog
        entries={[entry()]}
        packs={[{ sync: { url: entry().url } }]}
        lang="ko"
        onSubscribe={onSubscribe}
      />,
    );
    const button = screen.getByTestId('catalog-subscribe') as HTMLButtonElement;
    expect(button.textContent).toBe('Subscribed');
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(onSubscribe).not.toHaveBeenCalled();
    expect(screen.getByText('우리 데스크가 다루는 기업.')).toBeTruthy();
  });

  it('says why a subscription failed, beside its entry', async () => {
    render(
      <PackCatalog
        entries={[entry()]}
        packs={[]}
        lang="en"
        onSubscribe={async () => 'Could not add the pack: the server answered 404.'}
      />,
    );
    fireEvent.click(screen.getByTestId('catalog-subscribe'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('the server answered 404'),
    );
  });

  it('renders a homepage only as a link, and data as text', () => {
    const { container } = render(
      <PackCatalog
        entries={[entry({ title: '<img src=x onerror=alert(1)>' })]}
        packs={[]}
        lang="en"
        onSubscribe={async () => null}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://packs.example.com/');
  });
});
