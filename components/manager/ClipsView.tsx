// "My clips": the alliances the user clipped from articles, newest first, with
// their quotes and pages; exported as a pack in one click.
import { formatPartialDate, kindLabel, type Lang, t } from '../../utils/i18n';
import { type CompanyView, companyLabel } from '../../utils/pack/merge';
import { isHttpUrl } from '../../utils/pack/schema';
import type { Alliance } from '../../utils/pack/types';

export interface ClipsViewProps {
  clips: readonly { alliance: Alliance; updated: string }[];
  companies: ReadonlyMap<string, CompanyView>;
  lang: Lang;
  onOpen: (allianceId: string) => void;
  onExport: () => void;
  /** The key bound to the clip command ('' when none). */
  clipShortcut: string;
}

export function ClipsView({
  clips,
  companies,
  lang,
  onOpen,
  onExport,
  clipShortcut,
}: ClipsViewProps) {
  return (
    <section class="panel" aria-labelledby="clips-title">
      <h2 id="clips-title">{t('tabClips')}</h2>
      <p class="help">{t('clipsHelp')}</p>
      <button type="button" onClick={onExport} disabled={!clips.length} data-testid="clips-export">
        {t('clipsExport')}
      </button>
      {clips.length === 0 ? (
        <p class="muted" data-testid="clips-empty">
          {clipShortcut ? t('clipsEmpty', { key: clipShortcut }) : t('clipsEmptyNoKey')}
        </p>
      ) : (
        <ul class="pack-list" data-testid="clips-list">
          {clips.map(({ alliance: a, updated }) => {
            const source = [...a.sources].reverse().find((s) => s.quote) ?? a.sources[0];
            return (
              <li key={a.id} data-alliance={a.id}>
                <div>
                  <button type="button" class="link-button" onClick={() => onOpen(a.id)}>
                    <strong>
                      {a.members
                        .map((m) => companyLabel(companies.get(m.company), m.company, lang))
                        .join(' · ')}
                    </strong>
                  </button>{' '}
                  <span class="kind-tag">{kindLabel(a.kind)}</span>{' '}
                  <span class="muted">{formatPartialDate(updated.slice(0, 10), lang)}</span>
                  {source?.quote && <blockquote class="quote">{source.quote}</blockquote>}
                  {source && isHttpUrl(source.url) && (
                    <a href={source.url} target="_blank" rel="noopener noreferrer">
                      {source.title || source.publisher || source.url}
                    </a>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
