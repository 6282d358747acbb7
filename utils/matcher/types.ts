// Public shapes of the matcher. Offsets are always into the ORIGINAL text the
// caller passed in (UTF-16 code units, end exclusive), never into the
// normalized copy the automaton runs over.

export type EntryType = 'company' | 'alliance';

export interface DictionaryEntry {
  /** A surface form as it appears in news text: `OpenAI`, `오픈AI`, `AI 얼라이언스`. */
  alias: string;
  type: EntryType;
  id: string;
  /** The alias is also an ordinary word (Apple, 아마존): kept only where the context shows the company (context.ts). */
  ambiguous?: boolean;
}

export interface Mention {
  start: number;
  end: number;
  type: EntryType;
  id: string;
  /** `text.slice(start, end)` of the original text. */
  surface: string;
  /** Set when the alias matched is ambiguous (see `DictionaryEntry.ambiguous`). */
  ambiguous?: true;
}

export interface Matcher {
  /** Sorted by `start`, non-overlapping (leftmost-longest). */
  findMentions(text: string): Mention[];
}
