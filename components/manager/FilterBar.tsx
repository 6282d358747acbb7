// The filters above a manager list: the text search, the record's origin, the
// sort order and "New", in the same places on every list; a list adds its own
// controls (kind, status, dates) between the search and the origin.
import type { ComponentChildren } from 'preact';
import type { StoredPack } from '../../utils/db/records';
import { t } from '../../utils/i18n';
import type { OriginFilter } from '../../utils/manager/filter';
import { OriginSelect } from './OriginSelect';

export interface FilterBarProps<S extends string> {
  text: string;
  onText: (text: string) => void;
  searchTestId: string;
  origin: OriginFilter;
  packs: readonly StoredPack[];
  onOrigin: (origin: OriginFilter) => void;
  sort: S;
  /** The sort orders offered, with their labels, first the default. */
  sorts: readonly (readonly [S, string])[];
  onSort: (sort: S) => void;
  newLabel: string;
  newTestId: string;
  onNew: () => void;
  children?: ComponentChildren;
}

export function FilterBar<S extends string>(p: FilterBarProps<S>) {
  return (
    <>
      <label>
        {t('filterText')}
        <input
          type="search"
          value={p.text}
          data-testid={p.searchTestId}
          onInput={(e) => p.onText(e.currentTarget.value)}
        />
      </label>
      {p.children}
      <OriginSelect value={p.origin} packs={p.packs} onChange={p.onOrigin} />
      <label>
        {t('sortBy')}
        <select value={p.sort} onChange={(e) => p.onSort(e.currentTarget.value as S)}>
          {p.sorts.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={p.onNew} data-testid={p.newTestId}>
        {p.newLabel}
      </button>
    </>
  );
}
