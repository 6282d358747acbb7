// Export the dataset as a pack (everything, only mine, one company's
// neighbourhood) or the alliances as CSV for spreadsheets.
import { useState } from 'preact/hooks';
import type { ExportScope } from '../../utils/db/reader';
import { type Lang, t } from '../../utils/i18n';
import type { CompanyView } from '../../utils/pack/merge';
import { CompanyDatalist } from './CompanyDatalist';

export interface ExportPanelProps {
  companies: readonly CompanyView[];
  lang: Lang;
  onExport: (scope: ExportScope, format: 'json' | 'csv') => void;
}

export function ExportPanel({ companies, lang, onExport }: ExportPanelProps) {
  const [scope, setScope] = useState<'all' | 'mine' | 'company'>('all');
  const [companyId, setCompanyId] = useState('');
  const chosen = (): ExportScope | null =>
    scope === 'company'
      ? companies.some((c) => c.id === companyId)
        ? { kind: 'company', companyId }
        : null
      : { kind: scope };
  return (
    <section class="panel editor" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <fieldset class="field">
        <legend>{t('exportWhat')}</legend>
        {(['all', 'mine', 'company'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="export-scope"
              value={s}
              checked={scope === s}
              onChange={() => setScope(s)}
            />{' '}
            {t(`exportScope_${s}`)}
          </label>
        ))}
        {scope === 'company' && (
          <label class="field">
            <span>{t('fieldCompany')}</span>
            <input
              list="export-companies"
              value={companyId}
              onInput={(e) => setCompanyId(e.currentTarget.value.trim())}
              data-testid="export-company"
            />
            <CompanyDatalist id="export-companies" companies={companies} lang={lang} />
          </label>
        )}
      </fieldset>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="export-json"
          disabled={!chosen()}
          onClick={() => onExport(chosen()!, 'json')}
        >
          {t('exportJson')}
        </button>
        <button
          type="button"
          data-testid="export-csv"
          disabled={!chosen()}
          onClick={() => onExport(chosen()!, 'csv')}
        >
          {t('exportCsv')}
        </button>
      </div>
    </section>
  );
}
