// Search as you type across companies and alliances; arrows move, Enter opens.
import { useEffect, useRef, useState } from 'preact/hooks';
import { kindLabel, type Lang, t } from '../utils/i18n';
import { type AllianceView, allianceName, type CompanyView } from '../utils/pack/merge';

export interface SearchResult {
  type: 'company' | 'alliance';
  id: string;
  title: string;
  detail: string;
}

export interface SearchBoxProps {
  /**
   * The results for `query`. A search that first answers from a moment-old
   * dataset (while the database is busy) gives the current results to `fresher` later.
   */
  search: (query: string, fresher: (results: SearchResult[]) => void) => Promise<SearchResult[]>;
  onOpen: (result: SearchResult) => void;
}

export function companyResult(c: CompanyView, lang: Lang): SearchResult {
  const [first, second] = lang === 'ko' ? [c.names.ko, c.names.en] : [c.names.en, c.names.ko];
  return { type: 'company', id: c.id, title: first, detail: second };
}

export function allianceResult(
  a: AllianceView,
  names: (id: string) => string,
  lang: Lang,
): SearchResult {
  const name = allianceName(a, lang);
  const members = a.members.map((m) => names(m.company)).join(' · ');
  return {
    type: 'alliance',
    id: a.id,
    title: name ?? members,
    detail: `${kindLabel(a.kind)}${name ? ` · ${members}` : ''}`,
  };
}

export function SearchBox({ search, onOpen }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  /** The query the shown results answer (so "nothing found" never flashes while searching). */
  const [answered, setAnswered] = useState('');
  const [active, setActive] = useState(0);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  // The popup opens to type in: focus the box, as search-first popups do.
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const ticket = ++latest.current;
    let current = false;
    const fresher = (r: SearchResult[]) => {
      if (ticket !== latest.current) return;
      current = true;
      setResults(r);
      setAnswered(query);
      // Keep the reader's place in the list when the current answer replaces a moment-old one.
      setActive((a) => Math.max(0, Math.min(a, r.length - 1)));
    };
    search(query, fresher).then((r) => {
      // Answers can come back out of order; only the newest query's answer counts,
      // and a moment-old answer never replaces the current one.
      if (ticket === latest.current && !current) {
        setResults(r);
        setAnswered(query);
        setActive(0);
      }
    });
  }, [query, search]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive(Math.min(results.length - 1, active + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, active - 1));
    else if (e.key === 'Enter' && results[active]) onOpen(results[active]);
    else return;
    e.preventDefault();
  };

  const optionId = (r: SearchResult) => `result-${r.type}-${r.id}`;
  return (
    <div class="search">
      <input
        type="search"
        ref={input}
        aria-controls={results.length ? 'search-results' : undefined}
        aria-activedescendant={results[active] ? optionId(results[active]) : undefined}
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        data-testid="popup-search"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {results.length > 0 && (
        <div
          id="search-results"
          role="listbox"
          aria-label={t('searchLabel')}
          class="results"
          data-testid="search-results"
          data-query={answered}
        >
          {results.map((r, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the search input handles the keys
            <div
              key={optionId(r)}
              id={optionId(r)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'result active' : 'result'}
              data-type={r.type}
              data-id={r.id}
              onClick={() => onOpen(r)}
            >
              <span class="result-title">{r.title}</span>
              <span class="muted">{r.detail}</span>
            </div>
          ))}
        </div>
      )}
      {answered.trim() && answered === query && results.length === 0 && (
        <p class="muted" data-query={answered}>
          {t('searchNothing')}
        </p>
      )}
    </div>
  );
}
