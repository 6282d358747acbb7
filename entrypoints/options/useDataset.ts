// The manager's view of the dataset, read straight from the extension's own
// database (this page is in the extension origin) and reloaded whenever the
// background publishes a new dictionary version (after any write).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DatasetReader } from '../../utils/db/reader';
import type { StoredPack } from '../../utils/db/records';
import { DICTIONARY_KEY } from '../../utils/dictionary';
import { tieCounts } from '../../utils/manager/filter';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import type { Alliance } from '../../utils/pack/types';

/** The options page's one connection to the database (the settings panel uses it too). */
export const store = new DatasetReader();

export interface Dataset {
  clips: { alliance: Alliance; updated: string }[];
  companies: CompanyView[];
  alliances: AllianceView[];
  packs: StoredPack[];
  companiesById: Map<string, CompanyView>;
  ties: Map<string, number>;
  loaded: boolean;
  reload: () => Promise<void>;
}

export function useDataset(): Dataset {
  const [state, setState] = useState<{
    clips: { alliance: Alliance; updated: string }[];
    companies: CompanyView[];
    alliances: AllianceView[];
    packs: StoredPack[];
    loaded: boolean;
  }>({
    clips: [],
    companies: [],
    alliances: [],
    packs: [],
    loaded: false,
  });
  const reload = useCallback(async () => {
    const [companies, alliances, packs, clips] = await Promise.all([
      store.mergedCompanies(),
      store.mergedAlliances(),
      store.listPacks(),
      store.myClips(),
    ]);
    setState({ clips, companies, alliances, packs, loaded: true });
  }, []);
  useEffect(() => {
    void reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DICTIONARY_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  const companiesById = useMemo(
    () => new Map(state.companies.map((c) => [c.id, c])),
    [state.companies],
  );
  const ties = useMemo(() => tieCounts(state.alliances), [state.alliances]);
  return { ...state, companiesById, ties, reload };
}
