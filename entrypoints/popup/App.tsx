import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PagePanel } from '../../components/PagePanel';
import { ProblemList } from '../../components/ProblemList';
import {
  allianceResult,
  companyResult,
  SearchBox,
  type SearchResult,
} from '../../components/SearchBox';
import { WhatsNewPanel } from '../../components/WhatsNewPanel';
import type { SearchAnswer } from '../../utils/db/reader';
import { getLang, t } from '../../utils/i18n';
import { aliasKey } from '../../utils/matcher';
import type {
  MessageError,
  PageSummary,
  Status,
  TabMessage,
  WhatsNewSummary,
} from '../../utils/messaging';
import { sendMessage } from '../../utils/messaging-client';
import { ALLIANCE_KINDS } from '../../utils/pack/types';
import type { Result } from '../../utils/result';
import { defaultSiteOf, siteMatchPattern } from '../../utils/site-rules';

// The database code is the popup's biggest part; load it beside the first render, not before.
const storeReady = import('../../utils/db/reader').then(async (m) => {
  const store = new m.DatasetReader();
  // Read the packs' records and build the search's indexes now, beside the first
  // render; searches wait for this rather than read them a second time. A failure
  // here shows in the search itself.
  await store.prepareSearch().catch(() => {});
  return store;
});

/** Kinds whose name (in either language) starts like the query: "합병" finds mergers. */
function kindsLike(query: string): (typeof ALLIANCE_KINDS)[number][] {
  const key = aliasKey(query);
  if (key.length < 2) return [];
  return ALLIANCE_KINDS.filter(
    (k) => aliasKey(k).startsWith(key) || KIND_WORDS[k].some((w) => w.startsWith(key)),
  );
}

const KIND_WORDS: Record<(typeof ALLIANCE_KINDS)[number], string[]> = {
  partnership: ['협력', '제휴', '파트너십'],
  investment: ['투자', '지분'],
  acquisition: ['인수'],
  merger: ['합병'],
  'joint-venture': ['합작', '조인트벤처', 'jv'],
  consortium: ['동맹', '연합', '얼라이언스', 'alliance'],
  supply: ['공급'],
  licensing: ['라이선스', '라이센스'],
};

async function searchDataset(
  query: string,
  fresher: (results: SearchResult[]) => void,
): Promise<SearchResult[]> {
  if (!query.trim()) return [];
  const found = await (await storeReady).searchPromptly(query, kindsLike(query), 6);
  // Answered from the dataset as it was, while a pack is being written: the database's answer follows.
  found.fresher?.then(
    (answer) => fresher(searchResults(answer)),
    () => {},
  );
  return searchResults(found.answer);
}

function searchResults({ companies, alliances, members }: SearchAnswer): SearchResult[] {
  const lang = getLang();
  const names = new Map(members.map((c) => [c.id, lang === 'ko' ? c.names.ko : c.names.en]));
  return [
    ...companies.map((c) => companyResult(c, lang)),
    ...alliances.map((a) => allianceResult(a, (id) => names.get(id) ?? id, lang)),
  ];
}

function openInManager(hash: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
}

interface TargetTab {
  id: number;
  hostname: string | null;
}

/** The tab the popup speaks about: the active one, or `?tab=ID` when the popup is opened as a page. */
async function targetTab(): Promise<TargetTab | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  const tab = fromQuery
    ? await browser.tabs.get(fromQuery)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  let hostname: string | null = null;
  try {
    const url = new URL(tab.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') hostname = url.hostname;
  } catch {
    // No URL (no permission for this tab yet): the content script will tell.
  }
  return { id: tab.id, hostname };
}

async function askTab<T>(tabId: number, message: TabMessage): Promise<T | null> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message)) as Result<T> | undefined;
    return reply?.ok ? reply.value : null;
  } catch {
    return null; // no content script on this page
  }
}

