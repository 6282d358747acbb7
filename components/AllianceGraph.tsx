// The alliance network: companies as nodes, alliances as edges coloured by kind, named and
// multi-party alliances as hub nodes. Cytoscape draws on a canvas (labels are canvas text, so
// untrusted names are never parsed as markup); a list of the shown alliances is the keyboard
// companion.
//
// Speed with thousands of elements: the Cytoscape instance is made once; the elements are the
// current focus's "scope" (the graph before kind/status/time filters) and are laid out once per
// scope with a grid-bucketed force layout (utils/graph/layout.ts); filters and the time slider
// only toggle a `hidden` class on the elements that change, inside cy.batch. Playing the slider
// updates the canvas, the slider and its label directly, without Preact renders per frame.
import cytoscape from 'cytoscape';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  addMonths,
  buildGraph,
  companyLabel,
  type Depth,
  type Graph,
  type GraphLang,
  KIND_COLORS,
  monthsBetween,
  timeRange,
} from '../utils/graph/build';
import { forceLayout, type Positions } from '../utils/graph/layout';
import { formatPartialDate, kindLabel, t } from '../utils/i18n';
import type { AllianceView, CompanyView } from '../utils/pack/merge';
import {
  ALLIANCE_KINDS,
  ALLIANCE_STATUSES,
  type AllianceKind,
  type AllianceStatus,
} from '../utils/pack/types';
import './graph.css';

export interface GraphSelection {
  type: 'company' | 'alliance';
  id: string;
}

export interface AllianceGraphProps {
  companies: CompanyView[];
  alliances: AllianceView[];
  lang: GraphLang;
  /** Centre on these companies at once (the current article's): their neighbourhoods united. */
  focusIds?: string[];
  /** Centre on this company when the view opens (ignored when focusIds is given). */
  initialFocus?: string;
  onSelect: (s: GraphSelection) => void;
}

interface Theme {
  fg: string;
  bg: string;
  line: string;
  accent: string;
  muted: string;
}

/** Above this many edges, edges are drawn as straight 'haystack' lines (Cytoscape's fastest). */
const HAYSTACK_OVER = 800;

function readTheme(el: Element | null): Theme {
  const style = el && typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  const v = (name: string, fallback: string) => style?.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1d2330'),
    bg: v('--bg', '#ffffff'),
    line: v('--line', '#d9dde6'),
    accent: v('--accent', '#3a5bd9'),
    muted: v('--muted', '#5b6475'),
  };
}

