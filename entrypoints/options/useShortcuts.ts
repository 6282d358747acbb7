// The keys the browser really bound to the extension's commands. Read again
// when the reader comes back to the tab: they change them on the browser's
// own shortcut page, which opens in another tab.
import { useEffect, useState } from 'preact/hooks';
import type { Shortcut } from '../../utils/messaging';
import { sendMessage } from '../../utils/messaging-client';

export function useShortcuts(): Shortcut[] {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    const read = () =>
      void sendMessage('getShortcuts', {}).then((r) => {
        if (r.ok) setShortcuts(r.value);
      });
    read();
    const onVisible = () => {
      if (document.visibilityState === 'visible') read();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', read);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', read);
    };
  }, []);
  return shortcuts;
}

/** The key bound to one command, '' when the browser gave it none. */
export function keyOf(shortcuts: readonly Shortcut[], name: string): string {
  return shortcuts.find((s) => s.name === name)?.shortcut ?? '';
}
