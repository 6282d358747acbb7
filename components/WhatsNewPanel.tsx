// The popup's "what's new": how many alliances updates brought that the reader
// has not marked as read, since when, and the newest of them to open.
// Everything shown comes from packs and is rendered as text.
import { useState } from 'preact/hooks';
import { kindLabel, type Lang, t } from '../utils/i18n';
import type { WhatsNewSummary } from '../utils/messaging';
import { allianceLabel } from '../utils/pack/merge';

export interface WhatsNewPanelProps {
  summary: WhatsNewSummary;
  lang: Lang;
  /** A pack's title by origin, to say where an alliance came from. */
  packTitle: (origin: string) => string | undefined;
  onOpen: (allianceId: string) => void;
  onDismiss: () => void;
}

/** A day in the reader's language and time zone: "Dec 6, 2026", "2026년 12월 6일". */
export function formatDay(iso: string, lang: Lang): string {
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, opts).format(new Date(iso));
}

export function WhatsNewPanel({ summary, lang, packTitle, onOpen, onDismiss }: WhatsNewPanelProps) {
  const [open, setOpen] = useState(false);
  if (summary.count === 0 || !summary.since) return null;
  const date = formatDay(summary.since, lang);
  const headline =
    summary.count === 1
      ? t('whatsNewOne', { date })
      : t('whatsNewMany', { count: summary.count, date });
  const companies = new Map(summary.companies.map((c) => [c.id, c]));
  const more = summary.count - summary.alliances.length;
  return (
    <section class="whats-new" aria-labelledby="whats-new-title" data-testid="whats-new">
      <div class="whats-new-row">
        <h2 id="whats-new-title" class="whats-new-title">
          {headline}
        </h2>
        <span class="whats-new-actions">
          <button
            type="button"
            class="link-button"
            aria-expanded={open}
            aria-controls="whats-new-list"
            data-testid="whats-new-toggle"
            onClick={() => setOpen(!open)}
          >
            {open ? t('whatsNewHide') : t('whatsNewShow')}
          </button>
          <button
            type="button"
            class="link-button"
            data-testid="whats-new-dismiss"
            onClick={onDismiss}
          >
            {t('whatsNewDismiss')}
          </button>
        </span>
      </div>
      {open && (
        <ul id="whats-new-list" class="found-list" data-testid="whats-new-list">
          {summary.alliances.map((a) => {
            const from = packTitle(a.origin);
            return (
              <li key={a.id}>
                <button
                  type="button"
                  class="found"
                  data-alliance={a.id}
                  onClick={() => onOpen(a.id)}
                >
                  <span>{allianceLabel(a, companies, lang)}</span>
                  <span class="muted">
                    {kindLabel(a.kind)}
                    {from ? ` · ${t('whatsNewFrom', { pack: from })}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
          {more > 0 && <li class="muted">{t('whatsNewMore', { count: more })}</li>}
        </ul>
      )}
    </section>
  );
}
