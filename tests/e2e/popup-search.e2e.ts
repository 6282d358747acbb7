import { describe, expect, it } from 'vitest';
import { useExtension } from './support';

const env = useExtension({ locale: 'ko-KR' });

describe('popup search', () => {
  it('finds companies and alliances as you type, tolerant of spacing and case; Enter opens the manager', async () => {
    const popup = await env.context.newPage();
    await popup.goto(env.extensionUrl('popup.html'));
    const box = popup.getByTestId('popup-search');
    await box.fill('오픈 ai');
    await expect
      .poll(() =>
        popup
          .getByTestId('search-results')
          .locator('[data-type="company"]')
          .first()
          .getAttribute('data-id'),
      )
      .toBe('openai');
    await box.fill('합병');
    await expect
      .poll(() => popup.getByTestId('search-results').textContent())
      .toContain('리벨리온');
    await box.fill('samsung elec');
    await expect
      .poll(() =>
        popup
          .getByTestId('search-results')
          .locator('[data-type="company"]')
          .first()
          .getAttribute('data-id'),
      )
      .toBe('samsung-electronics');
    const opened = env.context.waitForEvent('page');
    await box.press('Enter');
    const manager = await opened;
    await manager.waitForLoadState();
    expect(manager.url()).toContain('options.html#company=samsung-electronics');
    await expect
      .poll(() =>
        manager.getByTestId('company-editor').locator('input[name="names.ko"]').inputValue(),
      )
      .toBe('삼성전자');
    await manager.close();
    await popup.close();
  });
});
