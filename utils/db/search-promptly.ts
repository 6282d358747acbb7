// The popup's search while the database is busy. IndexedDB holds every read of
// the tables a write covers until that write commits, and a big pack's install
// is one write of seconds; a search typed meanwhile would wait it out. So when
// the database has not answered within a moment, the search answers from the
// dataset as the previous search read it (DatasetReader.heldDataset), and gives
// the database's answer once it comes.
import type { AllianceKind } from '../pack/types';
import type { DatasetReader, SearchAnswer } from './reader';

/** How long the database gets before the held dataset answers: longer than a search takes when it is free. */
export const HELD_ANSWER_AFTER_MS = 100;

/**
 * The database's answer if it comes within `waitMs`; otherwise the held
 * dataset's, with the database's to follow as `fresher`.
 */
export async function searchPromptly(
  reader: DatasetReader,
  query: string,
  kinds: readonly AllianceKind[],
  limit: number,
  waitMs = HELD_ANSWER_AFTER_MS,
): Promise<{ answer: SearchAnswer; fresher?: Promise<SearchAnswer> }> {
  const held = reader.heldDataset();
  const fresh = reader.search(query, kinds, limit);
  if (!held) return { answer: await fresh };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), waitMs);
  });
  let first: SearchAnswer | 'late';
  try {
    first = await Promise.race([fresh, late]);
  } finally {
    clearTimeout(timer);
  }
  if (first !== 'late') return { answer: first };
  return { answer: await held.search(query, kinds, limit), fresher: fresh };
}
