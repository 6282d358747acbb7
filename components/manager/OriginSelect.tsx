import type { StoredPack } from '../../utils/db/records';
import { t } from '../../utils/i18n';

/** Filter by where records came from: all, mine, or one installed pack (the bundled one included). */
export function OriginSelect(p: {
  value: string;
  packs: readonly StoredPack[];
  onChange: (origin: string) => void;
}) {
  return (
    <label>
      {t('filterOrigin')}
      <select
        value={p.value}
        data-testid="origin-filter"
        onChange={(e) => p.onChange(e.currentTarget.value)}
      >
        <option value="all">{t('originAll')}</option>
        <option value="mine">{t('originMine')}</option>
        {p.packs.map((pack) => (
          <option key={pack.origin} value={pack.origin}>
            {pack.title}
          </option>
        ))}
      </select>
    </label>
  );
}
