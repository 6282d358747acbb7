import { useEffect } from 'preact/hooks';
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
  useEffect(() => {
    const timer = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(timer);
  }, [label, onDismiss]);
  return (
    <div class="toast-bar" role="status" data-testid="undo-bar">
      <span>{t('deletedUndo', { label })}</span>
      <button type="button" onClick={onUndo} data-testid="undo">
        {t('undo')}
      </button>
    </div>
  );
}
