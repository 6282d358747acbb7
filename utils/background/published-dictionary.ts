// The dictionary pages receive: the dataset's aliases compiled into a matcher
// (utils/matcher/compiled.ts), once per dataset version. Compiling 10,000
// companies takes about 100 ms here, so that no page has to.
import type { AllianceStore } from '../db/store';
import type { PublishedDictionary } from '../dictionary';
import { compileMatcher } from '../matcher';

export class DictionaryCompiler {
  private readonly store: AllianceStore;
  private cached: PublishedDictionary | null = null;

  constructor(store: AllianceStore) {
    this.store = store;
  }

  /** The current dataset's compiled dictionary (from memory while the version holds). */
  async current(): Promise<PublishedDictionary> {
    const version = await this.store.datasetVersion();
    if (this.cached?.version === version) return this.cached;
    const dictionary = await this.store.dictionary();
    this.cached = { version: dictionary.version, matcher: compileMatcher(dictionary.entries) };
    return this.cached;
  }
}
