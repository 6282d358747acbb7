// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllianceCard } from '../../components/content/AllianceCard';
import { AllianceEditor } from '../../components/manager/AllianceEditor';
import { CompanyEditor } from '../../components/manager/CompanyEditor';
import { SettingsView } from '../../components/manager/SettingsView';
import { VirtualList } from '../../components/manager/VirtualList';
import { SearchBox } from '../../components/SearchBox';
import { setLang } from '../../utils/i18n';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { axeViolations } from '../support/a11y';
import { samplePack } from '../support/packs';

afterEach(cleanup);
setLang('en');

const pack = samplePack();
const companies: CompanyView[] = pack.companies.map((c) => ({ ...c, origins: ['bundled'] }));
const byId = new Map(companies.map((c) => [c.id, c]));
const alliances: AllianceView[] = pack.alliances.map((a) => ({
  ...a,
  origin: 'bundled',
  overridden: false,
}));

describe('CompanyEditor', () => {
  it('previews what the names match with the real matcher, warns of shared aliases, shows problems beside fields', async () => {
    const onSave = vi.fn(async () => [
      'homepage: not an http(s) link: "ftp://x"',
      'names.ko: missing',
    ]);
    const { container } = render(
      <CompanyEditor
        company={companies[1]!}
        companies={companies}
        saved={null}
        onSave={onSave}
        onClose={() => {}}
      />,
    );
    const preview = screen.getByTestId('alias-preview');
    fireEvent.input(container.querySelector('input[name="sample"]')!, {
      target: { value: 'MS와 MSCI, 마이크로소프트는' },
    });
    await waitFor(() =>
      expect([...preview.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
        'MS',
        '마이크로소프트',
      ]),
    );
    fireEvent.input(container.querySelector('input[name="new-alias"]')!, {
      target: { value: 'Oracle' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(screen.getByTestId('alias-conflict').textContent).toContain('oracle'),
    );
    fireEvent.submit(screen.getByTestId('company-editor'));
    await waitFor(() =>
      expect(container.querySelector('[data-field="homepage"]')?.textContent).toBe(
        'not an http(s) link: "ftp://x"',
      ),
    );
    expect(container.querySelector('[data-field="names.ko"]')?.textContent).toBe('missing');
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'microsoft',
        aliases: expect.arrayContaining(['Oracle', 'MS']),
      }),
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('AllianceEditor', () => {
  it('offers every company for members and sends a clean alliance', async () => {
    const onSave = vi.fn(async () => []);
    const { container } = render(
      <AllianceEditor
        alliance={alliances[0]!}
        companies={companies}
        companiesById={byId}
        lang="en"
        saved={null}
        onSave={onSave}
        onClose={() => {}}
      />,
    );
    expect(
      [...container.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value),
    ).toEqual(companies.map((c) => c.id));
    fireEvent.change(container.querySelector('select[name="status"]')!, {
      target: { value: 'ended' },
    });
    fireEvent.input(container.querySelector('input[name="until"]')!, {
      target: { value: '2025-10' },
    });
    fireEvent.submit(screen.getByTestId('alliance-editor'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]).toEqual([
      expect.objectContaining({
        id: 'microsoft-openai',
        status: 'ended',
        until: '2025-10',
        since: '2019-07',
        members: alliances[0]!.members,
      }),
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('VirtualList', () => {
  it('renders only the rows in view of 50,000 and moves with the keyboard', async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `row ${i}`);
    const onOpen = vi.fn();
    render(
      <VirtualList
        items={items}
        rowHeight={40}
        height={400}
        label="Rows"
        keyOf={(s) => s}
        renderRow={(s) => <span>{s}</span>}
        onOpen={onOpen}
        testId="list"
      />,
    );
    const list = screen.getByTestId('list');
    expect(list.querySelectorAll('[role="option"]').length).toBeLessThan(40);
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe('row-row 49999'));
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('row 49999');
  });
});

describe('SearchBox', () => {
  it('shows the newest query’s results only and opens the active one with Enter', async () => {
    let resolveSlow: (v: never[]) => void = () => {};
    const search = vi.fn((q: string) =>
      q === 'o'
        ? new Promise<never[]>((r) => {
            resolveSlow = r;
          })
        : Promise.resolve(
            q
              ? [{ type: 'company' as const, id: 'openai', title: 'OpenAI', detail: '오픈AI' }]
              : [],
          ),
    );
    const onOpen = vi.fn();
    const { container } = render(<SearchBox search={search} onOpen={onOpen} />);
    const box = screen.getByTestId('popup-search');
    fireEvent.input(box, { target: { value: 'o' } });
    fireEvent.input(box, { target: { value: 'op' } });
    await waitFor(() =>
      expect(screen.getByTestId('search-results').textContent).toContain('OpenAI'),
    );
    resolveSlow([]); // the stale answer arrives late and is ignored
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByTestId('search-results').textContent).toContain('OpenAI');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'openai' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('SearchBox with a moment-old answer', () => {
  const row = (id: string) => ({ type: 'company' as const, id, title: id, detail: id });

  it('shows the held answer, then the current one in its place, keeping the active row', async () => {
    let fresher: (r: ReturnType<typeof row>[]) => void = () => {};
    const search = vi.fn((q: string, f: typeof fresher) => {
      fresher = f;
      return Promise.resolve(q ? [row('oracle'), row('openai')] : []);
    });
    render(<SearchBox search={search} onOpen={() => {}} />);
    const box = screen.getByTestId('popup-search');
    fireEvent.input(box, { target: { value: 'o' } });
    await waitFor(() =>
      expect(screen.getByTestId('search-results').textContent).toBe('oracleoracleopenaiopenai'),
    );
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fresher([row('oracle'), row('oraclette'), row('openai')]);
    await waitFor(() =>
      expect(screen.getByTestId('search-results').textContent).toContain('oraclette'),
    );
    expect(screen.getByRole('option', { selected: true }).dataset.id).toBe('oraclette');
  });

  it('never lets the held answer replace a current one that came first', async () => {
    const search = vi.fn((q: string, f: (r: ReturnType<typeof row>[]) => void) => {
      if (!q) return Promise.resolve([]);
      f([row('current')]);
      return Promise.resolve([row('held')]);
    });
    render(<SearchBox search={search} onOpen={() => {}} />);
    fireEvent.input(screen.getByTestId('popup-search'), { target: { value: 'x' } });
    await waitFor(() =>
      expect(screen.getByTestId('search-results').textContent).toContain('current'),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByTestId('search-results').textContent).not.toContain('held');
  });
});

describe('SettingsView', () => {
  it('is labelled for assistive technology and asks before deleting everything', async () => {
    const onDeleteAll = vi.fn();
    const onChangeShortcuts = vi.fn();
    const { container } = render(
      <SettingsView
        settings={DEFAULT_SETTINGS}
        shortcuts={[
          { name: 'reading-mode', description: 'Reading mode', shortcut: 'Alt+Shift+L' },
          { name: 'clip-alliance', description: 'Clip alliance', shortcut: '' },
        ]}
        message={null}
        onChange={() => {}}
        onTurnOnSite={() => {}}
        onBackup={() => {}}
        onRestore={() => {}}
        onDeleteAll={onDeleteAll}
        onChangeShortcuts={onChangeShortcuts}
      />,
    );
    // The key in effect, and a plain "not set" for a command the browser gave no key.
    expect(container.querySelector('[data-command="reading-mode"]')?.textContent).toContain(
      'Alt+Shift+L',
    );
    expect(container.querySelector('[data-command="clip-alliance"]')?.textContent).toContain(
      'not set',
    );
    fireEvent.click(screen.getByTestId('change-shortcuts'));
    expect(onChangeShortcuts).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByTestId('delete-all'));
    expect(onDeleteAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('delete-all-confirm'));
    expect(onDeleteAll).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('AllianceCard', () => {
  it("shows each source link's real host beside the publisher it claims", () => {
    const alliance: AllianceView = {
      ...alliances[0]!,
      sources: [{ url: 'https://fake-news.example/x', publisher: 'Reuters' }],
    };
    render(
      <AllianceCard
        subject={{ type: 'company', id: 'openai' }}
        companies={byId}
        alliances={[alliance]}
        mentioned={new Set()}
        lang="en"
        onPivot={() => {}}
        onOpenManager={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByTestId('source-host').textContent).toContain('fake-news.example');
  });

  it('renders hostile data as text and only http(s) links, as a labelled dialog', async () => {
    const hostile: CompanyView = {
      id: 'evil',
      names: { en: '<img src=x onerror=alert(1)>', ko: '<b>악성</b>' },
      aliases: [],
      origins: ['x'],
    };
    const map = new Map([...byId, ['evil', hostile]]);
    const alliance: AllianceView = {
      ...alliances[0]!,
      id: 'evil-openai',
      members: [{ company: 'evil' }, { company: 'openai' }],
      summary: { en: '<script>alert(1)</script>' },
      sources: [
        { url: 'javascript:alert(1)', title: 'bad' },
        { url: 'https://example.com/ok', publisher: 'Good' },
      ],
    };
    const { container } = render(
      <AllianceCard
        subject={{ type: 'company', id: 'evil' }}
        companies={map}
        alliances={[alliance]}
        mentioned={new Set(['openai'])}
        lang="en"
        onPivot={() => {}}
        onOpenManager={() => {}}
        onClose={() => {}}
      />,
    );
    expect(container.querySelectorAll('img, script, b').length).toBe(0);
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/ok',
    ]);
    expect(container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
