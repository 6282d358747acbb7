// The alliance network (the graph component arrives with utils/graph).
import type { AllianceView, CompanyView } from '../../utils/pack/merge';

export interface NetworkViewProps {
  companies: readonly CompanyView[];
  alliances: readonly AllianceView[];
  lang: 'en' | 'ko';
  focusIds?: string[];
  onSelect: (s: { type: 'company' | 'alliance'; id: string }) => void;
}

export function NetworkView(_p: NetworkViewProps) {
  return <p class="muted">…</p>;
}
