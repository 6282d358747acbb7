// Rule `duplicate-alliance`: two researchers who find the same deal in
// different articles write two files. Same kind, same members and starting
// within 90 days of each other is almost always one alliance.
import { isPartialDate } from '../../../utils/pack/schema';
import { type DataRecord, type Dataset, isObject, type LintProblem, list, str } from './dataset';
import { dayRange } from './dates';

const WINDOW_DAYS = 90;

/** Days between two partial dates' periods; 0 when they overlap ("2024" and "2024-05-01"). */
function daysApart(a: string, b: string): number {
  const [a0, a1] = dayRange(a);
  const [b0, b1] = dayRange(b);
  return Math.max(0, b0 - a1, a0 - b1);
}

function isClose(a: unknown, b: unknown): boolean {
  const x = str(a);
  const y = str(b);
  // Two undated alliances of the same kind and members are as alike as they can be.
  if (!x && !y) return true;
  if (!x || !y || !isPartialDate(x) || !isPartialDate(y)) return false;
  return daysApart(x, y) <= WINDOW_DAYS;
}

function signature(a: DataRecord): string {
  const ids = list(a.raw.members)
    .map((m) => (isObject(m) ? str(m.company) : undefined))
    .filter((id): id is string => id !== undefined)
    .sort();
  return `${String(a.raw.kind)}|${ids.join(',')}`;
}

export function duplicateAlliancesRule(data: Dataset): LintProblem[] {
  const groups = new Map<string, DataRecord[]>();
  // By file, so the later file is the one reported whatever order the files came in.
  const byFile = [...data.alliances].sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const a of byFile) {
    const key = signature(a);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const problems: LintProblem[] = [];
  for (const group of groups.values()) {
    group.forEach((a, i) => {
      const twin = group.slice(0, i).find((b) => isClose(a.raw.since, b.raw.since));
      if (!twin) return;
      problems.push({
        file: a.file,
        field: 'members',
        rule: 'duplicate-alliance',
        message: `same kind and members as ${twin.file}, since ${str(a.raw.since) ?? 'unknown'} and ${str(twin.raw.since) ?? 'unknown'}: merge them into one file, or tell them apart`,
      });
    });
  }
  return problems;
}
