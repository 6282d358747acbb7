// Whether two names are the same name (for declaring a shared alias, or an
// ambiguous one): unlike the matcher's aliasKey, only width, case and spaces fold.
// "Open AI", "openai" and "ＯｐｅｎＡＩ" are the same name to a reader.
export function sameNameKey(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}
