import { useCallback, useEffect, useState } from 'preact/hooks';
import { ImportPanel } from '../../components/ImportPanel';
import { PackList } from '../../components/PackList';
import { ProblemList } from '../../components/ProblemList';
import type { StoredPack } from '../../utils/db/records';
import { downloadText } from '../../utils/download';
import { t } from '../../utils/i18n';
import type { MessageError, Status } from '../../utils/messaging';
import { sendMessage } from '../../utils/messaging-client';
import type { Result } from '../../utils/result';

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<MessageError | null>(null);

  const refresh = useCallback(async () => {
    const reply = await sendMessage('getStatus', {});
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const onImport = async (text: string): Promise<Result<string, MessageError>> => {
    const reply = await sendMessage('importPack', { text });
    await refresh();
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

  const onRemove = async (pack: StoredPack) => {
    if (!confirm(t('packRemoveConfirm', { title: pack.title }))) return;
    const reply = await sendMessage('removePack', { origin: pack.origin });
    if (!reply.ok) setError(reply.error);
    await refresh();
  };

  return (
    <main class="manager">
      <header>
        <h1>{t('managerTitle')}</h1>
        {status && (
          <p class="muted" data-testid="counts">
            {t('countsLine', {
              companies: status.counts.companies,
              alliances: status.counts.alliances,
              packs: status.counts.packs,
            })}
          </p>
        )}
      </header>
      {error && <ProblemList error={error} />}
      <ImportPanel onImport={onImport} />
      {status ? (
        <PackList packs={status.packs} onExport={onExport} onRemove={onRemove} />
      ) : (
        <p>{t('loading')}</p>
      )}
    </main>
  );
}
