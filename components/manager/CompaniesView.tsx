// Companies: a filterable, sortable list beside the company editor.
import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StoredPack } from '../../utils/db/records';
import { type Lang, t } from '../../utils/i18n';
import { type CompanyFilter, filterCompanies } from '../../utils/manager/filter';
import { type CompanyView, companyLabel } from '../../utils/pack/merge';
import { FilterBar } from './FilterBar';
import { ListPage } from './ListPage';

export interface CompaniesViewProps {
  companies: readonly CompanyView[];
  ties: ReadonlyMap<string, number>;
  packs: readonly StoredPack[];
  lang: Lang;
  selected: string | null;
  onSelect: (id: string | null) => void;
  editor: ComponentChild;
}

export function CompaniesView(p: CompaniesViewProps) {
  const [filter, setFilter] = useState<CompanyFilter>({ text: '', origin: 'all', sort: 'name' });
  const items = useMemo(
    () => filterCompanies(p.companies, p.ties, filter, p.lang),
    [p.companies, p.ties, filter, p.lang],
  );
  return (
    <ListPage
      title={t('tabCompanies')}
      selected={p.selected}
      editor={p.editor}
      items={items}
      testId="company-list"
      keyOf={(c) => c.id}
      onOpen={(c) => p.onSelect(c.id)}
      renderRow={(c) => (
        <>
          <span class="grow">
            <strong>{companyLabel(c, c.id, p.lang)}</strong>{' '}
            <span class="muted">{companyLabel(c, c.id, p.lang === 'ko' ? 'en' : 'ko')}</span>
          </span>
          {c.origins.includes('user') && (
            <span class="badge">
              {c.origins.length > 1 ? t('overriddenBadge') : t('mineBadge')}
            </span>
          )}
          <span class="muted">{t('tiesCount', { count: p.ties.get(c.id) ?? 0 })}</span>
        </>
      )}
    >
      <FilterBar
        text={filter.text}
        onText={(text) => setFilter({ ...filter, text })}
        searchTestId="company-search"
        origin={filter.origin}
        packs={p.packs}
        onOrigin={(origin) => setFilter({ ...filter, origin })}
        sort={filter.sort}
        sorts={[
          ['name', t('sortName')],
          ['ties', t('sortTies')],
        ]}
        onSort={(sort) => setFilter({ ...filter, sort })}
        newLabel={t('newCompany')}
        newTestId="new-company"
        onNew={() => p.onSelect('')}
      />
    </ListPage>
  );
}
