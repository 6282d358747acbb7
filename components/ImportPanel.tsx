// Import a pack file: a preview of what it would change, then apply or cancel.
import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { MessageError, Replies } from '../utils/messaging';
import { MAX_PACK_BYTES } from '../utils/pack/types';
import type { Result } from '../utils/result';
import { ProblemList } from './ProblemList';

export type ImportPreview = Replies['previewImport'];

export interface ImportPanelProps {
  /** Checks the file's text and says what importing it would change. */
  onPreview: (text: string) => Promise<Result<ImportPreview, MessageError>>;
  /**
   * Imports the file: by the token of its preview, or its text if that preview is gone;
   * resolves to the success message or the error to show.
   */
  onImport: (text: string, token?: string) => Promise<Result<string, MessageError>>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'preview'; text: string; preview: ImportPreview }
  | { kind: 'done'; message: string }
  | { kind: 'error'; error: MessageError };

export function ImportPanel({ onPreview, onImport }: ImportPanelProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const onChange = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refuse oversized files before reading them into memory.
    if (file.size > MAX_PACK_BYTES) {
      setState({
        kind: 'error',
        error: { message: t('importTooLarge', { size: (file.size / 1048576).toFixed(1) }) },
      });
      return;
    }
    setState({ kind: 'busy' });
    const text = await file.text();
    const preview = await onPreview(text);
    setState(
      preview.ok
        ? { kind: 'preview', text, preview: preview.value }
        : { kind: 'error', error: preview.error },
    );
  };

  const apply = async (text: string, token: string) => {
    setState({ kind: 'busy' });
    const result = await onImport(text, token);
    setState(
      result.ok ? { kind: 'done', message: result.value } : { kind: 'error', error: result.error },
    );
  };

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="help">{t('importHelp')}</p>
      <label class="button">
        {t('importChoose')}
        <input
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          data-testid="import-file"
          onChange={onChange}
          disabled={state.kind === 'busy'}
        />
      </label>
      <div aria-live="polite" data-testid="import-result">
        {state.kind === 'busy' && <p>{t('loading')}</p>}
        {state.kind === 'preview' && (
          <div class="import-preview" data-testid="import-preview">
            <p>
              <strong>{state.preview.title}</strong> ({state.preview.packId}){' '}
              {state.preview.replaces ? t('importReplaces') : t('importNew')}
            </p>
            <p class="muted" data-testid="import-license">
              {state.preview.license
                ? t('packLicense', { license: state.preview.license })
                : t('packNoLicense')}
            </p>
            <ul>
              <li>{t('importAdded', { count: state.preview.counts.added })}</li>
              <li>{t('importChanged', { count: state.preview.counts.changed })}</li>
              <li>{t('importUnchanged', { count: state.preview.counts.unchanged })}</li>
              {state.preview.counts.removed > 0 && (
                <li>{t('importRemoved', { count: state.preview.counts.removed })}</li>
              )}
              {state.preview.counts.conflicts > 0 && (
                <li class="warning">
                  {t('importConflicts', { count: state.preview.counts.conflicts })}
                </li>
              )}
            </ul>
            <div class="actions">
              <button
                type="button"
                class="primary"
                data-testid="import-apply"
                onClick={() => apply(state.text, state.preview.token)}
              >
                {t('importApply')}
              </button>
              <button
                type="button"
                data-testid="import-cancel"
                onClick={() => setState({ kind: 'idle' })}
              >
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {state.kind === 'done' && <p class="success">{state.message}</p>}
        {state.kind === 'error' && <ProblemList error={state.error} />}
      </div>
    </section>
  );
}
