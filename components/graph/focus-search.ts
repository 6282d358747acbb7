// Which company a name typed into the graph's focus search means. Names are compared by the
// popup search's key (aliasKey), so "오픈 ai", "Open AI" and "오픈AI" all find OpenAI here too.
import type { Lang } from '../../utils/i18n';
import { aliasKey } from '../../utils/matcher';
import type { CompanyView } from '../../utils/pack/merge';

/** Company ids by the key of every id, alias and name, in either language. */
export type CompanyNameIndex = ReadonlyMap<string, string>;

export function companyNameIndex(companies: readonly CompanyView[], lang: Lang): CompanyNameIndex {
  const index = new Map<string, string>();
  for (const c of companies) {
    for (const name of [c.id, ...c.aliases, c.names.en, c.names.ko]) {
      const k = name ? aliasKey(name) : '';
      if (k && !index.has(k)) index.set(k, c.id);
    }
  }
  // The shown names win over an alias that happens to spell another company's name.
  for (const c of companies) {
    const name = lang === 'ko' ? c.names.ko : c.names.en;
    const k = name ? aliasKey(name) : '';
    if (k) index.set(k, c.id);
  }
  return index;
}

/** The id of the company `text` names, if any. */
export function findCompany(index: CompanyNameIndex, text: string): string | undefined {
  const k = aliasKey(text);
  return k ? index.get(k) : undefined;
}
