// Alliances: filter by kind, status, origin, date range and text; sort; edit beside.
import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StoredPack } from '../../utils/db/records';
import { formatPartialDate, kindLabel, t } from '../../utils/i18n';
import { type AllianceFilter, allianceLabel, filterAlliances } from '../../utils/manager/filter';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import type { AllianceKind, AllianceStatus } from '../../utils/pack/types';
import { KindOptions, StatusOptions } from '../AllianceOptions';
import { ListPage } from './ListPage';
import { OriginSelect } from './OriginSelect';

export interface AlliancesViewProps {
  alliances: readonly AllianceView[];
  companiesById: ReadonlyMap<string, CompanyView>;
  packs: readonly StoredPack[];
  lang: 'en' | 'ko';
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
      <label>
        {t('filterText')}
        <input
          type="search"
          value={filter.text}
          data-testid="alliance-search"
          onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
        />
      </label>
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
      <OriginSelect
        value={filter.origin}
        packs={p.packs}
        onChange={(origin) => setFilter({ ...filter, origin })}
      />
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
      <label>
        {t('sortBy')}
        <select
          value={filter.sort}
          onChange={(e) =>
            setFilter({ ...filter, sort: e.currentTarget.value as AllianceFilter['sort'] })
          }
        >
          <option value="since">{t('sortSince')}</option>
          <option value="kind">{t('sortKind')}</option>
          <option value="name">{t('sortName')}</option>
        </select>
      </label>
      <button type="button" onClick={() => p.onSelect('')} data-testid="new-alliance">
        {t('newAlliance')}
      </button>
    </ListPage>
  );
}
