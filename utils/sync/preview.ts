// What importing (or updating) a pack would change, for a confirmation screen,
// before anything is written. Pure: compares the pack with the origin's records.

import { compare } from '../compare';
import { isKeptCopy } from '../db/kept';
import { type Origin, type StoredAlliance, type StoredCompany, USER } from '../db/records';
import { packContent } from '../pack/content';
import type { Pack, RemovedRef } from '../pack/types';
import type { DatasetState } from './apply';

export type RecordRef = RemovedRef;

export interface ImportPreview {
  /** In the pack, not among the origin's records yet. */
  added: RecordRef[];
  /** In both, with different content. */
  changed: RecordRef[];
  /** In both, the same (publish stamps aside). */
  unchanged: RecordRef[];
  /** Among the origin's records, gone from the pack (dropped or listed in `removed`). */
  removed: RecordRef[];
  /**
   * Records of the pack for which the user has their own record or a tombstone:
   * the user's version will keep winning, whatever the pack says.
   */
  conflictsWithUser: RecordRef[];
}

const STAMPS = new Set(['origin', 'updated', 'deleted', 'aliasKeys', 'memberIds', 'keptFrom']);

/** JSON with object keys sorted, absent and undefined fields alike: equal content, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const field = (v as Record<string, unknown>)[k];
      if (field !== undefined) sorted[k] = field;
    }
    return sorted;
  });
}

/** A record's content as a pack would state it: without the store's stamps. */
function contentKey(record: object, type: RecordRef['type']): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!STAMPS.has(k)) content[k] = v;
  if (type === 'company') content.aliases ??= [];
  return canonical(content);
}

export function previewImport(pack: Pack, state: DatasetState, origin: Origin): ImportPreview {
  const preview: ImportPreview = {
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
    conflictsWithUser: [],
  };
  const next = packContent(pack);
  const compareType = (
    type: RecordRef['type'],
    incoming: readonly { id: string }[],
    stored: readonly (StoredCompany | StoredAlliance)[],
  ) => {
    const current = new Map(stored.filter((r) => r.origin === origin).map((r) => [r.id, r]));
    const mine = new Set(
      stored.filter((r) => r.origin === USER && !isKeptCopy(r as StoredCompany)).map((r) => r.id),
    );
    const sorted = [...incoming].sort((a, b) => compare(a.id, b.id));
    for (const record of sorted) {
      const ref = { type, id: record.id };
      const old = current.get(record.id);
      if (!old) preview.added.push(ref);
      else if (contentKey(old, type) === contentKey(record, type)) preview.unchanged.push(ref);
      else preview.changed.push(ref);
      if (mine.has(record.id)) preview.conflictsWithUser.push(ref);
    }
    const kept = new Set(incoming.map((r) => r.id));
    for (const id of [...current.keys()].sort(compare)) {
      if (!kept.has(id)) preview.removed.push({ type, id });
    }
  };
  compareType('company', next.companies, state.companies);
  compareType('alliance', next.alliances, state.alliances);
  return preview;
}
