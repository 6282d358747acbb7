// The popup's view of the current page: on/off for the site, and the companies found.
import { t } from '../utils/i18n';
import type { PageSummary } from '../utils/messaging';

export interface PagePanelProps {
  hostname: string | null;
  summary: PageSummary | null;
  busy: boolean;
  notice: string | null;
  onToggle: (enabled: boolean) => void;
  onShowCompany: (companyId: string) => void;
  /** Opens the alliance network focused on these companies. */
  onShowNetwork: (companyIds: string[]) => void;
}

export function PagePanel({
  hostname,
  summary,
  busy,
  notice,
  onToggle,
  onShowCompany,
  onShowNetwork,
}: PagePanelProps) {
  if (!hostname) return <p class="muted">{t('popupSiteUnknown')}</p>;
  const enabled = summary?.enabled ?? false;
  const companies = [...(summary?.companies ?? [])].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name),
  );
  return (
    <section class="page-panel" aria-labelledby="page-title">
      <div class="site-row">
        <h2 id="page-title" class="site-host">
          {hostname}
        </h2>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={enabled}
            checked={enabled}
            disabled={busy}
            data-testid="site-toggle"
            onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('popupThisSite')}</span>
        </label>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {!enabled ? (
        <p class="muted">{t('popupOffHere')}</p>
      ) : companies.length === 0 ? (
        <p class="muted">{t('popupFoundNone')}</p>
      ) : (
        <>
          <h3 class="section-title">{t('popupFound')}</h3>
          <ul class="found-list" data-testid="found-list">
            {companies.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class="found"
                  data-company={c.id}
                  data-count={c.count}
                  onClick={() => onShowCompany(c.id)}
                >
                  <span>{c.name}</span>
                  <span class="muted">{t('popupMentions', { count: c.count })}</span>
                </button>
              </li>
            ))}
          </ul>
          <p class="muted" data-testid="ties">
            {t('popupTies', { count: summary?.alliancesBetween ?? 0 })}
          </p>
          <button
            type="button"
            class="link-button"
            data-testid="show-network"
            onClick={() => onShowNetwork(companies.map((c) => c.id))}
          >
            {t('popupNetwork')}
          </button>
        </>
      )}
    </section>
  );
}
