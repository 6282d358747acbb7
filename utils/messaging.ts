// The one message protocol between content scripts / extension pages and the
// background. Every message, its payload schema and its reply type live here.
import * as v from 'valibot';
import type { DatasetCounts } from './db/reader';
import type { StoredPack, TrashEntry } from './db/records';
import type { RestoreSummary } from './db/restore';
import type { DeletedData } from './db/user-data';
import type { PublishedDictionary } from './dictionary';
import type { AllianceView, CompanyView } from './pack/merge';
import type { Pack } from './pack/types';
import type { Result } from './result';
import type { Settings } from './settings';

/** Who may send a message: content scripts run beside untrusted pages, so writes are for extension pages. */
export type Sender = 'content' | 'extension';

export interface MessageError {
  message: string;
  /** Every problem found, for pack imports: `alliances[3].members[1]: unknown company "openia"`. */
  problems?: string[];
  /** importPack by token: the preview is gone (too old, or the dataset changed); send the file. */
  previewGone?: true;
}

const recordType = v.picklist(['company', 'alliance']);
const recordId = v.pipe(v.string(), v.maxLength(80));
const companyIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(80))), v.maxLength(5000));

/** Request payload schemas; the background rejects anything that does not match. */
const requestSchemas = {
  getDictionary: v.object({ haveVersion: v.optional(v.number()) }),
  getAlliances: v.object({ companyIds, allianceIds: v.optional(companyIds, []) }),
  getStatus: v.object({}),
  /** A card showed a company's new alliances, up to the arrival batch its data came with. */
  markSeen: v.object({ companyId: recordId, arrivalSeq: v.pipe(v.number(), v.integer()) }),
  /** The popup's "N new alliances since …" and the newest of them. */
  getWhatsNew: v.object({}),
  /** The popup's dismiss: arrivals up to `arrivalSeq` are no longer counted there. */
  dismissWhatsNew: v.object({ arrivalSeq: v.pipe(v.number(), v.integer()) }),
  // The file itself, or the token of the preview that checked it a moment ago.
  importPack: v.union([
    v.object({ text: v.pipe(v.string(), v.maxLength(21 * 1024 * 1024)) }),
    v.object({ token: v.pipe(v.string(), v.maxLength(64)) }),
  ]),
  previewImport: v.object({ text: v.pipe(v.string(), v.maxLength(21 * 1024 * 1024)) }),
  exportPack: v.object({ origin: v.pipe(v.string(), v.maxLength(80)) }),
  exportView: v.object({
    scope: v.variant('kind', [
      v.object({ kind: v.literal('all') }),
      v.object({ kind: v.literal('mine') }),
      v.object({ kind: v.literal('clips') }),
      v.object({ kind: v.literal('company'), companyId: v.pipe(v.string(), v.maxLength(80)) }),
    ]),
  }),
  removePack: v.object({ origin: v.pipe(v.string(), v.maxLength(80)) }),
  openManager: v.object({ companyId: v.optional(v.pipe(v.string(), v.maxLength(80))) }),
  getShortcuts: v.object({}),
  openShortcutSettings: v.object({}),
  saveCompany: v.object({ company: v.unknown() }),
  saveAlliance: v.object({ alliance: v.unknown() }),
  removeRecord: v.object({
    type: recordType,
    id: recordId,
    label: v.pipe(v.string(), v.maxLength(300)),
  }),
  revertRecord: v.object({
    type: recordType,
    id: recordId,
    label: v.pipe(v.string(), v.maxLength(300)),
  }),
  restoreRecord: v.object({ seq: v.pipe(v.number(), v.integer()) }),
  listTrash: v.object({}),
  saveClip: v.union([
    v.object({ alliance: v.unknown(), newCompanies: v.pipe(v.array(v.unknown()), v.maxLength(6)) }),
    /** Instead of a new alliance: the clip's source added to an existing one. */
    v.object({ addSourceTo: v.pipe(v.string(), v.maxLength(80)), source: v.unknown() }),
  ]),
  undoClip: v.object({ token: v.pipe(v.string(), v.maxLength(40)) }),
  subscribe: v.object({ url: v.pipe(v.string(), v.maxLength(2048)) }),
  syncNow: v.object({ origin: v.optional(v.pipe(v.string(), v.maxLength(80))) }),
  setPackEnabled: v.object({ origin: v.pipe(v.string(), v.maxLength(80)), enabled: v.boolean() }),
  movePack: v.object({
    origin: v.pipe(v.string(), v.maxLength(80)),
    direction: v.picklist([-1, 1]),
  }),
  /** Refresh what depends on the dataset (the dictionary pages read). */
  datasetChanged: v.object({}),
  /** A change to some settings; the background does the read-modify-write (settings' one writer). */
  updateSettings: v.object({ patch: v.record(v.string(), v.unknown()) }),
  /** The user confirmed plain http for this pack host (added to the settings' list). */
  allowHttpPackHost: v.object({
    hostname: v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/i, 'not a hostname')),
  }),
  /** "Delete all my data": here, in storage.sync and in the user's other browsers. */
  deleteAllData: v.object({}),
  /** Replaces the database with a backup file's text; every row is validated first. */
  restoreBackup: v.object({ text: v.pipe(v.string(), v.maxLength(60 * 1024 * 1024)) }),
  setSiteEnabled: v.object({
    hostname: v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/i, 'not a hostname')),
    enabled: v.boolean(),
    tabId: v.optional(v.number()),
  }),
} satisfies Record<string, v.GenericSchema>;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;

