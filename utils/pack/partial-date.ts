// Comparing partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): the one rule every
// filter, the graph and the validator use.

/**
 * Compares two partial dates on their common prefix: `2019` equals `2019-07`, so a year-only
 * date counts as the whole year on either side of a comparison.
 */
export function comparePartial(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}
