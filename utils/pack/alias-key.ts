// How two aliases are compared when deciding whether companies share one:
// "Open AI", "openai" and "ＯｐｅｎＡＩ" are the same name to a reader.
export function aliasKey(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}
