// The user's own records, settings and subscriptions follow them across their
// browsers through the browser's sync storage (storage.sync). Pure parts: the
// snapshot, the per-record merge (the later `updated` wins), and chunking to
// the storage's per-item and total quotas. utils/background/browser-sync.ts
// moves snapshots between the database and storage.sync.
import * as v from 'valibot';
import { compare } from '../compare';
import type { SyncedRecord, SyncedSubscription, UserRecord } from '../db/synced';
import { isHttpUrl } from '../pack/schema';
import { validateAllianceShape, validateCompany } from '../pack/validate';

export interface SyncSnapshot {
  v: 2;
  records: SyncedRecord[];
  settings?: { updated: string; value: unknown };
  subscriptions: SyncedSubscription[];
  /**
   * "Delete all my data": everything of the user's dated at or before this time
   * is gone, in every browser, however many syncs later it is seen.
   */
  clearedAt?: string;
}

/** storage.sync limits (Chrome): 8,192 bytes per item, 102,400 in all, 512 items. */
const SYNC_ITEM_BYTES = 8192;
export const SYNC_TOTAL_BYTES = 102_400;
const CHUNK_PREFIX = 'al:';
const META_KEY = 'al:meta';
/** Stamps of things the user never had: a v1 snapshot's subscriptions, say. */
export const EPOCH = '1970-01-01T00:00:00.000Z';

const KEY_RE = /^(company|alliance):([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const isTime = (s: unknown): s is string =>
  typeof s === 'string' &&
  s.length <= 40 &&
  /^\d{4}-\d{2}-\d{2}T/.test(s) &&
  !Number.isNaN(Date.parse(s));
const after = (t: string, cleared: string | undefined) => !cleared || t > cleared;

/**
 * Checks one record that came back from sync storage or a backup with the
 * pack validators. Returns the record, or why it was left out.
 */
export function readSyncedRecord(
  raw: unknown,
): { ok: true; value: SyncedRecord } | { ok: false; why: string } {
  if (!raw || typeof raw !== 'object') return { ok: false, why: 'not a record' };
  const { key, updated, record } = raw as Record<string, unknown>;
  const m = typeof key === 'string' ? KEY_RE.exec(key) : null;
  if (!m) return { ok: false, why: `bad key ${JSON.stringify(String(key)).slice(0, 90)}` };
  if (!isTime(updated)) return { ok: false, why: `${key}: bad time` };
  if (record === null) return { ok: true, value: { key: key as string, updated, record: null } };
  if (!record || typeof record !== 'object') return { ok: false, why: `${key}: not a record` };
  const { deleted, ...plain } = record as Record<string, unknown>;
  const checked = m[1] === 'company' ? validateCompany(plain) : validateAllianceShape(plain);
  if (!checked.ok) {
    const p = checked.error[0];
    return { ok: false, why: `${key}: ${p?.path ? `${p.path}: ` : ''}${p?.message ?? 'invalid'}` };
  }
  if (checked.value.id !== m[2])
    return { ok: false, why: `${key}: its id is "${checked.value.id}"` };
  const value: UserRecord = deleted === true ? { ...checked.value, deleted: true } : checked.value;
  return { ok: true, value: { key: key as string, updated, record: value } };
}

const subscriptionSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(2048), v.check(isHttpUrl)),
  updated: v.custom<string>(isTime),
  subscribed: v.boolean(),
});

/**
 * Validates a snapshot read back from sync storage: every record like a pack's,
 * every subscription URL, every time. What is bad is left out and named in
 * `problems`; a damaged snapshot reads as empty parts, so the next write repairs it.
 */
export function readSnapshot(raw: unknown): { snapshot: SyncSnapshot; problems: string[] } | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1 && r.v !== 2) return null;
  const problems: string[] = [];
  const records: SyncedRecord[] = [];
  if (Array.isArray(r.records)) {
    for (const item of r.records) {
      const read = readSyncedRecord(item);
      if (read.ok) records.push(read.value);
      else problems.push(read.why);
    }
  } else problems.push('its record list was missing');
  const subscriptions: SyncedSubscription[] = [];
  if (Array.isArray(r.subscriptions)) {
    for (const item of r.subscriptions) {
      // Version 1 listed bare URLs: as old as can be, so any dated change wins.
      const entry =
        typeof item === 'string' ? { url: item, updated: EPOCH, subscribed: true } : item;
      const parsed = v.safeParse(subscriptionSchema, entry);
      if (parsed.success) subscriptions.push(parsed.output);
      else
        problems.push(
          `subscription ${JSON.stringify(String((entry as { url?: unknown })?.url)).slice(0, 90)}: not a pack address`,
        );
    }
  } else problems.push('its subscription list was missing');
  const snapshot: SyncSnapshot = { v: 2, records, subscriptions };
  const settings = r.settings as { updated?: unknown; value?: unknown } | undefined;
  if (settings && isTime(settings.updated))
    snapshot.settings = { updated: settings.updated, value: settings.value };
  if (isTime(r.clearedAt)) snapshot.clearedAt = r.clearedAt;
  return { snapshot, problems };
}

