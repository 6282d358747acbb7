// The network's Cytoscape stylesheet. Colours come from the page's CSS variables, so the canvas
// follows the options page's light and dark themes.
import type cytoscape from 'cytoscape';

export interface Theme {
  fg: string;
  bg: string;
  line: string;
  accent: string;
  muted: string;
}

/** Above this many edges, edges are drawn as straight 'haystack' lines (Cytoscape's fastest). */
export const HAYSTACK_OVER = 800;

export function readTheme(el: Element | null): Theme {
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

export function graphStylesheet(theme: Theme, haystack: boolean): cytoscape.StylesheetJson {
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
