// The `<option>`s of every alliance kind and status, labelled in the UI
// language, for the selects of the clip form, the editor and the filters.
import { kindLabel, t } from '../utils/i18n';
import { ALLIANCE_KINDS, ALLIANCE_STATUSES } from '../utils/pack/types';

export function KindOptions() {
  return (
    <>
      {ALLIANCE_KINDS.map((k) => (
        <option key={k} value={k}>
          {kindLabel(k)}
        </option>
      ))}
    </>
  );
}

export function StatusOptions() {
  return (
    <>
      {ALLIANCE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status_${s}`)}
        </option>
      ))}
    </>
  );
}
