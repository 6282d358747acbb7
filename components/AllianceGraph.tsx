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
//
// The parts, in components/graph/: the stylesheet, syncing elements into Cytoscape, the
// useCytoscape and useTimePlayer hooks, the controls, the edge list and the focus search.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { buildGraph, type Depth, timeRange } from '../utils/graph/build';
import { type Lang, t } from '../utils/i18n';
import { type AllianceView, type CompanyView, companyLabel } from '../utils/pack/merge';
import {
  ALLIANCE_KINDS,
  ALLIANCE_STATUSES,
  type AllianceKind,
  type AllianceStatus,
} from '../utils/pack/types';
import { EdgeList } from './graph/EdgeList';
import { companyNameIndex, findCompany } from './graph/focus-search';
import { GraphControls } from './graph/GraphControls';
import type { GraphSelection } from './graph/selection';
import { useCytoscape } from './graph/use-cytoscape';
import { useTimePlayer } from './graph/use-time-player';
import './graph.css';

export type { GraphSelection };

export interface AllianceGraphProps {
  companies: CompanyView[];
  alliances: AllianceView[];
  lang: Lang;
  /** Centre on these companies at once (the current article's): their neighbourhoods united. */
  focusIds?: string[];
  /** Centre on this company when the view opens (ignored when focusIds is given). */
  initialFocus?: string;
  onSelect: (s: GraphSelection) => void;
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

  // The scope: what the focus can reach, before kind/status/time filters. It is laid out once,
  // so filtering and replaying history keep every node where it is.
  const scope = useMemo(
    () => buildGraph(companies, alliances, { lang, focusIds: focus, depth }),
    [companies, alliances, lang, focus, depth],
  );
  const filterOpts = { lang, focusIds: focus, depth, kinds, statuses };

  const cy = useCytoscape({
    scope,
    focus,
    layoutKey: layoutNonce,
    dataSize: companies.length + alliances.length,
    onTapNode: (node) =>
      props.onSelect(
        node.allianceId
          ? { type: 'alliance', id: node.allianceId }
          : { type: 'company', id: node.id },
      ),
    onTapEdge: (allianceId) => props.onSelect({ type: 'alliance', id: allianceId }),
    onDoubleTapCompany: (id) => setFocus([id]),
  });
  // Node sizes stay as they are until the month is committed (see showOnly).
  const player = useTimePlayer({
    range,
    lang,
    onFrame: (month) =>
      cy.show(buildGraph(companies, alliances, { ...filterOpts, at: month }), false),
  });
  const { at } = player;

  const visible = useMemo(
    () => buildGraph(companies, alliances, { ...filterOpts, at }),
    // filterOpts is made of these.
    [companies, alliances, lang, focus, depth, kinds, statuses, at],
  );

  // Filters: show and hide. Declared after useCytoscape's scope effect, so it runs after it.
  // While playing, the player's month wins over the committed one.
  useEffect(() => {
    const graph = player.isPlaying()
      ? buildGraph(companies, alliances, { ...filterOpts, at: player.shownMonth() })
      : visible;
    cy.show(graph, true);
  }, [visible, scope, layoutNonce]);

  // Focus search: names in either language, aliases and ids all find a company.
  const nameIndex = useMemo(() => companyNameIndex(companies, lang), [companies, lang]);

  const focusOn = (text: string) => {
    const name = text.trim();
    if (!name) return;
    const id = findCompany(nameIndex, name);
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
      if (findCompany(nameIndex, value)) focusOn(value);
    }
  };

  const reset = () => {
    player.jumpTo(null);
    setFocus(focusIds ?? (initialFocus ? [initialFocus] : []));
    setDepth(1);
    setKinds(new Set(ALLIANCE_KINDS));
    setStatuses(new Set(ALLIANCE_STATUSES));
    setQuery('');
    setNotFound(null);
    setLayoutNonce((n) => n + 1);
  };

  const label = (id: string) => {
    const c = byId.get(id);
    return c ? companyLabel(c, c.id, lang) : id;
  };

  const helpId = `${useId()}-help`;

  return (
    <section class="alliance-graph" aria-label={t('graphTitle')}>
      <GraphControls
        companies={companies}
        lang={lang}
        search={{ query, notFound, onInput: onQueryInput, onSubmit: () => focusOn(query) }}
        focus={focus}
        label={label}
        onFocus={setFocus}
        depth={depth}
        onDepth={setDepth}
        kinds={kinds}
        onKinds={setKinds}
        statuses={statuses}
        onStatuses={setStatuses}
        onReset={reset}
        player={player}
        now={range.end}
      />

      <div
        ref={cy.containerRef}
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
