// Restoring a backup (dexie-export-import's JSON, see backup.ts). Done by the
// background, the database's one writer: every row is validated like a pack's
// record before anything is replaced, stamps and index keys are rebuilt rather
// than taken from the file, and what is bad is left out and named.
import * as v from 'valibot';
import { isHttpUrl, isLocalHost } from '../pack/schema';
import type { Alliance, Company } from '../pack/types';
import { validateAllianceShape, validateCompany } from '../pack/validate';
import { DB_NAME, type HasDatabase } from './database';
import { byOrigin, stampPackRecords, writeOriginChunks } from './pack-chunks';
import {
  type StoredAlliance,
  type StoredCompany,
  type StoredPack,
  type TrashEntry,
  USER,
} from './records';
import { toAlliance, toCompany, toStoredAlliance, toStoredCompany } from './stamp';
import { bumpVersion } from './version';

export interface RestoreSummary {
  companies: number;
  alliances: number;
  packs: number;
  trash: number;
  /** Rows left out, in plain words (the first few), and how many in all. */
  skipped: string[];
  skippedCount: number;
}

export interface RestoredRows {
  companies: StoredCompany[];
  alliances: StoredAlliance[];
  packs: StoredPack[];
  trash: TrashEntry[];
  meta: { key: string; value: unknown }[];
  skipped: string[];
}

const NOT_A_BACKUP = 'This file is not an Alliance Lens backup.';
const ORIGIN_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isTime = (s: unknown): s is string =>
  typeof s === 'string' && s.length <= 40 && !Number.isNaN(Date.parse(s));
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function stampProblem(row: Record<string, unknown>): string | null {
  if (typeof row.origin !== 'string' || !ORIGIN_RE.test(row.origin)) return 'bad origin';
  if (!isTime(row.updated)) return 'bad update time';
  return null;
}

function readCompany(row: unknown): StoredCompany | string {
  if (!isObject(row)) return 'not a record';
  const stamp = stampProblem(row);
  if (stamp) return stamp;
  const checked = validateCompany(toCompany(row as unknown as StoredCompany));
  if (!checked.ok) return `${checked.error[0]?.path}: ${checked.error[0]?.message}`;
  const stored = toStoredCompany(
    checked.value as Company,
    row.origin as string,
    row.updated as string,
  );
  if (row.deleted === true) Object.assign(stored, { deleted: true, aliasKeys: [] });
  if (typeof row.keptFrom === 'string' && ORIGIN_RE.test(row.keptFrom))
    stored.keptFrom = row.keptFrom;
  return stored;
}

function readAlliance(row: unknown): StoredAlliance | string {
  if (!isObject(row)) return 'not a record';
  const stamp = stampProblem(row);
  if (stamp) return stamp;
  const checked = validateAllianceShape(toAlliance(row as unknown as StoredAlliance));
  if (!checked.ok) return `${checked.error[0]?.path}: ${checked.error[0]?.message}`;
  const stored = toStoredAlliance(
    checked.value as Alliance,
    row.origin as string,
    row.updated as string,
  );
  if (row.deleted === true) Object.assign(stored, { deleted: true, aliasKeys: [], memberIds: [] });
  return stored;
}

/** A pack's address from a file is checked like a typed one: https, or http on this computer. */
const packUrlOk = (url: unknown) => {
  if (typeof url !== 'string' || !isHttpUrl(url)) return false;
  const u = new URL(url);
  return u.protocol === 'https:' || isLocalHost(u.hostname);
};

const packSchema = v.object({
  origin: v.pipe(v.string(), v.regex(ORIGIN_RE)),
  id: v.pipe(v.string(), v.regex(ORIGIN_RE), v.maxLength(80)),
  title: v.pipe(v.string(), v.maxLength(200)),
  publisher: v.optional(v.pipe(v.string(), v.maxLength(200))),
  homepage: v.optional(v.pipe(v.string(), v.check(isHttpUrl))),
  license: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  updated: v.custom<string>(isTime),
  installed: v.custom<string>(isTime),
  enabled: v.boolean(),
  priority: v.pipe(v.number(), v.finite()),
  counts: v.object({ companies: v.number(), alliances: v.number() }),
  sync: v.optional(v.record(v.string(), v.unknown())),
});

function readPack(row: unknown, skipped: string[]): StoredPack | string {
  const parsed = v.safeParse(packSchema, row);
  if (!parsed.success)
    return `${v.getDotPath(parsed.issues[0]) ?? ''}: ${parsed.issues[0].message}`;
  const pack = parsed.output as StoredPack;
  if (pack.sync && !packUrlOk(pack.sync.url)) {
    skipped.push(
      `pack "${pack.origin}": its address is not a safe pack address, so it is kept without updates`,
    );
    delete pack.sync;
  }
  return pack;
}

function readTrash(row: unknown): TrashEntry | string {
  if (!isObject(row)) return 'not an entry';
  if (row.type !== 'company' && row.type !== 'alliance') return 'bad type';
  if (typeof row.id !== 'string' || !ORIGIN_RE.test(row.id)) return 'bad id';
  if (!isTime(row.deletedAt)) return 'bad time';
  let record: StoredCompany | StoredAlliance | null = null;
  if (row.record !== null && row.record !== undefined) {
    const read = row.type === 'company' ? readCompany(row.record) : readAlliance(row.record);
    if (typeof read === 'string') return `record: ${read}`;
    record = read;
  }
  const entry: TrashEntry = {
    type: row.type,
    id: row.id,
    label: typeof row.label === 'string' ? row.label.slice(0, 300) : row.id,
    deletedAt: row.deletedAt,
    record,
    tombstone: row.tombstone === true,
  };
  if (typeof row.seq === 'number' && Number.isInteger(row.seq)) entry.seq = row.seq;
  return entry;
}

