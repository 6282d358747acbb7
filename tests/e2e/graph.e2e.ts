import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useExtension } from './support';

const env = useExtension({ locale: 'en-US' });

const bundledCompanies = (
  JSON.parse(readFileSync('public/packs/core.json', 'utf8')) as { companies: unknown[] }
).companies.length;

describe('alliance network', () => {
  it('draws the bundled dataset, focuses a company, filters by time, and opens details', async () => {
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('options.html#network'));
    const graph = page.getByTestId('graph');
    await expect
      .poll(async () => Number(await graph.getAttribute('data-node-count')), { timeout: 20_000 })
      .toBeGreaterThan(80);
    const all = Number(await graph.getAttribute('data-edge-count'));

    // Focus one company: its neighbourhood only.
    await page.getByPlaceholder('Type a company name').fill('naver');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => graph.getAttribute('data-focus')).toBe('naver');
    await expect
      .poll(async () => Number(await graph.getAttribute('data-node-count')))
      // Naver's neighbourhood only: far fewer nodes than the whole dataset's.
      .toBeLessThan(bundledCompanies / 4);
    expect(Number(await graph.getAttribute('data-node-count'))).toBeGreaterThan(2);
    expect(await graph.getAttribute('aria-label')).toMatch(
      /^Alliance network: \d+ companies, \d+ alliances shown$/,
    );

    // Back in time: 2019 had far fewer ties than today.
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(async () => Number(await graph.getAttribute('data-edge-count'))).toBe(all);
    await page.locator('input[type="range"]').fill('0');
    await page.locator('input[type="range"]').dispatchEvent('change');
    await expect
      .poll(async () => Number(await graph.getAttribute('data-edge-count')))
      .toBeLessThan(all / 4);

    // The keyboard companion lists what is shown; a row opens the alliance's details.
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByText('Show as list').click();
    await page.locator('.graph-list-item', { hasText: 'Rebellions' }).first().click();
    await expect.poll(() => page.url()).toContain('#alliance=');
    await expect.poll(() => page.getByTestId('alliance-editor').count()).toBe(1);
    await page.close();
  });

  it('opens focused on the current article’s companies from the popup link', async () => {
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('options.html#network=openai,naver'));
    await expect
      .poll(() => page.getByTestId('graph').getAttribute('data-focus'), { timeout: 20_000 })
      .toBe('openai,naver');
    await page.close();
  });
});
