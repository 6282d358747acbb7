// The user's own records, settings and subscriptions follow them across their
// browsers through the browser's sync storage (storage.sync). Pure parts: the
// snapshot, the per-record merge (the later `updated` wins), and chunking to
// the storage's per-item and total quotas. utils/background/browser-sync.ts
// moves snapshots between the database and storage.sync.
import type { StoredAlliance, StoredCompany } from '../db/records';

export type UserRecord = StoredCompany | StoredAlliance;

/** One of the user's records, or the time it was deleted (`record: null`). */
export interface SyncedRecord {
  /** `company:<id>` or `alliance:<id>`. */
  key: string;
  updated: string;
  record: UserRecord | null;
}

export interface SyncSnapshot {
  v: 1;
  records: SyncedRecord[];
  settings?: { updated: string; value: unknown };
  subscriptions: string[];
}

/** storage.sync limits (Chrome): 8,192 bytes per item, 102,400 in all, 512 items. */
const SYNC_ITEM_BYTES = 8192;
export const SYNC_TOTAL_BYTES = 102_400;
const CHUNK_PREFIX = 'al:';
const META_KEY = 'al:meta';

export const recordKey = (type: 'company' | 'alliance', id: string) => `${type}:${id}`;

/**
 * Merges two snapshots record by record: the later `updated` wins (a deletion
 * is a record too); on a tie the local one stays. Returns the merged list and
 * the entries where the remote side won (what must change locally).
 */
export function mergeRecords(
  local: readonly SyncedRecord[],
  remote: readonly SyncedRecord[],
): { merged: SyncedRecord[]; fromRemote: SyncedRecord[] } {
  const byKey = new Map(local.map((r) => [r.key, r]));
  const fromRemote: SyncedRecord[] = [];
  for (const r of remote) {
    const mine = byKey.get(r.key);
    if (!mine || r.updated > mine.updated) {
      byKey.set(r.key, r);
      if (!mine || JSON.stringify(mine.record) !== JSON.stringify(r.record)) fromRemote.push(r);
    }
  }
  const merged = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { merged, fromRemote };
}

export function mergeSnapshots(
  local: SyncSnapshot,
  remote: SyncSnapshot,
): { merged: SyncSnapshot; fromRemote: SyncedRecord[]; settingsFromRemote: boolean } {
  const { merged, fromRemote } = mergeRecords(local.records, remote.records);
  const settingsFromRemote =
    !!remote.settings && (!local.settings || remote.settings.updated > local.settings.updated);
  return {
    merged: {
      v: 1,
      records: merged,
      settings: settingsFromRemote ? remote.settings : local.settings,
      subscriptions: [...new Set([...local.subscriptions, ...remote.subscriptions])].sort(),
    },
    fromRemote,
    settingsFromRemote,
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;
/** UTF-8 length of one code point, without encoding it. */
const pointBytes = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};

export type Encoded = { ok: true; items: Record<string, string> } | { ok: false; bytes: number };

/**
 * Splits a snapshot into storage items within the quotas (each item's key and
 * JSON-encoded value count). Too big: says how big, and nothing is written.
 */
export function encodeSnapshot(
  snapshot: SyncSnapshot,
  itemBytes = SYNC_ITEM_BYTES,
  totalBytes = SYNC_TOTAL_BYTES,
): Encoded {
  const json = JSON.stringify(snapshot);
  const items: Record<string, string> = {};
  // Leave room for the key and for the quotes and escapes JSON adds around the value.
  const budget = Math.floor((itemBytes - 64) / 1.5);
  let chunk = '';
  let chunkBytes = 0;
  let n = 0;
  for (const ch of json) {
    const b = pointBytes(ch);
    if (chunkBytes + b > budget) {
      items[`${CHUNK_PREFIX}${n++}`] = chunk;
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += b;
  }
  if (chunk) items[`${CHUNK_PREFIX}${n++}`] = chunk;
  items[META_KEY] = JSON.stringify({ chunks: n });
  const bytes = Object.entries(items).reduce(
    (sum, [k, v]) => sum + utf8(k) + utf8(JSON.stringify(v)),
    0,
  );
  if (bytes > totalBytes || n + 1 > 512) return { ok: false, bytes };
  return { ok: true, items };
}

/** Reads a snapshot back from storage items; null when absent or damaged. */
export function decodeSnapshot(items: Record<string, unknown>): SyncSnapshot | null {
  try {
    const meta = JSON.parse(String(items[META_KEY] ?? 'null')) as { chunks: number } | null;
    if (!meta || !Number.isInteger(meta.chunks)) return null;
    let json = '';
    for (let i = 0; i < meta.chunks; i++) {
      const part = items[`${CHUNK_PREFIX}${i}`];
      if (typeof part !== 'string') return null;
      json += part;
    }
    const snapshot = JSON.parse(json) as SyncSnapshot;
    return snapshot.v === 1 && Array.isArray(snapshot.records) ? snapshot : null;
  } catch {
    return null;
  }
}

/** Keys of earlier, longer snapshots that the new one no longer uses. */
export function staleKeys(existing: readonly string[], items: Record<string, string>): string[] {
  return existing.filter((k) => k.startsWith(CHUNK_PREFIX) && !(k in items));
}
