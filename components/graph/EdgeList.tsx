// The network's keyboard companion: one row per shown alliance, each a button that opens its
// details, since a canvas has nothing to tab to.
import { useMemo } from 'preact/hooks';
import { type Graph, KIND_COLORS } from '../../utils/graph/build';
import { kindLabel, t } from '../../utils/i18n';
import type { AllianceKind, AllianceStatus } from '../../utils/pack/types';
import type { GraphSelection } from './selection';

export interface EdgeListProps {
  graph: Graph;
  label: (companyId: string) => string;
  onSelect: (s: GraphSelection) => void;
}

interface Row {
  kind: AllianceKind;
  status: AllianceStatus;
  /** A hub's name; bilateral ties have none. */
  title: string;
  members: string[];
}

/** One row per alliance, its members in edge order (a hub's spokes, or a tie's two ends). */
function allianceRows(graph: Graph): [string, Row][] {
  const hubs = new Map(graph.nodes.filter((n) => n.kind === 'hub').map((n) => [n.id, n]));
  const out = new Map<string, Row>();
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
}

export function EdgeList(props: EdgeListProps) {
  const { graph, label } = props;
  const rows = useMemo(() => allianceRows(graph), [graph]);
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
