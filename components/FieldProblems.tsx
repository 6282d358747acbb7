// Validation messages beside the field they are about, by path prefix.
export function problemsFor(problems: readonly string[], path: string): string[] {
  return problems
    .filter(
      (p) =>
        p === path ||
        p.startsWith(`${path}:`) ||
        p.startsWith(`${path}.`) ||
        p.startsWith(`${path}[`),
    )
    .map((p) => p.slice(p.indexOf(':') + 1).trim());
}

/**
 * Problems no field shows (an id, the record as a whole, a reply with no path):
 * shown together, so a save never fails without a word.
 */
export function unplacedProblems(problems: readonly string[], placed: readonly string[]): string[] {
  return problems.filter((p) => !placed.some((path) => problemsFor([p], path).length > 0));
}

export function FieldProblems({ problems, path }: { problems: readonly string[]; path: string }) {
  const mine = problemsFor(problems, path);
  if (!mine.length) return null;
  return (
    <div class="field-error" role="alert" data-field={path}>
      {mine.join('; ')}
    </div>
  );
}