/** One line on subscribed packs: the last success, or the last error in plain words. */
function SyncLine({ status, onSync }: { status: Status; onSync: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const subscribed = status.packs.filter((p) => p.sync?.url);
  const failing = subscribed.find((p) => p.sync?.lastError);
  const last = subscribed
    .map((p) => p.sync?.lastSuccess ?? '')
    .sort()
    .at(-1);
  const text = !subscribed.length
    ? t('popupNoSubscriptions')
    : failing
      ? t('popupSyncError', { error: `${failing.title}: ${failing.sync?.lastError}` })
      : t('popupSyncLine', { when: last ? new Date(last).toLocaleString() : '—' });
  return (
    <p class={failing ? 'sync-line notice' : 'sync-line muted'} data-testid="sync-line">
      {text}{' '}
      {subscribed.length > 0 && (
        <button
          type="button"
          class="link-button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onSync();
            setBusy(false);
          }}
        >
          {busy ? t('loading') : t('syncNow')}
        </button>
      )}
    </p>
  );
}

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [whatsNew, setWhatsNew] = useState<WhatsNewSummary | null>(null);

  const refreshPage = useCallback(async (target: TargetTab) => {
    const s = await askTab<PageSummary>(target.id, { type: 'pageSummary' });
    setSummary(s);
    if (s && !target.hostname) setTab({ ...target, hostname: s.hostname });
  }, []);

  useEffect(() => {
    sendMessage('getStatus', {}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
    sendMessage('getWhatsNew', {}).then((r) => r.ok && setWhatsNew(r.value));
    targetTab().then((target) => {
      setTab(target);
      if (target) void refreshPage(target);
    });
  }, [refreshPage]);

  const onToggle = async (enabled: boolean) => {
    if (!tab?.hostname) return;
    setBusy(true);
    setNotice(null);
    const hostname = tab.hostname;
    if (enabled && !defaultSiteOf(hostname)) {
      // Ask now, inside the user's click: the only moment the browser allows it.
      const granted = await browser.permissions.request({ origins: [siteMatchPattern(hostname)] });
      if (!granted) {
        setNotice(t('popupPermissionDenied'));
        setBusy(false);
        return;
      }
    }
    const reply = await sendMessage('setSiteEnabled', { hostname, enabled, tabId: tab.id });
    if (!reply.ok) setError(reply.error);
    if (!enabled && !defaultSiteOf(hostname)) {
      await browser.permissions
        .remove({ origins: [siteMatchPattern(hostname)] })
        .catch(() => false);
    }
    // The page re-reads itself; give it a moment, then show what it found.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const s = await askTab<PageSummary>(tab.id, { type: 'pageSummary' });
      setSummary(s);
      if ((s?.enabled ?? false) === enabled && (!enabled || (s?.companies.length ?? 0) > 0)) break;
    }
    setBusy(false);
  };

  const onShowCompany = async (companyId: string) => {
    if (!tab) return;
    await askTab(tab.id, { type: 'showCompany', companyId });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  };

  return (
    <main class="popup-main">
      <header class="popup-head">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link-button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openManager')}
        </button>
      </header>
      {error && <ProblemList error={error} />}
      <SearchBox
        search={searchDataset}
        onOpen={(r) => openInManager(`${r.type}=${encodeURIComponent(r.id)}`)}
      />
      {whatsNew && (
        <WhatsNewPanel
          summary={whatsNew}
          lang={getLang()}
          packTitle={(origin) => status?.packs.find((p) => p.origin === origin)?.title}
          onOpen={(id) => openInManager(`alliance=${encodeURIComponent(id)}`)}
          onDismiss={async () => {
            const reply = await sendMessage('dismissWhatsNew', { arrivalSeq: whatsNew.arrivalSeq });
            if (reply.ok) setWhatsNew(null);
            else setError(reply.error);
          }}
        />
      )}
      {tab && (
        <PagePanel
          hostname={tab.hostname}
          summary={summary}
          busy={busy}
          notice={notice}
          onToggle={onToggle}
          onShowCompany={onShowCompany}
          onShowNetwork={(ids) => openInManager(`network=${ids.map(encodeURIComponent).join(',')}`)}
        />
      )}
      {status && (
        <SyncLine
          status={status}
          onSync={async () => {
            await sendMessage('syncNow', {});
            const r = await sendMessage('getStatus', {});
            if (r.ok) setStatus(r.value);
          }}
        />
      )}
      <footer class="popup-foot muted" data-testid="counts">
        {status
          ? t('countsLine', {
              companies: status.counts.companies,
              alliances: status.counts.alliances,
              packs: status.counts.packs,
            })
          : !error && t('loading')}
      </footer>
    </main>
  );
}
