import type { TrashEntry } from '../../utils/db/records';
import { t } from '../../utils/i18n';

export function TrashView({
  entries,
  onRestore,
}: {
  entries: readonly TrashEntry[];
  onRestore: (seq: number) => void;
}) {
  return (
    <section class="panel" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('tabTrash')}</h2>
      <p class="help">{t('trashHelp')}</p>
      {entries.length === 0 ? (
        <p class="muted">{t('trashEmpty')}</p>
      ) : (
        <ul class="pack-list" data-testid="trash-list">
          {entries.map((e) => (
            <li key={e.seq}>
              <div>
                <strong>{e.label}</strong>{' '}
                <span class="muted">
                  ({e.type} · {new Date(e.deletedAt).toLocaleString()})
                </span>
              </div>
              <button type="button" onClick={() => onRestore(e.seq!)}>
                {t('restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
