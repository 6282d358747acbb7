// A list that stays smooth with 50,000 rows: only the rows in view are rendered.
// Keyboard: arrows and Page Up/Down move the active row, Enter opens it.
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  label: string;
  keyOf: (item: T) => string;
  renderRow: (item: T, active: boolean) => ComponentChild;
  onOpen: (item: T) => void;
  testId?: string;
}

const OVERSCAN = 8;

export function VirtualList<T>(p: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const count = p.items.length;

  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [count, active]);

  const first = Math.max(0, Math.floor(scrollTop / p.rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + p.height) / p.rowHeight) + OVERSCAN);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    const el = box.current;
    if (!el) return;
    const top = next * p.rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + p.rowHeight > el.scrollTop + p.height)
      el.scrollTop = top + p.rowHeight - p.height;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const current = p.items[active];
    const page = Math.floor(p.height / p.rowHeight);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
    };
    if (e.key in moves) move(active + moves[e.key]!);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Enter' && current) p.onOpen(current);
    else return;
    e.preventDefault();
  };

  const rows: ComponentChild[] = [];
  for (let i = first; i < last; i++) {
    const item = p.items[i]!;
    rows.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles keys for its rows (aria-activedescendant)
      <div
        key={p.keyOf(item)}
        tabIndex={-1}
        role="option"
        id={`row-${p.keyOf(item)}`}
        aria-selected={i === active}
        aria-posinset={i + 1}
        aria-setsize={count}
        class={i === active ? 'vrow active' : 'vrow'}
        style={{ top: `${i * p.rowHeight}px`, height: `${p.rowHeight}px` }}
        onClick={() => {
          setActive(i);
          p.onOpen(item);
        }}
      >
        {p.renderRow(item, i === active)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class="vlist"
      role="listbox"
      aria-label={p.label}
      tabIndex={0}
      data-testid={p.testId}
      data-count={count}
      aria-activedescendant={p.items[active] ? `row-${p.keyOf(p.items[active])}` : undefined}
      style={{ height: `${p.height}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist-inner" style={{ height: `${count * p.rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
