// @vitest-environment happy-dom
// The popup's "N new alliances since <date>" panel.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay, WhatsNewPanel } from '../../components/WhatsNewPanel';
import { kindLabel, setLang } from '../../utils/i18n';
import type { WhatsNewSummary } from '../../utils/messaging';
import type { CompanyView } from '../../utils/pack/merge';
import { axeViolations } from '../support/a11y';
import { samplePack } from '../support/packs';

afterEach(() => {
  cleanup();
  setLang('en');
});

const pack = samplePack();
const companies: CompanyView[] = pack.companies.map((c) => ({ ...c, origins: ['extra'] }));
const summary = (count: number): WhatsNewSummary => ({
  count,
  since: '2026-12-03T10:00:00Z',
  arrivalSeq: 4,
  alliances: pack.alliances.slice(0, 2).map((a) => ({ ...a, origin: 'extra', overridden: false })),
  companies,
});

function panel(s: WhatsNewSummary, lang: 'en' | 'ko' = 'en') {
  const onOpen = vi.fn();
  const onDismiss = vi.fn();
  const view = render(
    <WhatsNewPanel
      summary={s}
      lang={lang}
      packTitle={(o) => (o === 'extra' ? 'Extra news' : undefined)}
      onOpen={onOpen}
      onDismiss={onDismiss}
    />,
  );
  return { ...view, onOpen, onDismiss };
}

describe('WhatsNewPanel', () => {
  it('says how many arrived and since when, lists them on demand, and dismisses', async () => {
    const { container, onOpen, onDismiss } = panel(summary(5));
    const day = formatDay('2026-12-03T10:00:00Z', 'en');
    expect(day).toMatch(/Dec \d, 2026/);
    expect(screen.getByRole('heading').textContent).toBe(`5 new alliances since ${day}`);
    expect(screen.queryByTestId('whats-new-list')).toBeNull();
    fireEvent.click(screen.getByTestId('whats-new-toggle'));
    const items = [...screen.getByTestId('whats-new-list').querySelectorAll('button')];
    expect(items.map((b) => b.textContent)).toEqual([
      `Microsoft · OpenAI${kindLabel('investment')} · from Extra news`,
      `Apple · OpenAI${kindLabel('partnership')} · from Extra news`,
    ]);
    expect(screen.getByTestId('whats-new-list').textContent).toContain('…and 3 more');
    fireEvent.click(items[1]!);
    expect(onOpen).toHaveBeenCalledWith('apple-openai');
    fireEvent.click(screen.getByTestId('whats-new-dismiss'));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('speaks Korean with a Korean date, in the singular too', () => {
    setLang('ko');
    panel(summary(1), 'ko');
    expect(screen.getByRole('heading').textContent).toMatch(
      /^2026\. 12\. \d+\. 이후 새 제휴 1건$|^2026년 12월 \d+일 이후 새 제휴 1건$/,
    );
  });

  it('shows nothing when nothing is new', () => {
    const { container } = panel({ ...summary(0), since: null, alliances: [] });
    expect(container.textContent).toBe('');
  });
});
