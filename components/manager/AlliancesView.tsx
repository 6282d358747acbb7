// Alliances: filter by kind, status, origin, date range and text; sort; edit beside.
import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StoredPack } from '../../utils/db/records';
import { formatPartialDate, kindLabel, type Lang, t } from '../../utils/i18n';
import { type AllianceFilter, filterAlliances } from '../../utils/manager/filter';
import { type AllianceView, allianceLabel, type CompanyView } from '../../utils/pack/merge';
import type { AllianceKind, AllianceStatus } from '../../utils/pack/types';
import { KindOptions, StatusOptions } from '../AllianceOptions';
import { FilterBar } from './FilterBar';
import { ListPage } from './ListPage';

export interface AlliancesViewProps {
  alliances: readonly AllianceView[];
  companiesById: ReadonlyMap<string, CompanyView>;
  packs: readonly StoredPack[];
  lang: Lang;
  selected: string | null;
  onSelect: (id: string | null) => void;
  editor: ComponentChild;
}

export function AlliancesView(p: AlliancesViewProps) {
  const [filter, setFilter] = useState<AllianceFilter>({
    text: '',
    origin: 'all',
    kinds: new Set(),
    statuses: new Set(),
    from: '',
    to: '',
    sort: 'since',
  });
  const items = useMemo(
    () => filterAlliances(p.alliances, p.companiesById, filter, p.lang),
    [p.alliances, p.companiesById, filter, p.lang],
  );
  const one = <T,>(value: string): Set<T> => (value ? new Set([value as T]) : new Set());
  return (
    <ListPage
      title={t('tabAlliances')}
      selected={p.selected}
      editor={p.editor}
      items={items}
      testId="alliance-list"
      keyOf={(a) => a.id}
      onOpen={(a) => p.onSelect(a.id)}
      renderRow={(a) => (
        <>
          <span class="kind-tag">{kindLabel(a.kind)}</span>
          <span class="grow">{allianceLabel(a, p.companiesById, p.lang)}</span>
          {a.origin === 'user' && (
            <span class="badge">{a.overridden ? t('overriddenBadge') : t('mineBadge')}</span>
          )}
          <span class="muted">
            {formatPartialDate(a.since, p.lang)}
            {a.until ? ` – ${formatPartialDate(a.until, p.lang)}` : ''}
          </span>
        </>
      )}
    >
      <FilterBar
        text={filter.text}
        onText={(text) => setFilter({ ...filter, text })}
        searchTestId="alliance-search"
        origin={filter.origin}
        packs={p.packs}
        onOrigin={(origin) => setFilter({ ...filter, origin })}
        sort={filter.sort}
        sorts={[
          ['since', t('sortSince')],
          ['kind', t('sortKind')],
          ['name', t('sortName')],
        ]}
        onSort={(sort) => setFilter({ ...filter, sort })}
        newLabel={t('newAlliance')}
        newTestId="new-alliance"
        onNew={() => p.onSelect('')}
      >
        <label>
          {t('filterKind')}
          <select
            data-testid="kind-filter"
            onChange={(e) =>
              setFilter({ ...filter, kinds: one<AllianceKind>(e.currentTarget.value) })
            }
          >
            <option value="">{t('anyKind')}</option>
            <KindOptions />
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select
            data-testid="status-filter"
            onChange={(e) =>
              setFilter({ ...filter, statuses: one<AllianceStatus>(e.currentTarget.value) })
            }
          >
            <option value="">{t('anyStatus')}</option>
            <StatusOptions />
          </select>
        </label>
        <label>
          {t('filterFrom')}
          <input
            size={7}
            placeholder="2023"
            value={filter.from}
            onInput={(e) => setFilter({ ...filter, from: e.currentTarget.value.trim() })}
          />
        </label>
        <label>
          {t('filterTo')}
          <input
            size={7}
            placeholder="2025-06"
            value={filter.to}
            onInput={(e) => setFilter({ ...filter, to: e.currentTarget.value.trim() })}
          />
        </label>
      </FilterBar>
    </ListPage>
  );
}
