// Rule `summary`: every alliance says what it is in both languages, at a
// length a card can show (data/README.md).
import type { Dataset, LintProblem } from './dataset';
import { isObject, str } from './dataset';

const LIMITS = [
  ['en', 'English', 40, 400],
  ['ko', 'Korean', 20, 300],
] as const;

export function summaryRule(data: Dataset): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const a of data.alliances) {
    const summary = isObject(a.raw.summary) ? a.raw.summary : {};
    for (const [lang, language, min, max] of LIMITS) {
      const text = str(summary[lang])?.trim() ?? '';
      // Code points, not UTF-16 units: what a writer counts.
      const length = [...text].length;
      const field = `summary.${lang}`;
      const message =
        length === 0
          ? `missing: write the ${language} summary (${min}–${max} characters)`
          : length < min || length > max
            ? `${length} characters: the ${language} summary takes ${min}–${max}`
            : null;
      if (message) problems.push({ file: a.file, field, rule: 'summary', message });
    }
  }
  return problems;
}