/**
 * Merges two record lists key by key: the later `updated` wins (a deletion is a
 * record too); on a tie the local one stays. Anything dated at or before
 * `clearedAt` is dropped. Returns the merged list and what must change locally
 * (`record: null` deletes).
 */
export function mergeRecords(
  local: readonly SyncedRecord[],
  remote: readonly SyncedRecord[],
  clearedAt?: string,
): { merged: SyncedRecord[]; fromRemote: SyncedRecord[] } {
  const byKey = new Map(local.map((r) => [r.key, r]));
  for (const r of remote) {
    const mine = byKey.get(r.key);
    if (!mine || r.updated > mine.updated) byKey.set(r.key, r);
  }
  const merged = [...byKey.values()]
    .filter((r) => after(r.updated, clearedAt))
    .sort((a, b) => compare(a.key, b.key));
  const mergedByKey = new Map(merged.map((r) => [r.key, r]));
  const localByKey = new Map(local.map((r) => [r.key, r]));
  const fromRemote: SyncedRecord[] = [];
  for (const key of new Set([...localByKey.keys(), ...mergedByKey.keys()])) {
    const mine = localByKey.get(key);
    const next = mergedByKey.get(key);
    const had = mine?.record ?? null;
    const want = next?.record ?? null;
    if (JSON.stringify(had) === JSON.stringify(want)) continue;
    fromRemote.push(next ?? { key, updated: clearedAt ?? EPOCH, record: null });
  }
  return { merged, fromRemote };
}

/** Subscriptions merged URL by URL, the later change winning; `clearedAt` ends older ones. */
export function mergeSubscriptions(
  local: readonly SyncedSubscription[],
  remote: readonly SyncedSubscription[],
  clearedAt?: string,
): SyncedSubscription[] {
  const byUrl = new Map(local.map((s) => [s.url, s]));
  for (const s of remote) {
    const mine = byUrl.get(s.url);
    if (!mine || s.updated > mine.updated) byUrl.set(s.url, s);
  }
  return [...byUrl.values()]
    .filter((s) => after(s.updated, clearedAt))
    .sort((a, b) => compare(a.url, b.url));
}

export const activeSubscriptions = (list: readonly SyncedSubscription[]) =>
  new Set(list.filter((s) => s.subscribed).map((s) => s.url));

export function mergeSnapshots(
  local: SyncSnapshot,
  remote: SyncSnapshot,
): {
  merged: SyncSnapshot;
  fromRemote: SyncedRecord[];
  settingsFromRemote: boolean;
  /** Local settings older than a delete-all: back to the defaults. */
  settingsCleared: boolean;
} {
  const clearedAt =
    [local.clearedAt, remote.clearedAt]
      .filter((t): t is string => !!t)
      .sort()
      .at(-1) ?? undefined;
  const { merged, fromRemote } = mergeRecords(local.records, remote.records, clearedAt);
  const remoteSettings =
    remote.settings && after(remote.settings.updated, clearedAt) ? remote.settings : undefined;
  const localSettings =
    local.settings && after(local.settings.updated, clearedAt) ? local.settings : undefined;
  const settingsFromRemote =
    !!remoteSettings && (!localSettings || remoteSettings.updated > localSettings.updated);
  const settings = settingsFromRemote ? remoteSettings : localSettings;
  const snapshot: SyncSnapshot = {
    v: 2,
    records: merged,
    subscriptions: mergeSubscriptions(local.subscriptions, remote.subscriptions, clearedAt),
  };
  if (settings) snapshot.settings = settings;
  if (clearedAt) snapshot.clearedAt = clearedAt;
  return {
    merged: snapshot,
    fromRemote,
    settingsFromRemote,
    settingsCleared: !!local.settings && !localSettings && !settingsFromRemote,
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

/**
 * Reads a snapshot back from storage items, validated (see readSnapshot); null
 * when absent or not a snapshot at all.
 */
export function decodeSnapshot(
  items: Record<string, unknown>,
): { snapshot: SyncSnapshot; problems: string[] } | null {
  try {
    const meta = JSON.parse(String(items[META_KEY] ?? 'null')) as { chunks: number } | null;
    if (!meta || !Number.isInteger(meta.chunks)) return null;
    let json = '';
    for (let i = 0; i < meta.chunks; i++) {
      const part = items[`${CHUNK_PREFIX}${i}`];
      if (typeof part !== 'string') return null;
      json += part;
    }
    return readSnapshot(JSON.parse(json));
  } catch {
    return null;
  }
}

/** Keys of earlier, longer snapshots that the new one no longer uses. */
export function staleKeys(existing: readonly string[], items: Record<string, string>): string[] {
  return existing.filter((k) => k.startsWith(CHUNK_PREFIX) && !(k in items));
}
