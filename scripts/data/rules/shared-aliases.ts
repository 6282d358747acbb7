// Rule `shared-alias`: an alias two companies both answer to sends readers to
// the wrong card, unless it is shared on purpose. It must then be declared in
// `sharedAliases` on every company that lists it, all naming the same company,
// one of them. Aliases are compared ignoring case and spaces, as readers do.
import { sameNameKey } from '../../../utils/pack/same-name';
import { type DataRecord, type Dataset, isObject, type LintProblem, list, str } from './dataset';

interface Listing {
  company: DataRecord;
  id: string;
  /** Where the company lists it: `names.ko`, `aliases[2]`. */
  field: string;
  alias: string;
}

/** A company's names and aliases, one listing per distinct key. */
function listings(c: DataRecord, id: string): Map<string, Listing> {
  const names = isObject(c.raw.names) ? c.raw.names : {};
  const forms: [string, unknown][] = [
    ['names.en', names.en],
    ['names.ko', names.ko],
    ...list(c.raw.aliases).map((a, i): [string, unknown] => [`aliases[${i}]`, a]),
  ];
  const out = new Map<string, Listing>();
  for (const [field, value] of forms) {
    const alias = str(value)?.trim();
    if (!alias) continue;
    const key = sameNameKey(alias);
    if (!out.has(key)) out.set(key, { company: c, id, field, alias });
  }
  return out;
}

/** The company's sharedAliases by alias key: the alias as written there and the id it names. */
function declarations(c: DataRecord): Map<string, { alias: string; target: unknown }> {
  const shared = isObject(c.raw.sharedAliases) ? c.raw.sharedAliases : {};
  return new Map(
    Object.entries(shared).map(([alias, target]) => [sameNameKey(alias), { alias, target }]),
  );
}

export function sharedAliasesRule(data: Dataset): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (file: string, field: string, message: string) =>
    problems.push({ file, field, rule: 'shared-alias', message });
  const byKey = new Map<string, Listing[]>();
  for (const c of data.companies) {
    const id = str(c.raw.id);
    if (id === undefined) continue;
    const own = listings(c, id);
    for (const [key, listing] of own) byKey.set(key, [...(byKey.get(key) ?? []), listing]);
    for (const [key, { alias }] of declarations(c))
      if (!own.has(key))
        add(c.file, `sharedAliases.${alias}`, "not one of this company's names or aliases");
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const ids = group.map((l) => l.id);
    const declared = group.map((l) => declarations(l.company).get(sameNameKey(l.alias)));
    const first = declared.find((d) => d !== undefined);
    group.forEach((l, i) => {
      const d = declared[i];
      const others = group.filter((o) => o !== l).map((o) => o.company.file);
      if (!d) {
        add(
          l.company.file,
          l.field,
          `"${l.alias}" is also listed by ${others.join(', ')}: declare in "sharedAliases", on each of them, which company it usually means`,
        );
      } else if (typeof d.target !== 'string' || !ids.includes(d.target)) {
        add(
          l.company.file,
          `sharedAliases.${d.alias}`,
          `names ${JSON.stringify(d.target)}, which does not list "${l.alias}" (those that do: ${ids.join(', ')})`,
        );
      } else if (first && d.target !== first.target) {
        add(
          l.company.file,
          `sharedAliases.${d.alias}`,
          `names "${d.target}", but the others that list "${l.alias}" name "${String(first.target)}": they must agree`,
        );
      }
    });
  }
  return problems;
}
