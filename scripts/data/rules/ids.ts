// Rules about ids: `file-name` (a record's file is named after its id),
// `unique-id` (no two companies, and no two alliances, share an id) and
// `released-id` (an id that shipped never silently disappears).
import {
  type DataRecord,
  type Dataset,
  idsOf,
  isObject,
  type LintProblem,
  list,
  str,
} from './dataset';

const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/, '');

export function fileNameRule(data: Dataset): LintProblem[] {
  return [...data.companies, ...data.alliances].flatMap((r) => {
    const id = str(r.raw.id);
    if (id === undefined || id === baseName(r.file)) return [];
    return [
      {
        file: r.file,
        field: 'id',
        rule: 'file-name',
        message: `id "${id}" differs from the file name: rename the file to ${id}.json or fix the id`,
      },
    ];
  });
}

function duplicates(records: DataRecord[]): LintProblem[] {
  const first = new Map<string, string>();
  const problems: LintProblem[] = [];
  for (const r of records) {
    const id = str(r.raw.id);
    if (id === undefined) continue;
    const other = first.get(id);
    if (other === undefined) first.set(id, r.file);
    else
      problems.push({
        file: r.file,
        field: 'id',
        rule: 'unique-id',
        message: `id "${id}" is already the id of ${other}`,
      });
  }
  return problems;
}

export function uniqueIdRule(data: Dataset): LintProblem[] {
  return [...duplicates(data.companies), ...duplicates(data.alliances)];
}

const TYPES = [
  { type: 'company', key: 'companies', dir: 'data/companies' },
  { type: 'alliance', key: 'alliances', dir: 'data/alliances' },
] as const;

/**
 * data/released-ids.json lists every id that has shipped in core.json. Subscribers
 * and other packs refer to them, so each must stay, or be withdrawn on purpose
 * in data/pack.json `removed`.
 */
export function releasedIdRule(data: Dataset): LintProblem[] {
  const rule = 'released-id';
  if (!data.released)
    return [{ file: 'data/released-ids.json', field: '', rule, message: 'missing' }];
  const problems: LintProblem[] = [];
  const removed = list(data.pack?.raw.removed).filter(isObject);
  const isRemoved = (type: string, id: string) =>
    removed.some((r) => r.type === type && r.id === id);
  for (const { type, key, dir } of TYPES) {
    const records = type === 'company' ? data.companies : data.alliances;
    const present = new Map(records.map((r) => [str(r.raw.id), r.file]));
    const exists = idsOf(data, key);
    const released = data.released.raw[key];
    if (!Array.isArray(released)) {
      problems.push({
        file: data.released.file,
        field: key,
        rule,
        message: 'expected a list of ids',
      });
      continue;
    }
    for (const id of released) {
      if (typeof id !== 'string' || exists.has(id) || isRemoved(type, id)) continue;
      problems.push({
        file: `${dir}/${id}.json`,
        field: 'id',
        rule,
        message: `"${id}" shipped in an earlier core.json and is gone: restore the file, or list { "type": "${type}", "id": "${id}" } in data/pack.json "removed"`,
      });
    }
    removed.forEach((r, i) => {
      const id = str(r.id);
      if (r.type !== type || id === undefined || !present.has(id)) return;
      problems.push({
        file: data.pack?.file ?? 'data/pack.json',
        field: `removed[${i}]`,
        rule,
        message: `"${id}" is listed as removed, yet ${present.get(id)} still has it`,
      });
    });
  }
  return problems;
}
