// Rule `format`: every file is in canonical form, the one `npm run data:format`
// writes, so a review diff shows content, never key order or spacing.
import { formatDifference } from '../canonical.mjs';
import type { Dataset, LintProblem } from './dataset';

export function formatRule(data: Dataset): LintProblem[] {
  return data.parsed.flatMap((f) => {
    const diff = formatDifference(f.kind, f.text, f.value);
    if (!diff) return [];
    return [
      {
        file: f.file,
        field: diff.field,
        rule: 'format',
        message: `not in canonical form from line ${diff.line}: run npm run data:format`,
      },
    ];
  });
}
