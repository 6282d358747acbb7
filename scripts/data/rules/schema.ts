// Rule `schema`: every record passes the extension's own validator, the one
// that checks imported packs (utils/pack), so the lint never disagrees with it.
import { validateAlliance, validateCompany, validatePack } from '../../../utils/pack/validate';
import { type DataRecord, type Dataset, isObject, type LintProblem, list } from './dataset';

const problem = (file: string, field: string, message: string): LintProblem => ({
  file,
  field,
  rule: 'schema',
  message,
});

/** pack.json is the `pack` object of a pack plus its `removed` list. */
function packInfoProblems(pack: DataRecord): LintProblem[] {
  const { removed, ...info } = pack.raw;
  const result = validatePack({
    format: 'alliance-lens-pack',
    version: 1,
    pack: info,
    companies: [],
    alliances: [],
    ...(removed === undefined ? {} : { removed }),
  });
  if (result.ok) return [];
  return result.error.map((p) => problem(pack.file, p.path.replace(/^pack\.?/, ''), p.message));
}

export function schemaRule(data: Dataset): LintProblem[] {
  const problems: LintProblem[] = [];
  if (!data.pack) problems.push(problem('data/pack.json', '', 'missing'));
  else problems.push(...packInfoProblems(data.pack));
  for (const c of data.companies) {
    const result = validateCompany(c.raw);
    if (!result.ok) for (const p of result.error) problems.push(problem(c.file, p.path, p.message));
  }
  // Whether members name real companies is the `members` rule's job: here every
  // company an alliance names counts as known, so the validator checks the rest.
  const named = new Set<string>();
  for (const a of data.alliances)
    for (const m of list(a.raw.members))
      if (isObject(m) && typeof m.company === 'string') named.add(m.company);
  for (const a of data.alliances) {
    const result = validateAlliance(a.raw, named);
    if (!result.ok) for (const p of result.error) problems.push(problem(a.file, p.path, p.message));
  }
  return problems;
}
