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

export function FieldProblems({ problems, path }: { problems: readonly string[]; path: string }) {
  const mine = problemsFor(problems, path);
  if (!mine.length) return null;
  return (
    <div class="field-error" role="alert" data-field={path}>
      {mine.join('; ')}
    </div>
  );
}
