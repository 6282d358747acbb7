// The alliance network tab: the graph over the whole dataset, or focused on
// companies (`#network=openai,naver` — e.g. the current article's, from the popup).
// The graph library is big, so it loads only when this tab opens.
import { useEffect, useState } from 'preact/hooks';
import type { AllianceGraph as Graph } from '../../components/AllianceGraph';
import { type Lang, t } from '../../utils/i18n';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';

export interface NetworkViewProps {
  companies: readonly CompanyView[];
  alliances: readonly AllianceView[];
  lang: Lang;
  loaded: boolean;
  focusIds?: string[];
  onSelect: (s: { type: 'company' | 'alliance'; id: string }) => void;
}

export function NetworkView(p: NetworkViewProps) {
  const [component, setComponent] = useState<{ Graph: typeof Graph } | null>(null);
  useEffect(() => {
    void import('../../components/AllianceGraph').then((m) =>
      setComponent({ Graph: m.AllianceGraph }),
    );
  }, []);
  // Mounted once the data is in, so the graph sizes its rendering for the real dataset.
  if (!p.loaded || !component) return <p class="muted">{t('loading')}</p>;
  const { Graph: AllianceGraph } = component;
  return (
    <AllianceGraph
      companies={p.companies as CompanyView[]}
      alliances={p.alliances as AllianceView[]}
      lang={p.lang}
      focusIds={p.focusIds}
      onSelect={p.onSelect}
    />
  );
}
