// Settings: highlight look, hover delay, language, sites, shortcuts, backup,
// restore and deleting the user's data. Takes everything as props.
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Shortcut } from '../../utils/messaging';
import type { Settings } from '../../utils/settings';

export interface SettingsViewProps {
  settings: Settings;
  shortcuts: readonly Shortcut[];
  message: string | null;
  /** Why the user's records are not following them to their other browsers, if they are not. */
  syncProblem?: string | null;
  onChange: (patch: Partial<Settings>) => void;
  /** Turns a news site the user had turned off back on. */
  onTurnOnSite: (hostname: string) => void;
  onBackup: () => void;
  onRestore: (file: File) => void;
  onDeleteAll: () => void;
  /** Opens the browser's own shortcut page (only the browser can change them). */
  onChangeShortcuts: () => void;
}

export function SettingsView(p: SettingsViewProps) {
  const [confirming, setConfirming] = useState(false);
  const s = p.settings;
  return (
    <div data-testid="settings">
      <section class="panel editor" aria-labelledby="look-title">
        <h2 id="look-title">{t('settingsReading')}</h2>
        <div class="row">
          <label class="field">
            <span>{t('settingsLanguage')}</span>
            <select
              value={s.uiLang}
              name="uiLang"
              onChange={(e) => p.onChange({ uiLang: e.currentTarget.value as Settings['uiLang'] })}
            >
              <option value="auto">{t('settingsLanguageAuto')}</option>
              <option value="ko">한국어</option>
              <option value="en">English</option>
            </select>
          </label>
          <label class="field">
            <span>{t('settingsHoverDelay', { ms: s.hoverDelayMs })}</span>
            <input
              type="range"
              min={0}
              max={1500}
              step={50}
              name="hoverDelayMs"
              value={s.hoverDelayMs}
              onChange={(e) => p.onChange({ hoverDelayMs: Number(e.currentTarget.value) })}
            />
          </label>
        </div>
        <div class="row">
          <label class="field">
            <span>{t('settingsHighlightStyle')}</span>
            <select
              value={s.highlightStyle}
              name="highlightStyle"
              onChange={(e) =>
                p.onChange({ highlightStyle: e.currentTarget.value as Settings['highlightStyle'] })
              }
            >
              <option value="underline">{t('settingsUnderline')}</option>
              <option value="background">{t('settingsBackground')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('settingsClipButton')}</span>
            <span>
              <input
                type="checkbox"
                name="clipButton"
                checked={s.clipButton}
                onChange={(e) => p.onChange({ clipButton: e.currentTarget.checked })}
              />{' '}
              {t('settingsClipButtonHelp')}
            </span>
          </label>
          <label class="field">
            <span>{t('settingsHighlightColor')}</span>
            <input
              type="color"
              name="highlightColor"
              value={s.highlightColor}
              onChange={(e) => p.onChange({ highlightColor: e.currentTarget.value })}
            />
          </label>
        </div>
      </section>
      <section class="panel" aria-labelledby="sites-title">
        <h2 id="sites-title">{t('settingsSites')}</h2>
        <p class="help">{t('settingsSitesHelp')}</p>
        {s.disabledHosts.length > 0 && (
          <>
            <h3 class="section-title">{t('settingsSitesOff')}</h3>
            <ul class="chips">
              {s.disabledHosts.map((h) => (
                <li class="chip" key={h}>
                  {h}
                  <button
                    type="button"
                    aria-label={t('settingsTurnOn', { host: h })}
                    onClick={() => p.onTurnOnSite(h)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {s.enabledHosts.length > 0 && (
          <>
            <h3 class="section-title">{t('settingsSitesOn')}</h3>
            <ul class="chips">
              {s.enabledHosts.map((h) => (
                <li class="chip" key={h}>
                  {h}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">{t('settingsShortcuts')}</h2>
        <ul>
          {p.shortcuts.map((k) => (
            <li key={k.name} data-command={k.name}>
              <kbd>{k.shortcut || t('settingsNoShortcut')}</kbd> — {k.description}
            </li>
          ))}
        </ul>
        <p class="help">{t('settingsShortcutsHelp')}</p>
        <div class="actions">
          <button type="button" onClick={p.onChangeShortcuts} data-testid="change-shortcuts">
            {t('shortcutChange')}
          </button>
        </div>
      </section>
      <section class="panel" aria-labelledby="backup-title">
        <h2 id="backup-title">{t('settingsBackup')}</h2>
        <p class="help">{t('settingsBackupHelp')}</p>
        <p class={p.syncProblem ? 'field-error' : 'help'} data-testid="sync-storage-status">
          {p.syncProblem ?? t('settingsSyncOk')}
        </p>
        <div class="actions">
          <button type="button" onClick={p.onBackup} data-testid="backup">
            {t('settingsBackupButton')}
          </button>
          <label class="button">
            {t('settingsRestoreButton')}
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              data-testid="restore-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) p.onRestore(file);
              }}
            />
          </label>
        </div>
        <h3 class="section-title">{t('settingsDeleteAll')}</h3>
        {confirming ? (
          <p role="alert">
            {t('settingsDeleteAllConfirm')}{' '}
            <button
              type="button"
              class="danger"
              data-testid="delete-all-confirm"
              onClick={() => {
                setConfirming(false);
                p.onDeleteAll();
              }}
            >
              {t('settingsDeleteAllYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="delete-all">
            {t('settingsDeleteAll')}
          </button>
        )}
        {p.message && (
          <p role="status" data-testid="settings-message">
            {p.message}
          </p>
        )}
      </section>
    </div>
  );
}
