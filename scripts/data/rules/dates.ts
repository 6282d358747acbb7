// Rule `dates`: no date in the future, and an ended alliance says when it
// ended. (`until` before `since` is the validator's check, rule `schema`.)
import { isPartialDate } from '../../../utils/pack/schema';
import { type Dataset, isObject, type LintProblem, list, str } from './dataset';

/** True when the partial date starts after `today`: "2026-12" is not after "2026-12-06". */
export function isAfter(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first and last day a partial date may mean, as day numbers. */
export function dayRange(date: string): [number, number] {
  const [year, m, d] = date.split('-').map(Number);
  // split always yields a first part.
  const y = year!;
  const first = Date.UTC(y, m === undefined ? 0 : m - 1, d ?? 1);
  // Day 0 of the next month (or year) is the last day of this one.
  const last = d !== undefined ? first : m !== undefined ? Date.UTC(y, m, 0) : Date.UTC(y, 12, 0);
  return [first / DAY_MS, last / DAY_MS];
}

export function datesRule(data: Dataset, { today }: { today: string }): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const a of data.alliances) {
    const add = (field: string, message: string) =>
      problems.push({ file: a.file, field, rule: 'dates', message });
    const dated: [string, unknown][] = [
      ['since', a.raw.since],
      ['until', a.raw.until],
      ...list(a.raw.sources).map((s, i): [string, unknown] => [
        `sources[${i}].published`,
        isObject(s) ? s.published : undefined,
      ]),
    ];
    for (const [field, value] of dated) {
      const date = str(value);
      if (date && isPartialDate(date) && isAfter(date, today))
        add(field, `${date} is in the future (today is ${today})`);
    }
    if (a.raw.status === 'ended' && !str(a.raw.until))
      add('until', 'missing: an "ended" alliance needs the date it ended');
  }
  return problems;
}
