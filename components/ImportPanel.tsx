import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { MessageError } from '../utils/messaging';
import { MAX_PACK_BYTES } from '../utils/pack/types';
import type { Result } from '../utils/result';
import { ProblemList } from './ProblemList';

export interface ImportPanelProps {
  /** Imports the file's text; resolves to the success message or the error to show. */
  onImport: (text: string) => Promise<Result<string, MessageError>>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; error: MessageError };

export function ImportPanel({ onImport }: ImportPanelProps) {
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
    const result = await onImport(await file.text());
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
        {state.kind === 'done' && <p class="success">{state.message}</p>}
        {state.kind === 'error' && <ProblemList error={state.error} />}
      </div>
    </section>
  );
}
