// The manager's view of the dataset, read straight from the extension's own
// database (this page is in the extension origin) and reloaded whenever the
// background publishes a new dictionary version (after any write).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
  /** The dataset version whose records are loaded (or loading). */
  const records = useRef<{ version: number; done: Promise<void> } | null>(null);
  const reload = useCallback(async () => {
    // The pack list first: it is small, and it is what a sync or an import changes in
    // sight (counts, sync state), so it shows before 60,000 records are read and merged.
    const [version, packs] = await Promise.all([store.datasetVersion(), store.listPacks()]);
    setState((s) => ({ ...s, packs }));
    // The records only once per dataset version: a write's reply and the dictionary it
    // then publishes both ask for a reload, and reading a big dataset twice keeps the page busy.
    if (records.current?.version === version) return records.current.done;
    const done = (async () => {
      const [companies, alliances, clips] = await Promise.all([
        store.mergedCompanies(),
        store.mergedAlliances(),
        store.myClips(),
      ]);
      // A later version's load may have started meanwhile: only the newest is shown.
      if (records.current?.version === version)
        setState((s) => ({ ...s, clips, companies, alliances, loaded: true }));
    })().catch((e: unknown) => {
      // A failed read is tried again at the next reload.
      if (records.current?.version === version) records.current = null;
      throw e;
    });
    records.current = { version, done };
    return done;
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
