// Suggested packs with one-click subscription. Entries come from the built-in catalog
// (utils/pack/catalog.ts); subscribing goes through the same path as typing the address.
import { useState } from 'preact/hooks';
import type { Lang } from '../utils/i18n';
import { t } from '../utils/i18n';
import { type CatalogEntry, isSubscribed } from '../utils/pack/catalog';

export interface PackCatalogProps {
  entries: readonly CatalogEntry[];
  /** The installed packs, to tell which entries are already subscribed. */
  packs: readonly { sync?: { url?: string } }[];
  lang: Lang;
  /** Subscribes to the address; resolves to an error message or null. */
  onSubscribe: (url: string) => Promise<string | null>;
}

export function PackCatalog({ entries, packs, lang, onSubscribe }: PackCatalogProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (entries.length === 0) return null;

  const subscribe = async (entry: CatalogEntry) => {
    setBusy(entry.id);
    const problem = await onSubscribe(entry.url);
    setBusy(null);
    setErrors((e) => {
      const { [entry.id]: _, ...rest } = e;
      return problem ? { ...rest, [entry.id]: problem } : rest;
    });
  };

  return (
    <section class="panel" aria-labelledby="catalog-title" data-testid="pack-catalog">
      <h2 id="catalog-title">{t('catalogTitle')}</h2>
      <p class="help">{t('catalogHelp')}</p>
      <ul class="pack-list">
        {entries.map((entry) => {
          const subscribed = isSubscribed(entry, packs);
          return (
            <li key={entry.id} data-catalog-id={entry.id}>
              <div>
                <strong>{entry.title}</strong>{' '}
                {entry.official && <span class="badge">{t('catalogOfficial')}</span>}
                <div class="muted">
                  {entry.publisher} ·{' '}
                  <span data-testid="catalog-license">
                    {t('packLicense', { license: entry.license })}
                  </span>{' '}
                  ·{' '}
                  <a href={entry.homepage} target="_blank" rel="noopener noreferrer">
                    {t('catalogHomepage')}
                  </a>
                </div>
                <p>{entry.description[lang]}</p>
                <div class="muted url">{entry.url}</div>
                {errors[entry.id] && (
                  <p class="field-error" role="alert" data-testid="catalog-error">
                    {errors[entry.id]}
                  </p>
                )}
              </div>
              <div class="actions">
                <button
                  type="button"
                  class={subscribed ? undefined : 'primary'}
                  disabled={subscribed || busy !== null}
                  aria-label={
                    subscribed ? undefined : t('catalogSubscribe', { title: entry.title })
                  }
                  data-testid="catalog-subscribe"
                  onClick={() => subscribe(entry)}
                >
                  {subscribed
                    ? t('catalogSubscribed')
                    : busy === entry.id
                      ? t('loading')
                      : t('subscribeButton')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
