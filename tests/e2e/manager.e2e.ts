import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DT_ARTICLE, highlightTexts, useExtension, waitForHighlights } from './support';

const env = useExtension({ locale: 'en-US' });

async function manager(hash = ''): Promise<Page> {
  const page = await env.context.newPage();
  await page.goto(env.extensionUrl(`options.html${hash}`));
  await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/\d+ companies/);
  return page;
}

const listCount = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute('data-count'));

describe('dataset manager', () => {
  it('searches and filters companies and alliances', async () => {
    const page = await manager('#companies');
    const all = await listCount(page, 'company-list');
    expect(all).toBeGreaterThan(80);
    await page.getByTestId('company-search').fill('오픈 ai');
    await expect.poll(() => listCount(page, 'company-list')).toBe(1);
    expect(await page.getByTestId('company-list').textContent()).toContain('OpenAI');

    await page.getByTestId('tab-alliances').click();
    const alliances = await listCount(page, 'alliance-list');
    await page.getByTestId('kind-filter').selectOption('merger');
    await expect.poll(() => listCount(page, 'alliance-list')).toBeLessThan(alliances);
    expect(await page.getByTestId('alliance-list').textContent()).toContain('Rebellions');
    await page.getByTestId('kind-filter').selectOption('');
    await page.getByTestId('alliance-search').fill('naver');
    await expect.poll(() => page.getByTestId('alliance-list').textContent()).toContain('Intel');
    await page.close();
  });

  it('creates a company, shows its alias preview and conflicts, and validates beside the field', async () => {
    const page = await manager('#companies');
    await page.getByTestId('new-company').click();
    const form = page.getByTestId('company-editor');
    await form.locator('input[name="id"]').fill('haneul-ai');
    await form.locator('input[name="names.ko"]').fill('하늘AI');
    await form.locator('input[name="names.en"]').fill('Haneul AI');
    await form.locator('input[name="new-alias"]').fill('MS');
    await form.locator('input[name="new-alias"]').press('Enter');
    await expect
      .poll(() => form.getByTestId('alias-conflict').textContent())
      .toContain('microsoft');
    await form.locator('input[name="sample"]').fill('하늘AI는 하늘AI리케이션이 아니다');
    await expect
      .poll(() => form.getByTestId('alias-preview').locator('mark').allTextContents())
      .toEqual(['하늘AI']);
    await form.getByRole('button', { name: 'Remove MS' }).click();
    await form.locator('input[name="homepage"]').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => form.locator('[data-field="homepage"]').textContent())
      .toContain('not an http(s) link');
    await form.locator('input[name="homepage"]').fill('https://haneul.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.url()).toContain('#company=haneul-ai');
    // The confirmation survives the editor reopening on the new record, and says where it went.
    await expect
      .poll(() => page.getByTestId('saved').textContent())
      .toBe('Saved in your own records.');
    await page.getByTestId('company-search').fill('하늘');
    await expect.poll(() => page.getByTestId('company-list').textContent()).toContain('mine');
    await page.close();
  });

  it('overrides a pack record, reverts to the pack, and undoes a deletion', async () => {
    const page = await manager('#alliance=naver-intel-gaudi');
    const form = page.getByTestId('alliance-editor');
    await expect.poll(() => form.count()).toBe(1);
    await form.locator('select[name="status"]').selectOption('ended');
    await form.locator('input[name="until"]').fill('2025-12');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByTestId('revert').count()).toBe(1);
    await form.getByTestId('revert').click();
    await expect.poll(() => form.locator('select[name="status"]').inputValue()).toBe('active');

    await form.getByTestId('delete').click();
    await expect.poll(() => page.getByTestId('undo-bar').count()).toBe(1);
    // By its id: the list is virtualized, and the dataset has many Naver alliances.
    await page.getByTestId('alliance-search').fill('naver-intel-gaudi');
    await expect.poll(() => page.getByTestId('alliance-list').textContent()).not.toContain('Intel');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('alliance-list').textContent()).toContain('Intel');
    await page.close();
  });

  it('renames an alias and the open article re-highlights without a reload', async () => {
    const article = await env.context.newPage();
    await article.goto(DT_ARTICLE);
    await waitForHighlights(article, 50);
    expect(await highlightTexts(article)).not.toContain('가우디');
    const page = await manager('#company=naver');
    const form = page.getByTestId('company-editor');
    await form.locator('input[name="new-alias"]').fill('가우디');
    await form.locator('input[name="new-alias"]').press('Enter');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByTestId('revert').count()).toBe(1);
    // The editor reopened on the reader's own version, and still says it saved, and where.
    await expect
      .poll(() => page.getByTestId('saved').textContent())
      .toMatch(/^Saved as your own version of this record from “.+”/);
    await expect.poll(async () => (await highlightTexts(article)).includes('가우디')).toBe(true);
    await page.close();
    await article.close();
  });
});

describe('accessibility in the browser', () => {
  it.each([
    'options.html#companies',
    'options.html#company=openai',
    'options.html#alliance=ai-alliance',
    'options.html#settings',
    'popup.html',
  ])('%s has no axe violations, colour contrast included', async (path) => {
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl(path));
    await page.waitForTimeout(500);
    // Extension pages forbid inline scripts; evaluating through the DevTools protocol is allowed.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: Document,
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
