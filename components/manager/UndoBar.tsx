import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** "Deleted X — Undo", for a few seconds after a deletion (the trash keeps it afterwards). */
export function UndoBar({
  label,
  onUndo,
  onDismiss,
}: {
  label: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  // The latest onDismiss, without restarting the 10 s timer on every re-render of the page
  // (a new function each time): only a new deletion restarts it.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(), 10_000);
    return () => clearTimeout(timer);
  }, [label]);
  return (
    <div class="toast-bar" role="status" data-testid="undo-bar">
      <span>{t('deletedUndo', { label })}</span>
      <button type="button" onClick={onUndo} data-testid="undo">
        {t('undo')}
      </button>
    </div>
  );
}
