// Companies: a filterable, sortable list beside the company editor.
import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StoredPack } from '../../utils/db/records';
import { t } from '../../utils/i18n';
import { type CompanyFilter, companyLabel, filterCompanies } from '../../utils/manager/filter';
import type { CompanyView } from '../../utils/pack/merge';
import { OriginSelect } from './OriginSelect';
import { VirtualList } from './VirtualList';

export interface CompaniesViewProps {
  companies: readonly CompanyView[];
  ties: ReadonlyMap<string, number>;
  packs: readonly StoredPack[];
  lang: 'en' | 'ko';
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
    <div class="split">
      <section aria-labelledby="companies-title">
        <h2 id="companies-title" class="visually-hidden">
          {t('tabCompanies')}
        </h2>
        <div class="filters">
          <label>
            {t('filterText')}
            <input
              type="search"
              value={filter.text}
              data-testid="company-search"
              onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
            />
          </label>
          <OriginSelect
            value={filter.origin}
            packs={p.packs}
            onChange={(origin) => setFilter({ ...filter, origin })}
          />
          <label>
            {t('sortBy')}
            <select
              value={filter.sort}
              onChange={(e) =>
                setFilter({ ...filter, sort: e.currentTarget.value as CompanyFilter['sort'] })
              }
            >
              <option value="name">{t('sortName')}</option>
              <option value="ties">{t('sortTies')}</option>
            </select>
          </label>
          <button type="button" onClick={() => p.onSelect('')} data-testid="new-company">
            {t('newCompany')}
          </button>
        </div>
        <p class="muted" aria-live="polite">
          {t('resultsCount', { count: items.length })}
        </p>
        <VirtualList
          items={items}
          rowHeight={40}
          height={560}
          label={t('tabCompanies')}
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
        />
      </section>
      <div>{p.selected !== null ? p.editor : <p class="muted">{t('selectToEdit')}</p>}</div>
    </div>
  );
}
