// The alliance network as plain nodes and edges: pure (no DOM), so it is tested in Node and
// can be recomputed on every filter change or slider step without touching the canvas.
//
// Companies are nodes. A bilateral alliance is one edge. A named alliance, or any alliance
// with more than two members, becomes a HUB node joined to each member (a 50-member
// consortium is 50 spokes, not 1,225 clique edges).

import type { Lang } from '../i18n';
import { type AllianceView, allianceName, type CompanyView, companyLabel } from '../pack/merge';
import { comparePartial } from '../pack/partial-date';
import type { AllianceKind, AllianceStatus } from '../pack/types';

export type Depth = 1 | 2 | 'all';

export interface GraphNode {
  /** A company's id, or `hub:<alliance id>` for a hub (slugs never contain ':'). */
  id: string;
  label: string;
  kind: 'company' | 'hub';
  /** Companies: how many of the shown alliances they are in. Hubs: how many members are shown. */
  degree: number;
  /** Hubs only: the alliance they stand for. */
  allianceId?: string;
  /** Hubs only: the alliance's kind, for its colour. */
  allianceKind?: AllianceKind;
}

export interface GraphEdge {
  /** `e:<alliance id>` for a bilateral tie, `e:<alliance id>:<company id>` for a hub's spoke. */
  id: string;
  source: string;
  target: string;
  allianceKind: AllianceKind;
  allianceId: string;
  status: AllianceStatus;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface BuildOptions {
  lang: Lang;
  kinds?: ReadonlySet<AllianceKind>;
  statuses?: ReadonlySet<AllianceStatus>;
  /** `YYYY-MM` (any partial date works): only alliances in force then. */
  at?: string | null;
  /** Companies to centre on; their neighbourhoods are united. Unknown ids are ignored. */
  focusIds?: readonly string[];
  depth?: Depth;
  /** Keep companies that have no shown alliance (a focused company is always kept). */
  isolated?: boolean;
  /** The label of a hub whose alliance has no name (default: none, the hub's colour tells). */
  kindName?: (kind: AllianceKind) => string;
}

/** Distinct hues of middle lightness: each reads on white and on the dark theme's #15181f. */
export const KIND_COLORS: Record<AllianceKind, string> = {
  partnership: '#3b82f6',
  investment: '#16a34a',
  acquisition: '#dc2626',
  merger: '#9333ea',
  'joint-venture': '#ea580c',
  consortium: '#0d9488',
  supply: '#ca8a04',
  licensing: '#db2777',
};

export { comparePartial };

export const HUB_PREFIX = 'hub:';

/** In force at `at`: since <= at and (no until or until >= at). No `since` counts as always. */
export function activeAt(alliance: Pick<AllianceView, 'since' | 'until'>, at: string): boolean {
  if (alliance.since && comparePartial(alliance.since, at) > 0) return false;
  if (alliance.until && comparePartial(alliance.until, at) < 0) return false;
  return true;
}

/** `YYYY-MM` of a date, in UTC. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Months from `YYYY-MM` a to b (negative when b is earlier). */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by! - ay!) * 12 + ((bm || 1) - (am || 1));
}

/** `YYYY-MM` plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y! * 12 + ((m || 1) - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** From the earliest `since` (as a month) to the current month; both ends are `YYYY-MM`. */
export function timeRange(
  alliances: Iterable<Pick<AllianceView, 'since'>>,
  now: Date = new Date(),
): { start: string; end: string } {
  const end = monthOf(now);
  let start = end;
  for (const a of alliances) {
    if (!a.since) continue;
    const month = a.since.length >= 7 ? a.since.slice(0, 7) : `${a.since.slice(0, 4)}-01`;
    if (month < start) start = month;
  }
  return { start, end };
}

/** A hub node's label: the alliance's own name, else its kind. */
export function hubLabel(
  a: Pick<AllianceView, 'name' | 'kind'>,
  lang: Lang,
  kindName: (kind: AllianceKind) => string = () => '',
): string {
  return allianceName(a, lang) || kindName(a.kind);
}

/** A hub stands for a named alliance, or for any alliance of more than two companies. */
export function isHub(a: Pick<AllianceView, 'name'>, memberCount: number): boolean {
  return a.name != null || memberCount > 2;
}

