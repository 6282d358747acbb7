// The dataset lint: pure functions from the data files (path and text) and
// today's date to problems, each naming its file and field. No disk, no DOM,
// no browser API: tests/unit/data-lint.test.ts feeds it files from memory or
// from data/. data/README.md is the reference for what the rules enforce.
import { companyFieldsRule } from './rules/company-fields';
import { type DataFile, type LintProblem, loadDataset, type Rule } from './rules/dataset';
import { datesRule } from './rules/dates';
import { duplicateAlliancesRule } from './rules/duplicate-alliances';
import { formatRule } from './rules/format';
import { fileNameRule, releasedIdRule, uniqueIdRule } from './rules/ids';
import { membersRule } from './rules/members';
import { schemaRule } from './rules/schema';
import { sharedAliasesRule } from './rules/shared-aliases';
import { sourcesRule } from './rules/sources';
import { summaryRule } from './rules/summary';

export type { DataFile, LintProblem } from './rules/dataset';

/** Every rule, by the name problems carry. `json` (a file that does not parse) is found first. */
export const RULES: Record<string, Rule> = {
  schema: schemaRule,
  'file-name': fileNameRule,
  'unique-id': uniqueIdRule,
  'released-id': releasedIdRule,
  members: membersRule,
  'company-fields': companyFieldsRule,
  'shared-alias': sharedAliasesRule,
  sources: sourcesRule,
  dates: datesRule,
  'duplicate-alliance': duplicateAlliancesRule,
  summary: summaryRule,
  format: formatRule,
};

export interface LintOptions {
  /** `YYYY-MM-DD`: dates after it are in the future. */
  today: string;
}

export function lintDataset(files: readonly DataFile[], options: LintOptions): LintProblem[] {
  const { data, problems } = loadDataset(files);
  for (const rule of Object.values(RULES)) problems.push(...rule(data, options));
  // Grouped by file, in the rules' order within a file, so a contributor reads their own.
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : a.i - b.i))
    .map(({ p }) => p);
}

export function formatLintProblem(p: LintProblem): string {
  return `${p.file}${p.field ? ` ${p.field}` : ''}: ${p.message} [${p.rule}]`;
}
