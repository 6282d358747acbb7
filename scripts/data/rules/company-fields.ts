// Rule `company-fields`: what the pack format leaves optional, the dataset
// requires. Both names are already required by the validator (rule `schema`).
import { COMPANY_SECTORS } from '../../../utils/pack/types';
import type { Dataset, LintProblem } from './dataset';

const REQUIRED = [
  ['country', 'the ISO 3166-1 alpha-2 code of the headquarters, like "KR" or "US"'],
  ['sector', `one of ${COMPANY_SECTORS.join(', ')}`],
] as const;

export function companyFieldsRule(data: Dataset): LintProblem[] {
  return data.companies.flatMap((c) =>
    REQUIRED.filter(([field]) => c.raw[field] === undefined).map(([field, what]) => ({
      file: c.file,
      field,
      rule: 'company-fields',
      message: `missing: give ${what}`,
    })),
  );
}
