import { t } from '../../utils/i18n';

/** Save, delete (when the record exists) and close, with "Saved" and where to after a save. */
export function EditorActions(p: {
  saved: string | null;
  onDelete?: () => void;
  onClose: () => void;
}) {
  return (
    <div class="actions">
      <button type="submit" class="primary">
        {t('save')}
      </button>
      {p.onDelete && (
        <button type="button" onClick={p.onDelete} data-testid="delete">
          {t('delete')}
        </button>
      )}
      <button type="button" onClick={p.onClose}>
        {t('close')}
      </button>
      {p.saved && (
        <span class="success" role="status" data-testid="saved">
          {p.saved}
        </span>
      )}
    </div>
  );
}

/** "You changed this record" with the way back to the pack's version. */
export function OverrideNote({ onRevert }: { onRevert?: () => void }) {
  return (
    <p class="overridden">
      {t('overriddenNote')}{' '}
      <button type="button" onClick={onRevert} data-testid="revert">
        {t('revertToPack')}
      </button>
    </p>
  );
}
