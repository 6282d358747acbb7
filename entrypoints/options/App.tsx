import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ImportPanel } from '../../components/ImportPanel';
import { AllianceEditor } from '../../components/manager/AllianceEditor';
import { AlliancesView } from '../../components/manager/AlliancesView';
import { ClipsView } from '../../components/manager/ClipsView';
import { CompaniesView } from '../../components/manager/CompaniesView';
import { CompanyEditor } from '../../components/manager/CompanyEditor';
import { ExportPanel } from '../../components/manager/ExportPanel';
import { TrashView } from '../../components/manager/TrashView';
import { UndoBar } from '../../components/manager/UndoBar';
import { PackCatalog } from '../../components/PackCatalog';
import { PackList } from '../../components/PackList';
import { ProblemList } from '../../components/ProblemList';
import type { ExportScope } from '../../utils/db/reader';
import type { StoredPack, TrashEntry } from '../../utils/db/records';
import { downloadText } from '../../utils/download';
import { getLang, t } from '../../utils/i18n';
import type { MessageError, Reply } from '../../utils/messaging';
import { sendMessage } from '../../utils/messaging-client';
import { PACK_CATALOG } from '../../utils/pack/catalog';
import { allianceLabel, companyLabel } from '../../utils/pack/merge';
import { isLocalHost } from '../../utils/pack/schema';
import type { Result } from '../../utils/result';
import { alliancesToCsv } from '../../utils/sync/csv';
import { NetworkView } from './NetworkView';
import { SettingsTab } from './SettingsTab';
import { useDataset } from './useDataset';
import { keyOf, useShortcuts } from './useShortcuts';

type Tab = 'companies' | 'alliances' | 'network' | 'clips' | 'packs' | 'trash' | 'settings';
const TABS: Tab[] = ['companies', 'alliances', 'network', 'clips', 'packs', 'trash', 'settings'];
const TAB_LABEL = {
  clips: 'tabClips',
  companies: 'tabCompanies',
  alliances: 'tabAlliances',
  network: 'tabNetwork',
  packs: 'tabPacks',
  trash: 'tabTrash',
  settings: 'tabSettings',
} as const;

interface Route {
  tab: Tab;
  /** Selected record id; '' for a new one, null for none. */
  id: string | null;
  focus?: string[];
}