/** Meta rows worth restoring; caches (the dictionary, counts) are rebuilt instead. */
function readMeta(row: unknown): { key: string; value: unknown } | null {
  if (!isObject(row) || typeof row.key !== 'string') return null;
  if (row.key === 'clearedAt') return isTime(row.value) ? { key: row.key, value: row.value } : null;
  if (row.key === 'userDeletions' && isObject(row.value)) {
    const value = Object.fromEntries(
      Object.entries(row.value).filter(
        ([k, t]) => /^(company|alliance):[a-z0-9-]{1,80}$/.test(k) && isTime(t),
      ),
    );
    return { key: row.key, value };
  }
  if (row.key === 'subscriptionMarks' && Array.isArray(row.value)) {
    const value = row.value.filter(
      (m) =>
        isObject(m) && packUrlOk(m.url) && isTime(m.updated) && typeof m.subscribed === 'boolean',
    );
    return { key: row.key, value };
  }
  return null;
}

/** One company or alliance row (or chunk record): kept when valid, named in `skipped` when not. */
function readRecord(
  type: 'companies' | 'alliances',
  row: unknown,
  at: string,
  out: RestoredRows,
): void {
  const id = isObject(row) && typeof row.id === 'string' ? ` "${row.id.slice(0, 80)}"` : '';
  if (type === 'companies') {
    const r = readCompany(row);
    if (typeof r === 'string') out.skipped.push(`${at}: company${id}: ${r}`);
    else out.companies.push(r);
  } else {
    const r = readAlliance(row);
    if (typeof r === 'string') out.skipped.push(`${at}: alliance${id}: ${r}`);
    else out.alliances.push(r);
  }
}

/** Reads and validates a backup file's text; throws only when it is not our backup at all. */
export function parseBackup(text: string): RestoredRows {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(NOT_A_BACKUP);
  }
  if (!isObject(raw) || raw.formatName !== 'dexie' || !isObject(raw.data))
    throw new Error(NOT_A_BACKUP);
  if (raw.data.databaseName !== DB_NAME || !Array.isArray(raw.data.data))
    throw new Error(NOT_A_BACKUP);
  const out: RestoredRows = {
    companies: [],
    alliances: [],
    packs: [],
    trash: [],
    meta: [],
    skipped: [],
  };
  for (const table of raw.data.data) {
    if (!isObject(table) || !Array.isArray(table.rows)) continue;
    table.rows.forEach((row: unknown, i: number) => {
      const at = `${String(table.tableName)}[${i}]`;
      const note = (why: string) => out.skipped.push(`${at}: ${why}`);
      switch (table.tableName) {
        case 'companies':
        case 'alliances':
          readRecord(table.tableName, row, at, out);
          break;
        case 'packChunks': {
          // A pack's records, a thousand to a row (pack-chunks.ts): each is read like a row.
          if (!isObject(row)) note('not a chunk');
          else
            for (const type of ['companies', 'alliances'] as const) {
              const records = Array.isArray(row[type]) ? row[type] : [];
              for (const [j, r] of records.entries())
                readRecord(type, r, `${at}.${type}[${j}]`, out);
            }
          break;
        }
        case 'packs': {
          const r = readPack(row, out.skipped);
          if (typeof r === 'string') note(`pack: ${r}`);
          else out.packs.push(r);
          break;
        }
        case 'trash': {
          const r = readTrash(row);
          if (typeof r === 'string') note(`trash entry: ${r}`);
          else out.trash.push(r);
          break;
        }
        case 'meta': {
          const r = readMeta(row);
          if (r) out.meta.push(r);
          break;
        }
      }
    });
  }
  return out;
}

/** Replaces every table with the validated rows, in one transaction. */
export async function restoreRows(store: HasDatabase, rows: RestoredRows): Promise<RestoreSummary> {
  const db = store.db;
  const mine = <T extends { origin: string }>(r: T) => r.origin === USER;
  // A backup holds every record one row each (older backups) or the packs' in
  // chunks rows (read back as records by parseBackup): the packs' go to chunks.
  const fromPacks = byOrigin(
    rows.companies.filter((r) => !mine(r)),
    rows.alliances.filter((r) => !mine(r)),
  );
  await db.transaction(
    'rw',
    [db.companies, db.alliances, db.packChunks, db.packs, db.trash, db.meta],
    async () => {
      await Promise.all([
        db.companies.clear(),
        db.alliances.clear(),
        db.packChunks.clear(),
        db.packs.clear(),
        db.trash.clear(),
      ]);
      await db.meta.bulkDelete([
        'clearedAt',
        'userDeletions',
        'subscriptionMarks',
        'dictionary',
        'counts',
      ]);
      await db.companies.bulkPut(rows.companies.filter(mine));
      await db.alliances.bulkPut(rows.alliances.filter(mine));
      for (const [origin, records] of fromPacks)
        await writeOriginChunks(db, origin, records.companies, records.alliances);
      await stampPackRecords(db);
      await db.packs.bulkPut(rows.packs);
      await db.trash.bulkPut(rows.trash);
      await db.meta.bulkPut(rows.meta);
      await bumpVersion(db);
    },
  );
  return {
    companies: rows.companies.length,
    alliances: rows.alliances.length,
    packs: rows.packs.length,
    trash: rows.trash.length,
    skipped: rows.skipped.slice(0, 20),
    skippedCount: rows.skipped.length,
  };
}