function styleSheet(theme: Theme, haystack: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': theme.muted,
        'border-width': 1,
        'border-color': theme.bg,
        color: theme.fg,
        'font-size': 14,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': theme.bg,
        'text-outline-width': 2,
        // Labels too small to read are not drawn at all: the biggest saving when zoomed out.
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node[kind = "hub"]',
      style: {
        shape: 'diamond',
        'background-color': 'data(color)',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.focus',
      style: { 'background-color': theme.accent, 'border-width': 3, 'border-color': theme.fg },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 3, 'border-color': theme.accent },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': 'data(color)',
        'curve-style': haystack ? 'haystack' : 'bezier',
        opacity: 0.85,
      },
    },
    { selector: 'edge[status = "announced"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[status = "ended"]', style: { 'line-style': 'dashed', opacity: 0.6 } },
    { selector: 'edge:selected', style: { width: 4, opacity: 1 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

function nodeSize(kind: 'company' | 'hub', degree: number): number {
  return Math.round(Math.min(kind === 'hub' ? 70 : 60, 14 + 5 * Math.sqrt(degree)));
}

/** Canvas drawing needs a 2D context; elsewhere (tests, odd browsers) Cytoscape runs headless. */
function canvasWorks(): boolean {
  try {
    return typeof document !== 'undefined' && !!document.createElement('canvas').getContext('2d');
  } catch {
    return false;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function AllianceGraph(props: AllianceGraphProps) {
  const { companies, alliances, lang, focusIds, initialFocus } = props;

  const [focus, setFocus] = useState<string[]>(
    () => focusIds ?? (initialFocus ? [initialFocus] : []),
  );
  const [depth, setDepth] = useState<Depth>(1);
  const [kinds, setKinds] = useState<ReadonlySet<AllianceKind>>(() => new Set(ALLIANCE_KINDS));
  const [statuses, setStatuses] = useState<ReadonlySet<AllianceStatus>>(
    () => new Set(ALLIANCE_STATUSES),
  );
  const [at, setAt] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const [layoutNonce, setLayoutNonce] = useState(0);

  // A new set of article companies re-centres the view.
  const focusKey = focusIds?.join('\n') ?? null;
  const lastFocusKey = useRef(focusKey);
  useEffect(() => {
    if (focusKey === lastFocusKey.current) return;
    lastFocusKey.current = focusKey;
    if (focusIds) setFocus((old) => (sameIds(old, focusIds) ? old : [...focusIds]));
  }, [focusKey, focusIds]);

  const byId = useMemo(() => new Map(companies.map((c) => [c.id, c])), [companies]);
  const range = useMemo(() => timeRange(alliances), [alliances]);
  const months = Math.max(0, monthsBetween(range.start, range.end));

  // The scope: what the focus can reach, before kind/status/time filters. It is laid out once,
  // so filtering and replaying history keep every node where it is.
  const scope = useMemo(
    () => buildGraph(companies, alliances, { lang, focusIds: focus, depth }),
    [companies, alliances, lang, focus, depth],
  );
  const filterOpts = { lang, focusIds: focus, depth, kinds, statuses };
  const visible = useMemo(
    () => buildGraph(companies, alliances, { ...filterOpts, at }),
    // filterOpts is made of these.
    [companies, alliances, lang, focus, depth, kinds, statuses, at],
  );

  // Latest values for Cytoscape's event handlers and the player, without re-binding them.
  const latest = useRef({ props, filterOpts, companies, alliances, range, lang });
  latest.current = { props, filterOpts, companies, alliances, range, lang };

  const containerRef = useRef<HTMLDivElement>(null);
  const sliderRef = useRef<HTMLInputElement>(null);
  const timeLabelRef = useRef<HTMLOutputElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const themeRef = useRef<Theme | null>(null);
  const haystackRef = useRef(false);
  const atRef = useRef<string | null>(at);
  // The player: a chain of timeouts, each armed after a frame is painted, so a slow machine
  // replays more slowly instead of piling up steps.
  const playingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fitPending = useRef(true);

  // The Cytoscape instance: made once, destroyed on unmount.
  useEffect(() => {
    const container = containerRef.current!;
    const headless = !canvasWorks();
    const big = companies.length + alliances.length > 1500;
    const theme = readTheme(container);
    themeRef.current = theme;
    const cy = cytoscape({
      container: headless ? undefined : container,
      headless,
      styleEnabled: true,
      style: styleSheet(theme, false),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Big networks pan and zoom as a bitmap, redrawn when the motion stops.
      textureOnViewport: big,
      motionBlur: false,
      pixelRatio: big ? 1 : 'auto',
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      const allianceId = node.data('allianceId') as string | undefined;
      latest.current.props.onSelect(
        allianceId ? { type: 'alliance', id: allianceId } : { type: 'company', id: node.id() },
      );
    });
    cy.on('tap', 'edge', (e) => {
      const edge = e.target as cytoscape.EdgeSingular;
      latest.current.props.onSelect({ type: 'alliance', id: edge.data('allianceId') as string });
    });
    cy.on('dbltap', 'node[kind = "company"]', (e) => {
      setFocus([(e.target as cytoscape.NodeSingular).id()]);
    });
    // Follow the light/dark theme.
    const media =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const onScheme = () => {
      themeRef.current = readTheme(container);
      cy.style(styleSheet(themeRef.current, haystackRef.current));
    };
    media?.addEventListener?.('change', onScheme);
    // A view mounted in a hidden tab has no size: fit once it gets one.
    let wasEmpty = container.clientWidth === 0 || container.clientHeight === 0;
    const resizes =
      typeof ResizeObserver === 'function' && !headless
        ? new ResizeObserver(() => {
            const empty = container.clientWidth === 0 || container.clientHeight === 0;
            cy.resize();
            if (wasEmpty && !empty) fitShown(cy);
            wasEmpty = empty;
          })
        : null;
    resizes?.observe(container);
    return () => {
      resizes?.disconnect();
      media?.removeEventListener?.('change', onScheme);
      playingRef.current = false;
      if (timerRef.current) clearTimeout(timerRef.current);
      cy.destroy();
      cyRef.current = null;
    };
    // Created once on purpose: props reach the handlers through `latest`.
  }, []);

  // A new scope (or a reset, through layoutNonce): sync the elements, adding and removing only
  // what changed; lay the scope out; fit once the filters have been applied.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const positions = forceLayout(
      scope.nodes.map((n) => ({ id: n.id, weight: n.degree })),
      scope.edges,
      { spacing: 90 },
    );
    // Restyle (when the edge drawing changes) between removing and adding, so that neither
    // the old nor the new elements are styled twice.
    const haystack = scope.edges.length > HAYSTACK_OVER;
    syncScope(cy, scope, focus, positions, () => {
      if (haystack === haystackRef.current) return;
      haystackRef.current = haystack;
      cy.style(styleSheet(themeRef.current ?? readTheme(containerRef.current), haystack));
    });
    fitPending.current = true;
  }, [scope, layoutNonce]);

  // Filters: show and hide. Declared after the scope effect, so it runs after it. While
  // playing, the player's month wins over the committed one.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const graph = playingRef.current
      ? buildGraph(companies, alliances, { ...filterOpts, at: atRef.current })
      : visible;
    applyVisible(cy, graph, containerRef.current, true);
    if (fitPending.current) {
      fitPending.current = false;
      fitShown(cy);
    }
  }, [visible, scope, layoutNonce]);

  // The slider and its label are written directly, so the player can move them per frame.
  const showTime = (month: string | null) => {
    const slider = sliderRef.current;
    const label = timeLabelRef.current;
    const { range: r, lang: l } = latest.current;
    const text = month ? formatPartialDate(month, l) : t('graphTimeAll');
    if (slider) {
      const idx = month ? Math.max(0, monthsBetween(r.start, month)) : Number(slider.max);
      slider.value = String(idx);
      slider.setAttribute('aria-valuetext', text);
    }
    if (label) label.textContent = text;
  };
  useLayoutEffect(() => {
    atRef.current = at;
    showTime(at);
  }, [at, lang, range.start, months]);

  /**
   * One frame of replay: no Preact render. Node sizes stay as they are until the month is
   * committed, which spares Cytoscape restyling the neighbours of every resized node.
   */
  const stepTo = (month: string) => {
    atRef.current = month;
    showTime(month);
    const cy = cyRef.current;
    const l = latest.current;
    if (cy) {
      applyVisible(
        cy,
        buildGraph(l.companies, l.alliances, { ...l.filterOpts, at: month }),
        containerRef.current,
        false,
      );
    }
  };

  const stop = () => {
    playingRef.current = false;
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    setPlaying(false);
    setAt(atRef.current);
  };

  const play = () => {
    if (playingRef.current) {
      stop();
      return;
    }
    const { start, end } = latest.current.range;
    const total = Math.max(0, monthsBetween(start, end));
    const current = atRef.current;
    let idx = current && current < end ? Math.max(0, monthsBetween(start, current)) : 0;
    // About 15 seconds for the whole history, but no faster than 20 months a second.
    const stepMs = Math.min(300, Math.max(50, Math.round(15000 / Math.max(1, total))));
    const next = () => {
      const frame =
        typeof requestAnimationFrame === 'function' ? requestAnimationFrame : setTimeout;
      frame(() => {
        if (!playingRef.current) return;
        timerRef.current = setTimeout(() => {
          if (!playingRef.current) return;
          idx++;
          if (idx > total) {
            stop();
            return;
          }
          stepTo(addMonths(start, idx));
          next();
        }, stepMs);
      });
    };
    playingRef.current = true;
    setPlaying(true);
    stepTo(addMonths(start, idx));
    next();
  };

  const onSlide = (e: Event) => {
    const idx = Number((e.currentTarget as HTMLInputElement).value);
    stepTo(addMonths(range.start, idx));
  };
  const onSlideDone = (e: Event) => {
    const idx = Number((e.currentTarget as HTMLInputElement).value);
    const month = addMonths(range.start, idx);
    atRef.current = month;
    setAt(month);
  };

  // Focus search: names in either language, aliases and ids all find a company.
  const nameIndex = useMemo(() => {
    const index = new Map<string, string>();
    for (const c of companies) {
      for (const key of [c.id, ...c.aliases, c.names.en, c.names.ko]) {
        const k = key?.trim().toLowerCase();
        if (k && !index.has(k)) index.set(k, c.id);
      }
    }
    // The shown names win over an alias that happens to spell another company's name.
    for (const c of companies) {
      const k = (lang === 'ko' ? c.names.ko : c.names.en)?.trim().toLowerCase();
      if (k) index.set(k, c.id);
    }
    return index;
  }, [companies, lang]);

  const focusOn = (text: string) => {
    const name = text.trim();
    if (!name) return;
    const id = nameIndex.get(name.toLowerCase());
    if (!id) {
      setNotFound(name);
      return;
    }
    setNotFound(null);
    setQuery('');
    setFocus((old) => (old.length === 1 && old[0] === id ? old : [id]));
  };

  const onQueryInput = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setQuery(value);
    setNotFound(null);
    // Picking from the datalist arrives as a replacement of the whole text: centre at once.
    const inputType = (e as InputEvent).inputType;
    if (inputType === undefined || inputType === 'insertReplacementText') {
      if (nameIndex.has(value.trim().toLowerCase())) focusOn(value);
    }
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const reset = () => {
    if (playingRef.current) stop();
    setFocus(focusIds ?? (initialFocus ? [initialFocus] : []));
    setDepth(1);
    setKinds(new Set(ALLIANCE_KINDS));
    setStatuses(new Set(ALLIANCE_STATUSES));
    setAt(null);
    atRef.current = null;
    setQuery('');
    setNotFound(null);
    setLayoutNonce((n) => n + 1);
  };

  const label = (id: string) => {
    const c = byId.get(id);
    return c ? companyLabel(c, lang) : id;
  };

  // 2,000 options are made once per data set and language, not on every render.
  const options = useMemo(
    () =>
      companies.map((c) => (
        <option key={c.id} value={companyLabel(c, lang)}>
          {lang === 'ko' ? c.names.en : c.names.ko}
        </option>
      )),
    [companies, lang],
  );

  const ids = useId();
  const datalistId = `${ids}-companies`;
  const notFoundId = `${ids}-notfound`;
  const helpId = `${ids}-help`;

  return (
    <section class="alliance-graph" aria-label={t('graphTitle')}>
      <div class="graph-controls">
        <form
          class="graph-search"
          onSubmit={(e) => {
            e.preventDefault();
            focusOn(query);
          }}
        >
          <label for={`${ids}-search`}>{t('graphFocusLabel')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            list={datalistId}
            value={query}
            placeholder={t('graphFocusPlaceholder')}
            autocomplete="off"
            aria-invalid={notFound ? true : undefined}
            aria-describedby={notFound ? notFoundId : undefined}
            onInput={onQueryInput}
          />
          <datalist id={datalistId}>{options}</datalist>
          <button type="submit">{t('graphFocusGo')}</button>
          {notFound && (
            <span id={notFoundId} class="graph-notfound" role="alert">
              {t('graphFocusNotFound', { name: notFound })}
            </span>
          )}
        </form>

        {focus.length > 0 && (
          <div class="graph-focus">
            <span class="muted">{t('graphFocused')}:</span>
            {focus.map((id) => (
              <span key={id} class="graph-chip">
                {label(id)}
                <button
                  type="button"
                  class="graph-chip-remove"
                  aria-label={t('graphFocusRemove', { name: label(id) })}
                  onClick={() => setFocus(focus.filter((f) => f !== id))}
                >
                  ×
                </button>
              </span>
            ))}
            <button type="button" class="link-button" onClick={() => setFocus([])}>
              {t('graphFocusClear')}
            </button>
          </div>
        )}

        <div class="graph-row">
          <label>
            {t('graphDepth')}{' '}
            <select
              value={String(depth)}
              disabled={focus.length === 0}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                setDepth(v === 'all' ? 'all' : v === '2' ? 2 : 1);
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
                  checked={statuses.has(s)}
                  onChange={(e) =>
                    setStatuses(toggle(statuses, s, (e.currentTarget as HTMLInputElement).checked))
                  }
                />{' '}
                {t(`status_${s}`)}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={reset}>
            {t('graphReset')}
          </button>
        </div>

        <fieldset class="graph-kinds">
          <legend>{t('graphKinds')}</legend>
          {ALLIANCE_KINDS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={kinds.has(k)}
                onChange={(e) =>
                  setKinds(toggle(kinds, k, (e.currentTarget as HTMLInputElement).checked))
                }
              />{' '}
              <span
                class="graph-swatch"
                style={{ background: KIND_COLORS[k] }}
                aria-hidden="true"
              />
              {kindLabel(k)}
            </label>
          ))}
        </fieldset>

        <div class="graph-time">
          <label for={`${ids}-time`}>{t('graphTime')}</label>
          <input
            ref={sliderRef}
            id={`${ids}-time`}
            type="range"
            min={0}
            max={months}
            step={1}
            onInput={onSlide}
            onChange={onSlideDone}
          />
          <output ref={timeLabelRef} for={`${ids}-time`} class="graph-time-label" />
          <button type="button" aria-pressed={playing} onClick={play}>
            {playing ? t('graphPause') : t('graphPlay')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (playingRef.current) stop();
              atRef.current = range.end;
              setAt(range.end);
            }}
          >
            {t('graphNow')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (playingRef.current) stop();
              atRef.current = null;
              setAt(null);
            }}
          >
            {t('graphTimeAll')}
          </button>
        </div>
      </div>

      <div
        ref={containerRef}
        class="graph-canvas"
        data-testid="graph"
        role="img"
        data-focus={focus.join(',')}
        aria-describedby={helpId}
      />

      <p id={helpId} class="help graph-legend">
        <span>
          <span class="graph-hub-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {t('graphLegendHub')}
        </span>
        <span>{t('graphLegendAnnounced')}</span>
        <span>{t('graphLegendEnded')}</span>
        <span>{t('graphHelp')}</span>
      </p>

      <details onToggle={(e) => setListOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('graphAsList')}</summary>
        {listOpen && <EdgeList graph={visible} label={label} onSelect={props.onSelect} />}
      </details>
    </section>
  );
}

