// @vitest-environment happy-dom
// Trust: the manager's date filter reads partial dates like the graph, and the
// undo bar's timer is not restarted by re-renders.
import { act, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoBar } from '../../components/manager/UndoBar';
import { overlapsRange } from '../../utils/manager/filter';

describe('manager date filter', () => {
  it('treats year-only and month-only dates as the whole year or month', () => {
    // Ended some time in 2019: overlaps a range from July 2019.
    expect(overlapsRange({ since: '2016', until: '2019' }, '2019-07', '')).toBe(true);
    // Started in 2024: overlaps a range up to March 2024.
    expect(overlapsRange({ since: '2024', until: null }, '', '2024-03')).toBe(true);
    expect(overlapsRange({ since: '2024-05', until: null }, '', '2024-03')).toBe(false);
    expect(overlapsRange({ since: '2016', until: '2018-12' }, '2019', '')).toBe(false);
  });
});

describe('UndoBar', () => {
  afterEach(() => vi.useRealTimers());

  it('dismisses 10 s after the deletion, however often the page re-renders', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    const bar = (n: number) => (
      // A new onDismiss function on each render, as the options page passes it.
      <UndoBar label="OpenAI" onUndo={() => {}} onDismiss={() => onDismiss(n)} />
    );
    const { rerender } = render(bar(0));
    for (let i = 1; i <= 9; i++) {
      act(() => {
        vi.advanceTimersByTime(1000);
      });
      rerender(bar(i));
    }
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
