// Rule `sources`: every alliance is sourced, and every source is a public
// https page given with its headline, publisher and date (data/README.md).
import { type Dataset, isObject, type LintProblem, list, str } from './dataset';

const DESCRIBED = [
  ['title', 'the headline as the page shows it'],
  ['publisher', 'the outlet as the page names itself'],
  ['published', 'the date the page shows'],
] as const;

export function sourcesRule(data: Dataset): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const a of data.alliances) {
    const add = (field: string, message: string) =>
      problems.push({ file: a.file, field, rule: 'sources', message });
    const sources = list(a.raw.sources);
    if (sources.length === 0) add('sources', 'no source: give at least one https page');
    sources.forEach((s, i) => {
      if (!isObject(s)) return; // the schema rule reports it
      const url = str(s.url)?.trim() ?? '';
      if (!url) add(`sources[${i}].url`, 'missing: give the page address');
      else if (!url.startsWith('https://')) add(`sources[${i}].url`, `not https: "${url}"`);
      for (const [field, what] of DESCRIBED)
        if (!str(s[field])?.trim()) add(`sources[${i}].${field}`, `missing: give ${what}`);
    });
  }
  return problems;
}
