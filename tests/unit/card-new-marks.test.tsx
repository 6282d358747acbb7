// @vitest-environment happy-dom
// The card's "New" marks: what arrived since the reader last opened the company's card.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AllianceCard } from '../../components/content/AllianceCard';
import { setLang, t } from '../../utils/i18n';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { axeViolations } from '../support/a11y';
import { samplePack } from '../support/packs';

afterEach(() => {
  cleanup();
  setLang('en');
});

const pack = samplePack();
const byId = new Map<string, CompanyView>(
  pack.companies.map((c) => [c.id, { ...c, origins: ['bundled'] }]),
);
const alliances: AllianceView[] = pack.alliances.map((a) => ({
  ...a,
  origin: 'bundled',
  overridden: false,
}));

function openAiCard(newIds: ReadonlySet<string>) {
  return render(
    <AllianceCard
      subject={{ type: 'company', id: 'openai' }}
      companies={byId}
      alliances={alliances}
      newIds={newIds}
      mentioned={new Set()}
      lang="en"
      onPivot={() => {}}
      onOpenManager={() => {}}
      onClose={() => {}}
    />,
  );
}

const order = (container: Element) =>
  [...container.querySelectorAll<HTMLElement>('li.alliance')].map((li) => li.dataset.alliance);

describe('AllianceCard new marks', () => {
  it('marks new alliances in visible, accessible text and lists them first', async () => {
    const plain = openAiCard(new Set());
    // Without marks: kinds in their order (partnership, then investment), newest first within.
    expect(order(plain.container)).toEqual([
      'apple-openai',
      'oci-azure-openai',
      'microsoft-openai',
    ]);
    expect(plain.container.querySelector('[data-testid="new-mark"]')).toBeNull();
    cleanup();

    // A new alliance's kind comes first, and it comes first within its kind.
    const investment = openAiCard(new Set(['microsoft-openai']));
    expect(order(investment.container)).toEqual([
      'microsoft-openai',
      'apple-openai',
      'oci-azure-openai',
    ]);
    cleanup();
    const { container } = openAiCard(new Set(['oci-azure-openai']));
    expect(order(container)).toEqual(['oci-azure-openai', 'apple-openai', 'microsoft-openai']);
    const marked = container.querySelector('li[data-alliance="oci-azure-openai"]')!;
    expect(marked.querySelector('[data-testid="new-mark"]')?.textContent).toBe(t('cardNew'));
    expect(container.querySelectorAll('[data-testid="new-mark"]')).toHaveLength(1);
    expect(screen.getByTestId('new-count').textContent).toBe(t('cardNewCount', { count: 1 }));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks Korean in Korean', () => {
    setLang('ko');
    const { container } = openAiCard(new Set(['apple-openai']));
    expect(container.querySelector('[data-testid="new-mark"]')?.textContent).toBe('신규');
  });
});