/** A keyboard command and the key the browser really bound to it ('' when none). */
export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** What "Delete all my data" removed, here and in the browser's sync storage. */
export interface DeleteAllSummary extends DeletedData {
  subscriptions: number;
  settings: boolean;
  syncItems: number;
}

/** What the popup shows of "what's new": how many, since when, and the newest few to list. */
export interface WhatsNewSummary {
  count: number;
  /** ISO time the first of them arrived; null when there are none. */
  since: string | null;
  /** The newest arrival batch counted (dismissWhatsNew sends it back). */
  arrivalSeq: number;
  alliances: AllianceView[];
  /** The companies those alliances name, for their labels. */
  companies: CompanyView[];
}

export interface Status {
  version: number;
  counts: DatasetCounts;
  packs: StoredPack[];
}

/** Reply value of each message. */
export interface Replies {
  getDictionary: PublishedDictionary | { version: number; unchanged: true };
  getAlliances: {
    alliances: AllianceView[];
    companies: CompanyView[];
    /** Per company asked about, the ids of its alliances new since its card was last seen. */
    newFor: Record<string, string[]>;
    /** The newest arrival batch this reply knows of; a card that showed it sends it back (markSeen). */
    arrivalSeq: number;
  };
  getStatus: Status;
  markSeen: null;
  getWhatsNew: WhatsNewSummary;
  dismissWhatsNew: null;
  importPack: { pack: StoredPack };
  previewImport: {
    /** Names this preview's checked pack for importPack, instead of the file's text. */
    token: string;
    packId: string;
    title: string;
    /** The pack's `license` (SPDX), when it states one. */
    license?: string;
    /** True when this pack replaces an installed one of the same id. */
    replaces: boolean;
    counts: {
      added: number;
      changed: number;
      unchanged: number;
      removed: number;
      conflicts: number;
    };
  };
  exportPack: Pack;
  exportView: Pack;
  removePack: null;
  openManager: null;
  getShortcuts: Shortcut[];
  openShortcutSettings: null;
  setSiteEnabled: null;
  saveCompany: null;
  saveAlliance: null;
  removeRecord: TrashEntry;
  revertRecord: TrashEntry;
  restoreRecord: null;
  listTrash: TrashEntry[];
  saveClip: { token: string; allianceId: string };
  undoClip: null;
  subscribe: { pack: StoredPack };
  syncNow: StoredPack[];
  setPackEnabled: null;
  movePack: null;
  datasetChanged: null;
  updateSettings: Settings;
  allowHttpPackHost: null;
  deleteAllData: DeleteAllSummary;
  restoreBackup: RestoreSummary;
}

