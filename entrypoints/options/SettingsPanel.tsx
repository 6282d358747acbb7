// Wires the settings view to extension storage, commands and the database backup.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsView, type Shortcut } from '../../components/manager/SettingsView';
import { backupDatabase, deleteUserData, restoreDatabase } from '../../utils/db/backup';
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

export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [syncProblem, setSyncProblem] = useState<string | null>(null);

  useEffect(() => {
    browser.storage.local.get([SETTINGS_KEY, SYNC_STATUS_KEY]).then((s) => {
      setSettings(readSettings(s[SETTINGS_KEY]));
      setSyncProblem((s[SYNC_STATUS_KEY] as string | null) ?? null);
    });
    browser.commands.getAll().then((all) =>
      setShortcuts(
        all.map((c) => ({
          name: c.name ?? '',
          description: c.description ?? '',
          shortcut: c.shortcut ?? '',
        })),
      ),
    );
  }, []);

  const onChange = async (patch: Partial<Settings>) => {
    const next = readSettings({ ...settings, ...patch });
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    // The language applies to this page too.
    if (patch.uiLang) location.reload();
  };

  const onBackup = async () => {
    downloadBlob(
      `alliance-lens-backup-${new Date().toISOString().slice(0, 10)}.json`,
      await backupDatabase(store),
    );
  };

  const onRestore = async (file: File) => {
    try {
      await restoreDatabase(store, file);
      await sendMessage('datasetChanged', {});
      setMessage(t('settingsRestored'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const onDeleteAll = async () => {
    await deleteUserData(store);
    await browser.storage.local.remove(SETTINGS_KEY);
    setSettings(DEFAULT_SETTINGS);
    await sendMessage('datasetChanged', {});
    setMessage(t('settingsDeletedAll'));
  };

  return (
    <SettingsView
      settings={settings}
      shortcuts={shortcuts}
      message={message}
      syncProblem={syncProblem}
      onChange={onChange}
      onBackup={onBackup}
      onRestore={onRestore}
      onDeleteAll={onDeleteAll}
    />
  );
}
