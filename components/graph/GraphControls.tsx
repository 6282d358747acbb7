// The network's controls: focus search and chips, depth, status and kind filters, reset, and
// the time bar. They only report choices; AllianceGraph holds the state.
import { useId, useMemo } from 'preact/hooks';
import { type Depth, KIND_COLORS } from '../../utils/graph/build';
import { kindLabel, type Lang, t } from '../../utils/i18n';
import { type CompanyView, companyLabel } from '../../utils/pack/merge';
import {
  ALLIANCE_KINDS,
  ALLIANCE_STATUSES,
  type AllianceKind,
  type AllianceStatus,
} from '../../utils/pack/types';
import type { TimePlayer } from './use-time-player';

export interface GraphControlsProps {
  companies: readonly CompanyView[];
  lang: Lang;
  search: FocusSearchProps;
  focus: readonly string[];
  /** A company's shown name. */
  label: (companyId: string) => string;
  onFocus: (companyIds: string[]) => void;
  depth: Depth;
  onDepth: (depth: Depth) => void;
  kinds: ReadonlySet<AllianceKind>;
  onKinds: (kinds: ReadonlySet<AllianceKind>) => void;
  statuses: ReadonlySet<AllianceStatus>;
  onStatuses: (statuses: ReadonlySet<AllianceStatus>) => void;
  onReset: () => void;
  player: TimePlayer;
  /** The latest month of the time range (the "now" button). */
  now: string;
}

export interface FocusSearchProps {
  query: string;
  /** The name last searched for in vain. */
  notFound: string | null;
  onInput: (e: Event) => void;
  onSubmit: () => void;
}

function toggle<T>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function GraphControls(p: GraphControlsProps) {
  const ids = useId();
  return (
    <div class="graph-controls">
      <FocusSearch id={ids} companies={p.companies} lang={p.lang} {...p.search} />

      {p.focus.length > 0 && (
        <div class="graph-focus">
          <span class="muted">{t('graphFocused')}:</span>
          {p.focus.map((id) => (
            <span key={id} class="graph-chip">
              {p.label(id)}
              <button
                type="button"
                class="graph-chip-remove"
                aria-label={t('graphFocusRemove', { name: p.label(id) })}
                onClick={() => p.onFocus(p.focus.filter((f) => f !== id))}
              >
                ×
              </button>
            </span>
          ))}
          <button type="button" class="link-button" onClick={() => p.onFocus([])}>
            {t('graphFocusClear')}
          </button>
        </div>
      )}

      <div class="graph-row">
        <label>
          {t('graphDepth')}{' '}
          <select
            value={String(p.depth)}
            disabled={p.focus.length === 0}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              p.onDepth(v === 'all' ? 'all' : v === '2' ? 2 : 1);
            }}
          >
            <option value="1">{t('graphDepth1')}</option>
            <option value="2">{t('graphDepth2')}</option>
            <option value="all">{t('graphDepthAll')}</option>
          </select>
        </label>
        <fieldset class="graph-statuses">
          <legend>{t('graphStatuses')}</legend>
          {ALLIANCE_STATUSES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={p.statuses.has(s)}
                onChange={(e) =>
                  p.onStatuses(toggle(p.statuses, s, (e.currentTarget as HTMLInputElement).checked))
                }
              />{' '}
              {t(`status_${s}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={p.onReset}>
          {t('graphReset')}
        </button>
      </div>

      <fieldset class="graph-kinds">
        <legend>{t('graphKinds')}</legend>
        {ALLIANCE_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={p.kinds.has(k)}
              onChange={(e) =>
                p.onKinds(toggle(p.kinds, k, (e.currentTarget as HTMLInputElement).checked))
              }
            />{' '}
            <span class="graph-swatch" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
            {kindLabel(k)}
          </label>
        ))}
      </fieldset>

      <TimeBar id={`${ids}-time`} player={p.player} now={p.now} />
    </div>
  );
}

function FocusSearch(
  p: FocusSearchProps & { id: string; companies: readonly CompanyView[]; lang: Lang },
) {
  const { companies, lang } = p;
  const datalistId = `${p.id}-companies`;
  const notFoundId = `${p.id}-notfound`;
  // 2,000 options are made once per data set and language, not on every render.
  const options = useMemo(
    () =>
      companies.map((c) => (
        <option key={c.id} value={companyLabel(c, c.id, lang)}>
          {lang === 'ko' ? c.names.en : c.names.ko}
        </option>
      )),
    [companies, lang],
  );
  return (
    <form
      class="graph-search"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <label for={`${p.id}-search`}>{t('graphFocusLabel')}</label>
      <input
        id={`${p.id}-search`}
        type="search"
        list={datalistId}
        value={p.query}
        placeholder={t('graphFocusPlaceholder')}
        autocomplete="off"
        aria-invalid={p.notFound ? true : undefined}
        aria-describedby={p.notFound ? notFoundId : undefined}
        onInput={p.onInput}
      />
      <datalist id={datalistId}>{options}</datalist>
      <button type="submit">{t('graphFocusGo')}</button>
      {p.notFound && (
        <span id={notFoundId} class="graph-notfound" role="alert">
          {t('graphFocusNotFound', { name: p.notFound })}
        </span>
      )}
    </form>
  );
}

/** The slider and its label are filled in by the player, which moves them on every frame. */
function TimeBar({ id, player, now }: { id: string; player: TimePlayer; now: string }) {
  return (
    <div class="graph-time">
      <label for={id}>{t('graphTime')}</label>
      <input
        ref={player.sliderRef}
        id={id}
        type="range"
        min={0}
        max={player.months}
        step={1}
        onInput={player.onSlide}
        onChange={player.onSlideDone}
      />
      <output ref={player.labelRef} for={id} class="graph-time-label" />
      <button type="button" aria-pressed={player.playing} onClick={player.togglePlay}>
        {player.playing ? t('graphPause') : t('graphPlay')}
      </button>
      <button type="button" onClick={() => player.jumpTo(now)}>
        {t('graphNow')}
      </button>
      <button type="button" onClick={() => player.jumpTo(null)}>
        {t('graphTimeAll')}
      </button>
    </div>
  );
}