/** Which senders each message accepts. */
export const allowedSenders: Record<MessageType, readonly Sender[]> = {
  getDictionary: ['content', 'extension'],
  getAlliances: ['content', 'extension'],
  // Subscription addresses and error texts are for extension pages only.
  getStatus: ['extension'],
  // The card records that the reader saw a company's new alliances; it changes nothing else.
  markSeen: ['content', 'extension'],
  getWhatsNew: ['extension'],
  dismissWhatsNew: ['extension'],
  importPack: ['extension'],
  previewImport: ['extension'],
  exportPack: ['extension'],
  exportView: ['extension'],
  removePack: ['extension'],
  openManager: ['content', 'extension'],
  // The clip form shows the key in effect and links to the browser's shortcut page.
  getShortcuts: ['content', 'extension'],
  openShortcutSettings: ['content', 'extension'],
  setSiteEnabled: ['extension'],
  saveCompany: ['extension'],
  saveAlliance: ['extension'],
  removeRecord: ['extension'],
  revertRecord: ['extension'],
  restoreRecord: ['extension'],
  listTrash: ['extension'],
  // Clips are made on the article page: the content script may save the user's own records.
  saveClip: ['content', 'extension'],
  undoClip: ['content', 'extension'],
  subscribe: ['extension'],
  syncNow: ['extension'],
  setPackEnabled: ['extension'],
  movePack: ['extension'],
  datasetChanged: ['extension'],
  updateSettings: ['extension'],
  allowHttpPackHost: ['extension'],
  deleteAllData: ['extension'],
  restoreBackup: ['extension'],
};

export interface Envelope<T extends MessageType = MessageType> {
  channel: 'alliance-lens';
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T extends MessageType> = Result<Replies[T], MessageError>;

const envelopeSchema = v.object({
  channel: v.literal('alliance-lens'),
  type: v.picklist(Object.keys(requestSchemas) as MessageType[]),
  payload: v.optional(v.unknown()),
});

/** Checks an incoming message; returns the typed envelope or a plain error. */
export function parseEnvelope(raw: unknown): Result<Envelope, MessageError> {
  const env = v.safeParse(envelopeSchema, raw);
  if (!env.success) return { ok: false, error: { message: 'not an Alliance Lens message' } };
  const type = env.output.type;
  const payload = v.safeParse(requestSchemas[type], env.output.payload);
  if (!payload.success) {
    const issue = payload.issues[0];
    const path = v.getDotPath(issue);
    return {
      ok: false,
      error: { message: `bad ${type} request: ${path ? `${path}: ` : ''}${issue.message}` },
    };
  }
  return {
    ok: true,
    value: { channel: 'alliance-lens', type, payload: payload.output } as Envelope,
  };
}

export function envelope<T extends MessageType>(type: T, payload: RequestOf<T>): Envelope<T> {
  return { channel: 'alliance-lens', type, payload };
}

/** Messages from the extension (background or popup) to a tab's content script. */
export const tabMessageSchema = v.variant('type', [
  v.object({ type: v.literal('readingMode') }),
  v.object({ type: v.literal('clip') }),
  v.object({ type: v.literal('pageSummary') }),
  v.object({ type: v.literal('showCompany'), companyId: v.pipe(v.string(), v.maxLength(80)) }),
]);
export type TabMessage = v.InferOutput<typeof tabMessageSchema>;

/** What the popup shows about the current page. */
export interface PageSummary {
  hostname: string;
  enabled: boolean;
  companies: { id: string; name: string; count: number }[];
  /** Known alliances with two or more members mentioned on the page. */
  alliancesBetween: number;
}
