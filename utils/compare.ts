/** Strings in code-unit order (not the locale's): the same on every machine. */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