/** An alliance's distinct members that are known companies, in order. */
function knownMembers(a: AllianceView, companies: ReadonlyMap<string, CompanyView>): string[] {
  const out: string[] = [];
  for (const m of a.members) {
    if (companies.has(m.company) && !out.includes(m.company)) out.push(m.company);
  }
  return out;
}

/**
 * Companies within `depth` steps of the focus, where a step is sharing an alliance.
 * `ties` lists, per company, the member lists of the alliances it is in.
 */
function neighbourhood(
  focus: readonly string[],
  depth: Depth,
  ties: ReadonlyMap<string, string[][]>,
): Set<string> {
  const seen = new Set(focus);
  let frontier = [...seen];
  const limit = depth === 'all' ? Number.POSITIVE_INFINITY : depth;
  for (let step = 0; step < limit && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const members of ties.get(id) ?? []) {
        for (const other of members) {
          if (seen.has(other)) continue;
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * The nodes and edges to show. Filters (kind, status, time) first drop alliances; the focus
 * then keeps the companies within `depth` steps of the focused ones, and the alliances all of
 * whose members are kept (so ties among the neighbours show too). Companies left without an
 * alliance are dropped unless focused or `isolated` is set.
 */
export function buildGraph(
  companies: readonly CompanyView[],
  alliances: readonly AllianceView[],
  opts: BuildOptions,
): Graph {
  const byId = new Map<string, CompanyView>();
  for (const c of companies) byId.set(c.id, c);

  // 1. The alliances that pass the filters, with their known members.
  const kept: { a: AllianceView; members: string[] }[] = [];
  for (const a of alliances) {
    if (opts.kinds && !opts.kinds.has(a.kind)) continue;
    if (opts.statuses && !opts.statuses.has(a.status)) continue;
    if (opts.at && !activeAt(a, opts.at)) continue;
    const members = knownMembers(a, byId);
    if (members.length < (isHub(a, members.length) ? 1 : 2)) continue;
    kept.push({ a, members });
  }

  // 2. The focus: which companies may show.
  const focus = (opts.focusIds ?? []).filter((id) => byId.has(id));
  let allowed: Set<string> | null = null;
  if (focus.length > 0) {
    const ties = new Map<string, string[][]>();
    for (const { members } of kept) {
      for (const id of members) {
        const list = ties.get(id);
        if (list) list.push(members);
        else ties.set(id, [members]);
      }
    }
    allowed = neighbourhood(focus, opts.depth ?? 1, ties);
  }

  // 3. Nodes and edges.
  const degree = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const { a, members } of kept) {
    if (allowed && !members.every((id) => allowed.has(id))) continue;
    for (const id of members) degree.set(id, (degree.get(id) ?? 0) + 1);
    const base = { allianceKind: a.kind, allianceId: a.id, status: a.status };
    if (isHub(a, members.length)) {
      const hub = HUB_PREFIX + a.id;
      nodes.push({
        id: hub,
        label: hubLabel(a, opts.lang, opts.kindName),
        kind: 'hub',
        degree: members.length,
        allianceId: a.id,
        allianceKind: a.kind,
      });
      for (const id of members) {
        edges.push({ id: `e:${a.id}:${id}`, source: hub, target: id, ...base });
      }
    } else {
      // Not a hub and kept: exactly two members.
      edges.push({ id: `e:${a.id}`, source: members[0]!, target: members[1]!, ...base });
    }
  }

  const focusSet = new Set(focus);
  const companyNodes: GraphNode[] = [];
  for (const c of companies) {
    const d = degree.get(c.id) ?? 0;
    if (d === 0 && !focusSet.has(c.id) && !(opts.isolated && (!allowed || allowed.has(c.id)))) {
      continue;
    }
    if (allowed && !allowed.has(c.id)) continue;
    if (!byId.has(c.id) || byId.get(c.id) !== c) continue; // a duplicated id shows once
    companyNodes.push({
      id: c.id,
      label: companyLabel(c, c.id, opts.lang),
      kind: 'company',
      degree: d,
    });
  }
  return { nodes: [...companyNodes, ...nodes], edges };
}
