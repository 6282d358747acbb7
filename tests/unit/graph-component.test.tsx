// @vitest-environment happy-dom
// The network view without a canvas: Cytoscape runs headless, and the published counts, the
// summary and the keyboard list are what a person (or an e2e test) reads.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllianceGraph } from '../../components/AllianceGraph';
import { setLang } from '../../utils/i18n';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import type { AllianceKind } from '../../utils/pack/types';

function company(id: string, en: string, ko: string): CompanyView {
  return { id, names: { en, ko }, aliases: [], origins: ['bundled'] };
}

function alliance(
  id: string,
  kind: AllianceKind,
  members: string[],
  extra: Partial<AllianceView> = {},
): AllianceView {
  return {
    id,
    kind,
    name: null,
    members: members.map((c) => ({ company: c })),
    since: null,
    until: null,
    status: 'active',
    sources: [],
    origin: 'bundled',
    overridden: false,
    ...extra,
  };
}

const companies = [
  company('openai', 'OpenAI', '오픈AI'),
  company('microsoft', 'Microsoft', '마이크로소프트'),
  company('oracle', 'Oracle', '오라클'),
  company('softbank', 'SoftBank', '소프트뱅크'),
  company('amazon', 'Amazon', '아마존'),
  company('anthropic', 'Anthropic', '앤트로픽'),
];
const alliances = [
  alliance('msft-openai', 'investment', ['microsoft', 'openai'], { since: '2019-07' }),
  alliance('stargate', 'joint-venture', ['openai', 'oracle', 'softbank'], {
    name: { en: 'Stargate', ko: '스타게이트' },
    since: '2025-01',
  }),
  alliance('amazon-anthropic', 'investment', ['amazon', 'anthropic'], { since: '2023-09' }),
];

const graph = () => screen.getByTestId('graph');
const counts = () => ({
  nodes: graph().getAttribute('data-node-count'),
  edges: graph().getAttribute('data-edge-count'),
  focus: graph().getAttribute('data-focus'),
});

afterEach(() => {
  cleanup();
  setLang('en');
});

describe('AllianceGraph', () => {
  it('publishes what it shows and summarizes it for screen readers', async () => {
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="en" onSelect={() => {}} />,
    );
    // 6 companies + the Stargate hub; 2 bilateral edges + 3 spokes.
    await waitFor(() => expect(counts()).toEqual({ nodes: '7', edges: '5', focus: '' }));
    expect(graph().getAttribute('role')).toBe('img');
    expect(graph().getAttribute('aria-label')).toBe(
      'Alliance network: 6 companies, 3 alliances shown',
    );
  });

  it('centres on the given companies and follows the depth and kind controls', async () => {
    render(
      <AllianceGraph
        companies={companies}
        alliances={alliances}
        lang="en"
        focusIds={['microsoft', 'amazon']}
        onSelect={() => {}}
      />,
    );
    await waitFor(() =>
      expect(counts()).toEqual({ nodes: '4', edges: '2', focus: 'microsoft,amazon' }),
    );
    fireEvent.change(screen.getByLabelText('Steps out'), { target: { value: '2' } });
    await waitFor(() => expect(counts().nodes).toBe('7'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Joint ventures/ }));
    await waitFor(() => expect(counts()).toMatchObject({ nodes: '4', edges: '2' }));
  });

  it('finds a company by name and keeps the list usable from the keyboard', async () => {
    const onSelect = vi.fn();
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="en" onSelect={onSelect} />,
    );
    const search = screen.getByLabelText('Centre on a company');
    fireEvent.input(search, { target: { value: 'anthropic' } });
    fireEvent.submit(search.closest('form')!);
    await waitFor(() => expect(counts()).toEqual({ nodes: '2', edges: '1', focus: 'anthropic' }));

    fireEvent.input(search, { target: { value: 'Nobody Inc' } });
    fireEvent.submit(search.closest('form')!);
    expect(screen.getByRole('alert').textContent).toContain('Nobody Inc');

    const details = screen.getByText('Show as list').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const item = await screen.findByRole('button', { name: /Amazon – Anthropic/ });
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledWith({ type: 'alliance', id: 'amazon-anthropic' });
  });

  it('finds "오픈 ai" the way the popup search does', async () => {
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="en" onSelect={() => {}} />,
    );
    const search = screen.getByLabelText('Centre on a company');
    fireEvent.input(search, { target: { value: '오픈 ai' } });
    fireEvent.submit(search.closest('form')!);
    await waitFor(() => expect(counts()).toMatchObject({ focus: 'openai' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the network at a point in time', async () => {
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="en" onSelect={() => {}} />,
    );
    const slider = screen.getByRole('slider', { name: 'Point in time' }) as HTMLInputElement;
    await waitFor(() => expect(counts().nodes).toBe('7'));
    expect(slider.getAttribute('aria-valuetext')).toBe('All time');
    // The range starts at the earliest alliance (2019-07); 50 months on is 2023-09.
    fireEvent.input(slider, { target: { value: '50' } });
    fireEvent.change(slider, { target: { value: '50' } });
    await waitFor(() => expect(counts()).toMatchObject({ nodes: '4', edges: '2' }));
    expect(slider.getAttribute('aria-valuetext')).toBe('September 2023');
    fireEvent.click(screen.getByRole('button', { name: 'All time' }));
    await waitFor(() => expect(counts().nodes).toBe('7'));
  });

  it('replays history from the first month and pauses on the month shown', async () => {
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="en" onSelect={() => {}} />,
    );
    const slider = screen.getByRole('slider', { name: 'Point in time' }) as HTMLInputElement;
    await waitFor(() => expect(counts().nodes).toBe('7'));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    // The first frame is drawn at once: July 2019 had only Microsoft and OpenAI.
    expect(slider.getAttribute('aria-valuetext')).toBe('July 2019');
    expect(counts()).toMatchObject({ nodes: '2', edges: '1' });
    const pause = await screen.findByRole('button', { name: 'Pause' });
    expect(pause.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(pause);
    const play = await screen.findByRole('button', { name: 'Play' });
    expect(play.getAttribute('aria-pressed')).toBe('false');
    expect(slider.value).toBe('0');
    expect(counts()).toMatchObject({ nodes: '2', edges: '1' });
  });

  it('labels in Korean', async () => {
    setLang('ko');
    render(
      <AllianceGraph companies={companies} alliances={alliances} lang="ko" onSelect={() => {}} />,
    );
    await waitFor(() =>
      expect(graph().getAttribute('aria-label')).toBe('제휴 네트워크: 기업 6곳, 제휴 3건 표시'),
    );
    const details = screen.getByText('목록으로 보기').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(
      await screen.findByRole('button', { name: /스타게이트: 오픈AI, 오라클, 소프트뱅크/ }),
    ).toBeTruthy();
  });
});
