// Installed packs and subscriptions: where each comes from, its sync state,
// and the controls (sync now, on/off, priority, export, remove).
import { useState } from 'preact/hooks';
import type { StoredPack } from '../utils/db/records';
import { formatPartialDate, t } from '../utils/i18n';

export interface PackListProps {
  packs: StoredPack[];
  onExport: (pack: StoredPack) => void;
  onRemove: (pack: StoredPack) => void;
  onSync?: (pack: StoredPack | null) => void;
  onToggle?: (pack: StoredPack, enabled: boolean) => void;
  onMove?: (pack: StoredPack, direction: -1 | 1) => void;
  /** Adds a subscription by URL; resolves to an error message or null. */
  onSubscribe?: (url: string) => Promise<string | null>;
}

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function PackList({
  packs,
  onExport,
  onRemove,
  onSync,
  onToggle,
  onMove,
  onSubscribe,
}: PackListProps) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const movable = packs.filter((p) => p.origin !== 'bundled');
  const subscribe = async (e: Event) => {
    e.preventDefault();
    if (!onSubscribe || !url.trim()) return;
    setBusy(true);
    const problem = await onSubscribe(url.trim());
    setBusy(false);
    setError(problem);
    if (!problem) setUrl('');
  };
  return (
    <section class="panel" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packsTitle')}</h2>
      {onSubscribe && (
        <form class="filters" onSubmit={subscribe} aria-labelledby="subscribe-label">
          <label id="subscribe-label">
            {t('subscribeLabel')}
            <input
              type="url"
              size={50}
              value={url}
              placeholder="https://example.com/pack.json"
              data-testid="subscribe-url"
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary" disabled={busy} data-testid="subscribe">
            {busy ? t('loading') : t('subscribeButton')}
          </button>
          {onSync && (
            <button type="button" onClick={() => onSync(null)} data-testid="sync-all">
              {t('syncAll')}
            </button>
          )}
        </form>
      )}
      {error && (
        <p class="field-error" role="alert" data-testid="subscribe-error">
          {error}
        </p>
      )}
      <ul class="pack-list" data-testid="pack-list">
        {packs.map((p) => (
          <li key={p.origin} data-origin={p.origin}>
            <div>
              <strong>{p.title}</strong>{' '}
              {p.origin === 'bundled' && <span class="badge">{t('packBundled')}</span>}
              {!p.enabled && <span class="badge">{t('packOff')}</span>}
              <div class="muted">
                {p.publisher && `${p.publisher} · `}
                {t('packCounts', { companies: p.counts.companies, alliances: p.counts.alliances })}{' '}
                · {t('packUpdated', { date: formatPartialDate(p.updated.slice(0, 10)) })} ·{' '}
                <span data-testid="pack-license">
                  {p.license ? t('packLicense', { license: p.license }) : t('packNoLicense')}
                </span>
              </div>
              {p.sync?.url && (
                <div class="muted sync-line" data-testid="sync-state">
                  <span class="url">{p.sync.url}</span>
                  <br />
                  {t('syncLast', { when: when(p.sync.lastSuccess) })} ·{' '}
                  {t('syncNext', { when: when(p.sync.nextCheck) })}
                  {p.sync.lastError && (
                    <span class="field-error" data-testid="sync-error">
                      {' '}
                      · {t('syncError', { error: p.sync.lastError })}
                    </span>
                  )}
                </div>
              )}
            </div>
            <div class="actions">
              {p.sync?.url && onSync && (
                <button type="button" onClick={() => onSync(p)} data-testid="sync-one">
                  {t('syncNow')}
                </button>
              )}
              {p.origin !== 'bundled' && onToggle && (
                <label>
                  <input
                    type="checkbox"
                    checked={p.enabled}
                    onChange={(e) => onToggle(p, e.currentTarget.checked)}
                  />{' '}
                  {t('packEnabled')}
                </label>
              )}
              {p.origin !== 'bundled' && onMove && (
                <>
                  <button
                    type="button"
                    aria-label={t('packUp', { title: p.title })}
                    disabled={movable[0] === p}
                    onClick={() => onMove(p, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('packDown', { title: p.title })}
                    disabled={movable.at(-1) === p}
                    onClick={() => onMove(p, 1)}
                  >
                    ↓
                  </button>
                </>
              )}
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
