import type { StoredPack } from '../utils/db/records';
import { formatPartialDate, t } from '../utils/i18n';

export interface PackListProps {
  packs: StoredPack[];
  onExport: (pack: StoredPack) => void;
  onRemove: (pack: StoredPack) => void;
}

export function PackList({ packs, onExport, onRemove }: PackListProps) {
  return (
    <section class="panel" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packsTitle')}</h2>
      <ul class="pack-list" data-testid="pack-list">
        {packs.map((p) => (
          <li key={p.origin} data-origin={p.origin}>
            <div>
              <strong>{p.title}</strong>{' '}
              {p.origin === 'bundled' && <span class="badge">{t('packBundled')}</span>}
              <div class="muted">
                {t('packCounts', { companies: p.counts.companies, alliances: p.counts.alliances })}{' '}
                · {t('packUpdated', { date: formatPartialDate(p.updated.slice(0, 10)) })}
              </div>
            </div>
            <div class="actions">
              <button type="button" onClick={() => onExport(p)}>
                {t('packExport')}
              </button>
              {p.origin !== 'bundled' && (
                <button type="button" onClick={() => onRemove(p)}>
                  {t('packRemove')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