/** `#companies`, `#company=openai`, `#alliance=x`, `#network=openai,naver` … */
export function parseHash(hash: string): Route {
  const [key, value] = hash.replace(/^#/, '').split('=');
  const decoded = value === undefined ? null : decodeURIComponent(value);
  if (key === 'company') return { tab: 'companies', id: decoded };
  if (key === 'alliance') return { tab: 'alliances', id: decoded };
  if (key === 'network')
    return { tab: 'network', id: null, focus: decoded ? decoded.split(',') : undefined };
  return { tab: (TABS as string[]).includes(key!) ? (key as Tab) : 'companies', id: null };
}

function problemsOf<T>(
  reply: Reply<'saveCompany'> | Reply<'saveAlliance'> | Result<T, MessageError>,
): string[] {
  if (reply.ok) return [];
  return reply.error.problems ?? [reply.error.message];
}

export function App() {
  const data = useDataset();
  const lang = getLang();
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const shortcuts = useShortcuts();
  // "Saved", and where the change went, for the record just saved (editors remount on save).
  const [saved, setSaved] = useState<{ key: string; message: string } | null>(null);
  const routeKey = `${route.tab}:${route.id}`;
  useEffect(() => setSaved((s) => (s?.key === routeKey ? s : null)), [routeKey]);
  const [error, setError] = useState<MessageError | null>(null);
  const [undo, setUndo] = useState<TrashEntry | null>(null);
  const [trash, setTrash] = useState<TrashEntry[]>([]);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (hash: string) => {
    location.hash = hash;
  };

  const refreshTrash = useCallback(async () => {
    const reply = await sendMessage('listTrash', {});
    if (reply.ok) setTrash(reply.value);
  }, []);
  useEffect(() => {
    if (route.tab === 'trash') void refreshTrash();
  }, [route.tab, refreshTrash, data.companies, data.alliances]);

  const afterWrite = async (
    reply: Reply<'removeRecord'> | Reply<'revertRecord'> | Reply<'restoreRecord'>,
  ) => {
    if (!reply.ok) setError(reply.error);
    await data.reload();
  };

  const remove = async (type: 'company' | 'alliance', id: string, label: string) => {
    const reply = await sendMessage('removeRecord', { type, id, label });
    if (reply.ok) {
      setUndo(reply.value);
      go(type === 'company' ? 'companies' : 'alliances');
    }
    await afterWrite(reply);
  };
  const revert = async (type: 'company' | 'alliance', id: string, label: string) => {
    await afterWrite(await sendMessage('revertRecord', { type, id, label }));
  };
  const restore = async (seq: number) => {
    setUndo(null);
    await afterWrite(await sendMessage('restoreRecord', { seq }));
    await refreshTrash();
  };

  /** Where a save went: the reader's own records, or their own version of a pack's record. */
  const savedTo = (record: { origins: readonly string[] } | null): string => {
    const pack = data.packs.find((k) => k.origin !== 'user' && record?.origins.includes(k.origin));
    return pack ? t('savedOverride', { pack: pack.title }) : t('savedOwn');
  };

  const company =
    route.tab === 'companies' && route.id ? (data.companiesById.get(route.id) ?? null) : null;
  const alliance =
    route.tab === 'alliances' && route.id
      ? (data.alliances.find((a) => a.id === route.id) ?? null)
      : null;

  const onImport = async (text: string, token?: string): Promise<Result<string, MessageError>> => {
    // The preview's token spares sending the file again; the file goes only if the preview is gone.
    let reply = token ? await sendMessage('importPack', { token }) : null;
    if (!reply || (!reply.ok && reply.error.previewGone))
      reply = await sendMessage('importPack', { text });
    await data.reload();
    if (!reply.ok) {
      // Problems name paths in the pack and stay as they are; the headline speaks the UI language.
      const message = reply.error.problems ? t('importFailed') : reply.error.message;
      return { ok: false, error: { ...reply.error, message } };
    }
    const { title, counts } = reply.value.pack;
    return {
      ok: true,
      value: t('importDone', { title, companies: counts.companies, alliances: counts.alliances }),
    };
  };
  const onExport = async (pack: StoredPack) => {
    const reply = await sendMessage('exportPack', { origin: pack.origin });
    if (reply.ok)
      downloadText(`${pack.id}.alliance-pack.json`, `${JSON.stringify(reply.value, null, 2)}\n`);
    else setError(reply.error);
  };
  const onExportView = async (scope: ExportScope, format: 'json' | 'csv') => {
    const reply = await sendMessage('exportView', { scope });
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const pack = reply.value;
    if (format === 'json') {
      downloadText(`${pack.pack.id}.alliance-pack.json`, `${JSON.stringify(pack, null, 2)}\n`);
    } else {
      const companies = new Map(pack.companies.map((c) => [c.id, { ...c, origins: [] }]));
      const alliances = pack.alliances.map((a) => ({ ...a, origin: '', overridden: false }));
      downloadText(
        `${pack.pack.id}.csv`,
        alliancesToCsv(alliances, companies, lang),
        'text/csv;charset=utf-8',
      );
    }
  };

  // `askHost: false` for catalog entries: the manifest grants their hosts (utils/pack/catalog.ts).
  const onSubscribe = async (raw: string, askHost = true): Promise<string | null> => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return t('subscribeBadUrl');
    }
    if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
      if (!confirm(t('subscribeHttpConfirm', { host: url.hostname }))) return null;
      await sendMessage('allowHttpPackHost', { hostname: url.hostname });
    }
    // Ask for this one origin now, inside the click: the only moment the browser allows it.
    // A pack served with CORS headers works even without it, so a refusal is not final.
    // (Chromium answers `contains` for scheme-specific patterns inside a granted `*://` one with false.)
    const granted =
      !askHost ||
      (await browser.permissions
        .contains({ origins: [`*://${url.hostname}/*`] })
        .catch(() => false));
    if (!granted)
      await browser.permissions
        .request({ origins: [`${url.protocol}//${url.hostname}/*`] })
        .catch(() => false);
    const reply = await sendMessage('subscribe', { url: url.href });
    await data.reload();
    return reply.ok ? null : reply.error.message;
  };
  const onSync = async (pack: StoredPack | null) => {
    const reply = await sendMessage('syncNow', pack ? { origin: pack.origin } : {});
    if (!reply.ok) setError(reply.error);
    await data.reload();
  };

  const onRemovePack = async (pack: StoredPack) => {
    if (!confirm(t('packRemoveConfirm', { title: pack.title }))) return;
    const reply = await sendMessage('removePack', { origin: pack.origin });
    if (!reply.ok) setError(reply.error);
    await data.reload();
  };

  const companyEditor = route.id !== null && (
    <CompanyEditor
      key={`company-${route.id}-${company ? company.origins.join() : ''}`}
      company={company}
      companies={data.companies}
      saved={saved?.key === routeKey ? saved.message : null}
      onSave={async (c) => {
        const problems = problemsOf(await sendMessage('saveCompany', { company: c }));
        setSaved(problems.length ? null : { key: `companies:${c.id}`, message: savedTo(company) });
        if (!problems.length) {
          await data.reload();
          if (!route.id) go(`company=${encodeURIComponent(c.id)}`);
        }
        return problems;
      }}
      onDelete={
        company
          ? () => remove('company', company.id, companyLabel(company, company.id, lang))
          : undefined
      }
      onRevert={
        company
          ? () => revert('company', company.id, companyLabel(company, company.id, lang))
          : undefined
      }
      onClose={() => go('companies')}
    />
  );
  const allianceEditor = route.id !== null && (
    <AllianceEditor
      key={`alliance-${route.id}-${alliance ? `${alliance.origin}${alliance.overridden}` : ''}`}
      alliance={alliance}
      companies={data.companies}
      companiesById={data.companiesById}
      lang={lang}
      saved={saved?.key === routeKey ? saved.message : null}
      onSave={async (a) => {
        const problems = problemsOf(await sendMessage('saveAlliance', { alliance: a }));
        setSaved(
          problems.length
            ? null
            : {
                key: `alliances:${a.id}`,
                message: savedTo(alliance && { origins: [alliance.origin] }),
              },
        );
        if (!problems.length) {
          await data.reload();
          if (!route.id) go(`alliance=${encodeURIComponent(a.id)}`);
        }
        return problems;
      }}
      onDelete={
        alliance
          ? () => remove('alliance', alliance.id, allianceLabel(alliance, data.companiesById, lang))
          : undefined
      }
      onRevert={
        alliance
          ? () => revert('alliance', alliance.id, allianceLabel(alliance, data.companiesById, lang))
          : undefined
      }
      onClose={() => go('alliances')}
    />
  );

  return (
    <main class="manager">
      <header>
        <h1>{t('managerTitle')}</h1>
        <p class="muted" data-testid="counts">
          {data.loaded
            ? t('countsLine', {
                companies: data.companies.length,
                alliances: data.alliances.length,
                packs: data.packs.length,
              })
            : t('loading')}
        </p>
      </header>
      <nav class="tabs" aria-label={t('managerTitle')}>
        {TABS.map((tab) => (
          <a
            key={tab}
            href={`#${tab}`}
            aria-current={route.tab === tab ? 'page' : undefined}
            data-testid={`tab-${tab}`}
          >
            {t(TAB_LABEL[tab])}
          </a>
        ))}
      </nav>
      {error && <ProblemList error={error} />}
      {route.tab === 'companies' && (
        <CompaniesView
          companies={data.companies}
          ties={data.ties}
          packs={data.packs}
          lang={lang}
          selected={route.id}
          onSelect={(id) => go(`company=${encodeURIComponent(id ?? '')}`)}
          editor={companyEditor}
        />
      )}
      {route.tab === 'alliances' && (
        <AlliancesView
          alliances={data.alliances}
          companiesById={data.companiesById}
          packs={data.packs}
          lang={lang}
          selected={route.id}
          onSelect={(id) => go(`alliance=${encodeURIComponent(id ?? '')}`)}
          editor={allianceEditor}
        />
      )}
      {route.tab === 'network' && (
        <NetworkView
          loaded={data.loaded}
          companies={data.companies}
          alliances={data.alliances}
          lang={lang}
          focusIds={route.focus}
          onSelect={(s) => go(`${s.type}=${encodeURIComponent(s.id)}`)}
        />
      )}
      {route.tab === 'packs' && (
        <>
          <ImportPanel
            onPreview={async (text) => {
              const reply = await sendMessage('previewImport', { text });
              if (reply.ok || !reply.error.problems) return reply;
              return { ok: false, error: { ...reply.error, message: t('importFailed') } };
            }}
            onImport={onImport}
          />
          <PackCatalog
            entries={PACK_CATALOG}
            packs={data.packs}
            lang={lang}
            onSubscribe={(url) => onSubscribe(url, false)}
          />
          <PackList
            packs={data.packs}
            onExport={onExport}
            onRemove={onRemovePack}
            onSubscribe={onSubscribe}
            onSync={onSync}
            onToggle={async (pack, enabled) => {
              await sendMessage('setPackEnabled', { origin: pack.origin, enabled });
              await data.reload();
            }}
            onMove={async (pack, direction) => {
              await sendMessage('movePack', { origin: pack.origin, direction });
              await data.reload();
            }}
          />
          <ExportPanel companies={data.companies} lang={lang} onExport={onExportView} />
        </>
      )}
      {route.tab === 'clips' && (
        <ClipsView
          clips={data.clips}
          companies={data.companiesById}
          lang={lang}
          onOpen={(id) => go(`alliance=${encodeURIComponent(id)}`)}
          onExport={() => onExportView({ kind: 'clips' }, 'json')}
          clipShortcut={keyOf(shortcuts, 'clip-alliance')}
        />
      )}
      {route.tab === 'trash' && <TrashView entries={trash} onRestore={restore} />}
      {route.tab === 'settings' && <SettingsTab />}
      {undo && (
        <UndoBar
          label={undo.label}
          onUndo={() => restore(undo.seq!)}
          onDismiss={() => setUndo(null)}
        />
      )}
    </main>
  );
}