/** One row per shown alliance, each a button that opens its details. */
function EdgeList(props: {
  graph: Graph;
  label: (companyId: string) => string;
  onSelect: (s: GraphSelection) => void;
}) {
  const { graph, label } = props;
  const rows = useMemo(() => {
    const hubs = new Map(graph.nodes.filter((n) => n.kind === 'hub').map((n) => [n.id, n]));
    const out = new Map<
      string,
      { kind: AllianceKind; status: AllianceStatus; title: string; members: string[] }
    >();
    for (const e of graph.edges) {
      let row = out.get(e.allianceId);
      if (!row) {
        const hub = hubs.get(e.source);
        row = { kind: e.allianceKind, status: e.status, title: hub?.label ?? '', members: [] };
        out.set(e.allianceId, row);
      }
      if (!hubs.has(e.source)) row.members.push(e.source);
      row.members.push(e.target);
    }
    return [...out];
  }, [graph]);
  if (rows.length === 0) return <p class="muted">{t('graphListEmpty')}</p>;
  return (
    <ul class="graph-list">
      {rows.map(([id, row]) => (
        <li key={id}>
          <button
            type="button"
            class="graph-list-item"
            onClick={() => props.onSelect({ type: 'alliance', id })}
          >
            <span
              class="graph-swatch"
              style={{ background: KIND_COLORS[row.kind] }}
              aria-hidden="true"
            />
            <span>
              {row.title ? `${row.title}: ` : ''}
              {row.members.map(label).join(row.title ? ', ' : ' – ')}
            </span>
            <span class="muted">
              {' · '}
              {kindLabel(row.kind)} · {t(`status_${row.status}`)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Adds and removes only what differs between the instance and the new scope. */
function syncScope(
  cy: cytoscape.Core,
  scope: Graph,
  focus: readonly string[],
  positions: Positions,
  betweenRemoveAndAdd: () => void,
) {
  const focusSet = new Set(focus);
  const want = new Map<string, cytoscape.ElementDefinition>();
  for (const n of scope.nodes) {
    want.set(n.id, {
      group: 'nodes',
      data: {
        id: n.id,
        label: n.label,
        kind: n.kind,
        size: nodeSize(n.kind, n.degree),
        allianceId: n.allianceId,
        color: n.allianceKind ? KIND_COLORS[n.allianceKind] : undefined,
      },
      position: positions.get(n.id),
      classes: focusSet.has(n.id) ? 'focus' : undefined,
    });
  }
  for (const e of scope.edges) {
    want.set(e.id, {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        allianceId: e.allianceId,
        status: e.status,
        color: KIND_COLORS[e.allianceKind],
      },
    });
  }
  const have = new Map<string, cytoscape.SingularElementArgument>();
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => {
      if (!want.has(ele.id())) return true;
      have.set(ele.id(), ele);
      return false;
    });
    if (gone.nonempty()) gone.remove();
  });
  betweenRemoveAndAdd();
  cy.batch(() => {
    const added: cytoscape.ElementDefinition[] = [];
    for (const [id, def] of want) {
      const ele = have.get(id);
      if (!ele) {
        added.push(def);
        continue;
      }
      // Kept elements: refresh what may change (language, focus, position).
      const data = def.data as Record<string, unknown>;
      for (const key of ['label', 'status', 'color'] as const) {
        if (data[key] !== undefined && ele.data(key) !== data[key]) ele.data(key, data[key]);
      }
      if (ele.isNode()) {
        ele.toggleClass('focus', focusSet.has(id));
        if (def.position) ele.position(def.position);
      }
    }
    // Nodes before edges: an edge needs both ends.
    cy.add(added.filter((d) => d.group === 'nodes'));
    cy.add(added.filter((d) => d.group === 'edges'));
  });
}

/** Shows exactly the graph's elements, sized by their shown ties; publishes the counts. */
function applyVisible(
  cy: cytoscape.Core,
  graph: Graph,
  container: HTMLElement | null,
  resize: boolean,
) {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Set(graph.edges.map((e) => e.id));
  let nodeCount = 0;
  let edgeCount = 0;
  cy.batch(() => {
    cy.nodes().forEach((ele) => {
      const n = nodes.get(ele.id());
      if (ele.hasClass('hidden') === !!n) ele.toggleClass('hidden', !n);
      if (!n) return;
      nodeCount++;
      if (resize) {
        const size = nodeSize(n.kind, n.degree);
        if (ele.data('size') !== size) ele.data('size', size);
      }
    });
    cy.edges().forEach((ele) => {
      const shown = edges.has(ele.id());
      if (ele.hasClass('hidden') === shown) ele.toggleClass('hidden', !shown);
      if (shown) edgeCount++;
    });
  });
  if (!container) return;
  const companies = graph.nodes.filter((n) => n.kind === 'company').length;
  const alliances = new Set(graph.edges.map((e) => e.allianceId)).size;
  container.setAttribute('data-node-count', String(nodeCount));
  container.setAttribute('data-edge-count', String(edgeCount));
  container.setAttribute('data-company-count', String(companies));
  container.setAttribute('data-alliance-count', String(alliances));
  container.setAttribute('aria-label', t('graphSummary', { companies, alliances }));
}

/**
 * Fits the shown nodes, measured from their positions and sizes: Cytoscape's own bounding box
 * would measure every label's text first, which takes long on thousands of nodes.
 */
function fitShown(cy: cytoscape.Core) {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  cy.nodes().forEach((n) => {
    if (n.hasClass('hidden')) return;
    const { x, y } = n.position();
    const r = (Number(n.data('size')) || 20) / 2;
    x1 = Math.min(x1, x - r);
    y1 = Math.min(y1, y - r);
    x2 = Math.max(x2, x + r);
    y2 = Math.max(y2, y + r + 20); // room for the label below
  });
  if (x1 === Number.POSITIVE_INFINITY) return;
  // Cytoscape's fit takes a bounding box as well as elements; its typings only list the latter.
  const bb = { x1: x1 - 40, y1, x2: x2 + 40, y2, w: x2 - x1 + 80, h: y2 - y1 };
  cy.fit(bb as unknown as cytoscape.CollectionArgument, 20);
}
