// Turns untrusted text or JSON into a Pack, or into every problem found, each
// naming its path: `alliances[3].members[1]: unknown company "openia"`.
import * as v from 'valibot';
import { err, ok, type Result } from '../result';
import { locateJsonError } from './json-error';
import { AllianceSchema, CompanySchema, PackSchema } from './schema';
import {
  type Alliance,
  type Company,
  MAX_PACK_BYTES,
  PACK_FORMAT,
  PACK_VERSION,
  type Pack,
} from './types';

export interface PackProblem {
  path: string;
  message: string;
}

/** More than this many problems would only bury the first ones. */
export const MAX_PROBLEMS = 50;

export function formatProblem(p: PackProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export interface ValidateOptions {
  /** Companies already in the database that alliances may refer to without defining them. */
  knownCompanyIds?: ReadonlySet<string>;
}

function utf8Length(text: string): number {
  // Each UTF-16 unit encodes to 1–3 bytes, so the exact count is only needed near the limit.
  if (text.length * 3 <= MAX_PACK_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

export function tooLargeProblem(bytes: number): PackProblem {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { path: '', message: `the pack is ${mb(bytes)}, over the ${mb(MAX_PACK_BYTES)} limit` };
}

/** Where the JSON breaks, as "line L, column C", whatever the engine's message says. */
function jsonErrorProblem(text: string): PackProblem {
  const at = locateJsonError(text);
  if (!at) return { path: '', message: 'not JSON' };
  return {
    path: '',
    message: `line ${at.line}, column ${at.column}: not JSON (expected ${at.expected})`,
  };
}

export function parsePackText(
  text: string,
  options?: ValidateOptions,
): Result<Pack, PackProblem[]> {
  const bytes = utf8Length(text);
  if (bytes > MAX_PACK_BYTES) return err([tooLargeProblem(bytes)]);
  let raw: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(body);
  } catch {
    return err([jsonErrorProblem(body)]);
  }
  return validatePack(raw, options);
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks a parsed pack. Never throws, whatever the input: a failure inside the
 * checks becomes a problem, so callers always record and reschedule.
 */
export function validatePack(
  raw: unknown,
  options: ValidateOptions = {},
): Result<Pack, PackProblem[]> {
  try {
    return validateUnchecked(raw, options);
  } catch (e) {
    return err([{ path: '', message: `could not be checked (${String(e).slice(0, 200)})` }]);
  }
}

/** Keeps the first MAX_PROBLEMS problems and counts the rest (no spread: lists can be huge). */
class ProblemList {
  readonly shown: PackProblem[] = [];
  more = 0;
  add(list: Iterable<PackProblem>): void {
    for (const p of list) {
      if (this.shown.length < MAX_PROBLEMS) this.shown.push(p);
      else this.more++;
    }
  }
  get size(): number {
    return this.shown.length + this.more;
  }
  result(): PackProblem[] {
    return this.more
      ? [...this.shown, { path: '', message: `and ${this.more} more problems` }]
      : this.shown;
  }
}

function validateUnchecked(raw: unknown, options: ValidateOptions): Result<Pack, PackProblem[]> {
  if (!isObject(raw))
    return err([{ path: '', message: 'not an Alliance Lens pack (expected a JSON object)' }]);
  if (raw.format !== PACK_FORMAT) {
    return err([
      {
        path: 'format',
        message: `not an Alliance Lens pack (expected "${PACK_FORMAT}", found ${JSON.stringify(raw.format ?? null)})`,
      },
    ]);
  }
  if (typeof raw.version === 'number' && raw.version > PACK_VERSION) {
    return err([
      {
        path: 'version',
        message: `made for a newer Alliance Lens (pack format ${raw.version}; this version reads ${PACK_VERSION}). Update the extension to use it.`,
      },
    ]);
  }
  const problems = new ProblemList();
  const parsed = v.safeParse(PackSchema, raw, { abortEarly: false });
  if (!parsed.success) {
    // valibot words a missing required field as an invalid key; issuesToProblems says it plainly.
    problems.add(issuesToProblems(parsed.issues));
  }
  problems.add(crossRecordProblems(raw, options));
  if (problems.size > 0) return err(problems.result());
  return ok(parsed.output as Pack);
}

/** Compares partial dates at their common precision: "2024" is not before "2024-06". */
function isDateBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** Checks within one alliance that need other records: members, their count, the date order. */
function allianceProblems(
  a: Record<string, unknown>,
  at: string,
  known: (id: string) => boolean,
): PackProblem[] {
  const problems: PackProblem[] = [];
  const path = (p: string) => (at ? `${at}.${p}` : p);
  if (Array.isArray(a.members)) {
    if (a.members.length < 2) {
      problems.push({
        path: path('members'),
        message: `an alliance needs at least two members (found ${a.members.length})`,
      });
    }
    const seen = new Set<string>();
    a.members.forEach((m, j) => {
      if (!isObject(m) || typeof m.company !== 'string') return;
      if (!known(m.company)) {
        problems.push({
          path: path(`members[${j}]`),
          message: `unknown company ${JSON.stringify(m.company)}`,
        });
      } else if (seen.has(m.company)) {
        problems.push({
          path: path(`members[${j}]`),
          message: `company "${m.company}" is listed twice`,
        });
      }
      seen.add(m.company);
    });
  }
  if (
    typeof a.since === 'string' &&
    typeof a.until === 'string' &&
    isDateBefore(a.until, a.since)
  ) {
    problems.push({
      path: path('until'),
      message: `ends (${a.until}) before it starts (${a.since})`,
    });
  }
  return problems;
}

/** Checks that span records. Works on the raw input, so it must tolerate any shape. */
function crossRecordProblems(
  raw: Record<string, unknown>,
  options: ValidateOptions,
): PackProblem[] {
  const problems: PackProblem[] = [];
  const companyIds = new Set<string>();
  const companies = Array.isArray(raw.companies) ? raw.companies : [];
  companies.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string') return;
    if (companyIds.has(c.id))
      problems.push({ path: `companies[${i}].id`, message: `duplicate id "${c.id}"` });
    companyIds.add(c.id);
  });
  const known = (id: string) => companyIds.has(id) || options.knownCompanyIds?.has(id) === true;
  const allianceIds = new Set<string>();
  const alliances = Array.isArray(raw.alliances) ? raw.alliances : [];
  alliances.forEach((a, i) => {
    if (!isObject(a)) return;
    const at = `alliances[${i}]`;
    if (typeof a.id === 'string') {
      if (allianceIds.has(a.id))
        problems.push({ path: `${at}.id`, message: `duplicate id "${a.id}"` });
      allianceIds.add(a.id);
    }
    for (const p of allianceProblems(a, at, known)) problems.push(p);
  });
  return problems;
}

function issuesToProblems(issues: readonly v.BaseIssue<unknown>[]): PackProblem[] {
  return issues.map((issue) => ({
    path: pathOf(issue),
    message: issue.received === 'undefined' ? 'missing' : issue.message,
  }));
}

/** One company from an editor, with problems named by field path (`names.ko`, `aliases[2]`). */
export function validateCompany(raw: unknown): Result<Company, PackProblem[]> {
  const parsed = v.safeParse(CompanySchema, raw, { abortEarly: false });
  if (!parsed.success) return err(issuesToProblems(parsed.issues));
  return ok(parsed.output as Company);
}

/** One alliance from an editor; members must name companies in `knownCompanyIds`. */
export function validateAlliance(
  raw: unknown,
  knownCompanyIds: ReadonlySet<string>,
): Result<Alliance, PackProblem[]> {
  return checkAlliance(raw, (id) => knownCompanyIds.has(id));
}

function checkAlliance(
  raw: unknown,
  known: (id: string) => boolean,
): Result<Alliance, PackProblem[]> {
  const parsed = v.safeParse(AllianceSchema, raw, { abortEarly: false });
  const problems = parsed.success ? [] : issuesToProblems(parsed.issues);
  if (isObject(raw)) for (const p of allianceProblems(raw, '', known)) problems.push(p);
  if (problems.length || !parsed.success) return err(problems);
  return ok(parsed.output as Alliance);
}

/**
 * One alliance checked on its own (synced or restored records): its shape and
 * members, without asking whether the member companies exist here (they may
 * come from a pack this browser has not installed).
 */
export function validateAllianceShape(raw: unknown): Result<Alliance, PackProblem[]> {
  return checkAlliance(raw, () => true);
}
