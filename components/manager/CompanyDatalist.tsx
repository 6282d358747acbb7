import { useMemo } from 'preact/hooks';
import type { Lang } from '../../utils/i18n';
import { type CompanyView, companyLabel } from '../../utils/pack/merge';

/**
 * Every company as a `<datalist>` option (value: id, text: name). Memoized:
 * with a large dataset it is thousands of options, not to be rebuilt on every
 * keystroke in the form around it.
 */
export function CompanyDatalist(p: { id: string; companies: readonly CompanyView[]; lang: Lang }) {
  const options = useMemo(
    () =>
      p.companies.map((c) => (
        <option key={c.id} value={c.id}>
          {companyLabel(c, c.id, p.lang)}
        </option>
      )),
    [p.companies, p.lang],
  );
  return <datalist id={p.id}>{options}</datalist>;
}
