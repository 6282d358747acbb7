import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ProblemList } from '../../components/ProblemList';
import { t } from '../../utils/i18n';
import type { MessageError, Status } from '../../utils/messaging';
import { sendMessage } from '../../utils/messaging-client';

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  useEffect(() => {
    sendMessage('getStatus', {}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, []);

  return (
    <main class="popup-main">
      <h1>{t('popupTitle')}</h1>
      {error && <ProblemList error={error} />}
      {status ? (
        <p data-testid="counts">
          {t('countsLine', {
            companies: status.counts.companies,
            alliances: status.counts.alliances,
            packs: status.counts.packs,
          })}
        </p>
      ) : (
        !error && <p>{t('loading')}</p>
      )}
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
        {t('openManager')}
      </button>
    </main>
  );
}
