// The one Cytoscape instance behind the network view: made once per mount (props reach its
// handlers through a ref, so nothing is re-bound), following the theme and the container's size.
// Each new scope is laid out once; `show` then hides and shows within it.
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import type { Graph } from '../../utils/graph/build';
import { forceLayout } from '../../utils/graph/layout';
import { t } from '../../utils/i18n';
import { graphStylesheet, HAYSTACK_OVER, readTheme, type Theme } from './stylesheet';
import { fitShown, type ShownCounts, showOnly, syncElements } from './sync-elements';

export interface CytoscapeOptions {
  /** The graph before filters: laid out once, so filtering keeps every node where it is. */
  scope: Graph;
  focus: readonly string[];
  /** A change lays the same scope out again (the reset button). */
  layoutKey: number;
  /** Companies plus alliances in the data set, read once: big networks draw more cheaply. */
  dataSize: number;
  onTapNode: (node: { id: string; allianceId?: string }) => void;
  onTapEdge: (allianceId: string) => void;
  onDoubleTapCompany: (companyId: string) => void;
}

export interface CytoscapeView {
  containerRef: { current: HTMLDivElement | null };
  /**
   * Shows exactly `graph` within the scope. `committed` (not a player frame) also resizes the
   * nodes by their shown ties and fits the view after a new scope.
   */
  show: (graph: Graph, committed: boolean) => void;
}

/** Canvas drawing needs a 2D context; elsewhere (tests, odd browsers) Cytoscape runs headless. */
function canvasWorks(): boolean {
  try {
    return typeof document !== 'undefined' && !!document.createElement('canvas').getContext('2d');
  } catch {
    return false;
  }
}

export function useCytoscape(options: CytoscapeOptions): CytoscapeView {
  const latest = useRef(options);
  latest.current = options;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const themeRef = useRef<Theme | null>(null);
  const haystackRef = useRef(false);
  const fitPending = useRef(true);

  useEffect(() => {
    const container = containerRef.current!;
    const headless = !canvasWorks();
    const big = latest.current.dataSize > 1500;
    const theme = readTheme(container);
    themeRef.current = theme;
    const cy = cytoscape({
      container: headless ? undefined : container,
      headless,
      styleEnabled: true,
      style: graphStylesheet(theme, false),
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
      latest.current.onTapNode({ id: node.id(), allianceId });
    });
    cy.on('tap', 'edge', (e) => {
      const edge = e.target as cytoscape.EdgeSingular;
      latest.current.onTapEdge(edge.data('allianceId') as string);
    });
    cy.on('dbltap', 'node[kind = "company"]', (e) => {
      latest.current.onDoubleTapCompany((e.target as cytoscape.NodeSingular).id());
    });
    const media =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const onScheme = () => {
      themeRef.current = readTheme(container);
      cy.style(graphStylesheet(themeRef.current, haystackRef.current));
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
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const { scope, layoutKey } = options;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const positions = forceLayout(
      scope.nodes.map((n) => ({ id: n.id, weight: n.degree })),
      scope.edges,
      { spacing: 90 },
    );
    const haystack = scope.edges.length > HAYSTACK_OVER;
    syncElements(cy, scope, latest.current.focus, positions, () => {
      if (haystack === haystackRef.current) return;
      haystackRef.current = haystack;
      cy.style(graphStylesheet(themeRef.current ?? readTheme(containerRef.current), haystack));
    });
    fitPending.current = true;
  }, [scope, layoutKey]);

  const show = (graph: Graph, committed: boolean) => {
    const cy = cyRef.current;
    if (!cy) return;
    const counts = showOnly(cy, graph, committed);
    if (containerRef.current) publishCounts(containerRef.current, graph, counts);
    if (committed && fitPending.current) {
      fitPending.current = false;
      fitShown(cy);
    }
  };

  return { containerRef, show };
}

/** What is shown, for screen readers (the summary) and for tests (the data attributes). */
function publishCounts(container: HTMLElement, graph: Graph, shown: ShownCounts) {
  const companies = graph.nodes.filter((n) => n.kind === 'company').length;
  const alliances = new Set(graph.edges.map((e) => e.allianceId)).size;
  container.setAttribute('data-node-count', String(shown.nodes));
  container.setAttribute('data-edge-count', String(shown.edges));
  container.setAttribute('data-company-count', String(companies));
  container.setAttribute('data-alliance-count', String(alliances));
  container.setAttribute('aria-label', t('graphSummary', { companies, alliances }));
}
