// Wires the settings view to the background (settings' and the database's one
// writer), to the browser's shortcuts, and to the database backup.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsView } from '../../components/manager/SettingsView';
import { backupDatabase } from '../../utils/db/backup';
import { downloadBlob } from '../../utils/download';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging-client';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  type Settings,
  SYNC_STATUS_KEY,
} from '../../utils/settings';
import { store } from './useDataset';
import { useShortcuts } from './useShortcuts';

export function SettingsTab() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const shortcuts = useShortcuts();
  const [message, setMessage] = useState<string | null>(null);
  const [syncProblem, setSyncProblem] = useState<string | null>(null);

  useEffect(() => {
    const read = () =>
      browser.storage.local.get([SETTINGS_KEY, SYNC_STATUS_KEY]).then((s) => {
        setSettings(readSettings(s[SETTINGS_KEY]));
        const problem = s[SYNC_STATUS_KEY];
        setSyncProblem(typeof problem === 'string' ? problem : null);
      });
    void read();
    // Follow changes made elsewhere (the popup, another browser) while this page is open.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SETTINGS_KEY in changes || SYNC_STATUS_KEY in changes)) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onChange = async (patch: Partial<Settings>) => {
    setSettings(readSettings({ ...settings, ...patch }));
    // Only the changed fields travel: the background merges them into the current settings.
    const reply = await sendMessage('updateSettings', { patch });
    if (reply.ok) setSettings(reply.value);
    else setMessage(reply.error.message);
    // The language applies to this page too.
    if (patch.uiLang) location.reload();
  };

  const onTurnOnSite = async (hostname: string) => {
    const reply = await sendMessage('setSiteEnabled', { hostname, enabled: true });
    if (!reply.ok) setMessage(reply.error.message);
  };

  const onBackup = async () => {
    downloadBlob(
      `alliance-lens-backup-${new Date().toISOString().slice(0, 10)}.json`,
      await backupDatabase(store),
    );
  };

  const onRestore = async (file: File) => {
    const reply = await sendMessage('restoreBackup', { text: await file.text() });
    if (!reply.ok) {
      setMessage(reply.error.message);
      return;
    }
    const r = reply.value;
    const restored = t('settingsRestored', {
      companies: String(r.companies),
      alliances: String(r.alliances),
      packs: String(r.packs),
    });
    setMessage(
      r.skippedCount
        ? `${restored} ${t('settingsRestoreSkipped', { count: String(r.skippedCount), first: r.skipped.slice(0, 3).join('; ') })}`
        : restored,
    );
  };

  const onDeleteAll = async () => {
    const reply = await sendMessage('deleteAllData', {});
    if (!reply.ok) {
      setMessage(reply.error.message);
      return;
    }
    const d = reply.value;
    setSettings(DEFAULT_SETTINGS);
    setMessage(
      t('settingsDeletedAll', {
        records: String(d.records),
        packs: String(d.packs),
        subscriptions: String(d.subscriptions),
        trash: String(d.trash),
        syncItems: String(d.syncItems),
      }),
    );
  };

  return (
    <SettingsView
      settings={settings}
      shortcuts={shortcuts}
      message={message}
      syncProblem={syncProblem}
      onChange={onChange}
      onTurnOnSite={onTurnOnSite}
      onBackup={onBackup}
      onRestore={onRestore}
      onDeleteAll={onDeleteAll}
      onChangeShortcuts={() => void sendMessage('openShortcutSettings', {})}
    />
  );
}
