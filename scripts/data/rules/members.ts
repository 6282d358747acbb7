// Rule `members`: every company an alliance names has its own file, so the
// built pack never refers to a company it does not define.
import { type Dataset, idsOf, isObject, type LintProblem, list, str } from './dataset';

export function membersRule(data: Dataset): LintProblem[] {
  const companies = idsOf(data, 'companies');
  return data.alliances.flatMap((a) =>
    list(a.raw.members).flatMap((m, i): LintProblem[] => {
      const id = isObject(m) ? str(m.company) : undefined;
      if (id === undefined || companies.has(id)) return [];
      return [
        {
          file: a.file,
          field: `members[${i}].company`,
          rule: 'members',
          message: `no company "${id}": add data/companies/${id}.json or fix the id`,
        },
      ];
    }),
  );
}
