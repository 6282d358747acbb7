// The dataset as the lint rules see it: every file parsed once, each record
// with the file it came from. Rules are pure functions of this and the date.
import { locateJsonError } from '../../../utils/pack/json-error';
import { type FileKind, kindOfPath } from '../canonical.mjs';

export interface DataFile {
  /** Relative to the repository: `data/companies/openai.json`. */
  path: string;
  text: string;
}

export interface LintProblem {
  file: string;
  /** The field in that file, in JavaScript notation (`sources[0].url`); empty for the whole file. */
  field: string;
  /** Which rule found it (see RULES in ../lint.ts). */
  rule: string;
  message: string;
}

export type Raw = Record<string, unknown>;

export interface DataRecord {
  file: string;
  /** The parsed file; rules must tolerate any shape, since the schema rule reports shape. */
  raw: Raw;
  text: string;
}

export interface Dataset {
  pack: DataRecord | null;
  released: DataRecord | null;
  companies: DataRecord[];
  alliances: DataRecord[];
  /** Every file that parsed, with its kind, for the formatting rule. */
  parsed: (DataRecord & { kind: FileKind; value: unknown })[];
  /** Files that are not a JSON object: they exist, so no rule should call them missing. */
  unparsed: Set<string>;
}

export interface LintContext {
  /** `YYYY-MM-DD`; injected so that tests do not depend on the clock. */
  today: string;
}

export type Rule = (data: Dataset, context: LintContext) => LintProblem[];

export const isObject = (x: unknown): x is Raw =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** The ids of the companies or alliances, counting files that exist but do not parse. */
export function idsOf(data: Dataset, type: 'companies' | 'alliances'): Set<string> {
  const ids = new Set<string>();
  for (const r of data[type]) if (typeof r.raw.id === 'string') ids.add(r.raw.id);
  const prefix = `data/${type}/`;
  for (const path of data.unparsed)
    if (path.startsWith(prefix)) ids.add(path.slice(prefix.length).replace(/\.json$/, ''));
  return ids;
}

/** Parses every file; one that is not a JSON object is a problem of the `json` rule. */
export function loadDataset(files: readonly DataFile[]): {
  data: Dataset;
  problems: LintProblem[];
} {
  const data: Dataset = {
    pack: null,
    released: null,
    companies: [],
    alliances: [],
    parsed: [],
    unparsed: new Set(),
  };
  const problems: LintProblem[] = [];
  for (const { path, text } of files) {
    const kind = kindOfPath(path);
    if (!kind) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const at = locateJsonError(text);
      const where = at ? `line ${at.line}, column ${at.column}: ` : '';
      const what = at ? ` (expected ${at.expected})` : '';
      problems.push({ file: path, field: '', rule: 'json', message: `${where}not JSON${what}` });
      data.unparsed.add(path);
      continue;
    }
    if (!isObject(value)) {
      problems.push({ file: path, field: '', rule: 'json', message: 'expected a JSON object' });
      data.unparsed.add(path);
      continue;
    }
    const record: DataRecord = { file: path, raw: value, text };
    data.parsed.push({ ...record, kind, value });
    if (kind === 'pack') data.pack = record;
    else if (kind === 'released') data.released = record;
    else if (kind === 'company') data.companies.push(record);
    else data.alliances.push(record);
  }
  return { data, problems };
}
