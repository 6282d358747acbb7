// A manager tab: filters and a virtualized list on one side, the editor of the
// chosen row on the other.
import type { ComponentChild, ComponentChildren } from 'preact';
import { t } from '../../utils/i18n';
import { VirtualList, type VirtualListProps } from './VirtualList';

export interface ListPageProps<T>
  extends Pick<VirtualListProps<T>, 'items' | 'keyOf' | 'renderRow' | 'onOpen' | 'testId'> {
  title: string;
  /** The filter controls above the list. */
  children: ComponentChildren;
  /** The chosen row's id ('' for a new record), or null for none. */
  selected: string | null;
  editor: ComponentChild;
}

export function ListPage<T>(p: ListPageProps<T>) {
  const titleId = `${p.testId ?? 'list'}-title`;
  return (
    <div class="split">
      <section aria-labelledby={titleId}>
        <h2 id={titleId} class="visually-hidden">
          {p.title}
        </h2>
        <div class="filters">{p.children}</div>
        <p class="muted" aria-live="polite">
          {t('resultsCount', { count: p.items.length })}
        </p>
        <VirtualList
          items={p.items}
          rowHeight={40}
          height={560}
          label={p.title}
          testId={p.testId}
          keyOf={p.keyOf}
          onOpen={p.onOpen}
          renderRow={p.renderRow}
        />
      </section>
      <div>{p.selected !== null ? p.editor : <p class="muted">{t('selectToEdit')}</p>}</div>
    </div>
  );
}
