// The background's answers to every message. Takes the store as a parameter, so
// tests run it in Node against fake-indexeddb.

import * as v from 'valibot';
import { addSource } from '../clip/duplicates';
import { type ClipUndo, UserEdits } from '../db/edits';
import { RESERVED_ORIGINS, USER } from '../db/records';
import { parseBackup, restoreRows } from '../db/restore';
import type { AllianceStore } from '../db/store';
import type { DeleteAllSummary } from '../messaging';
import {
  allowedSenders,
  type MessageError,
  type MessageType,
  parseEnvelope,
  type Replies,
  type Reply,
  type RequestOf,
  type Sender,
  type Shortcut,
} from '../messaging';
import { SourceSchema } from '../pack/schema';
import type { Alliance, Company, Pack, Source } from '../pack/types';
import {
  formatProblem,
  type PackProblem,
  parsePackText,
  validateAlliance,
  validateCompany,
} from '../pack/validate';
import { readSettings, type Settings } from '../settings';
import { previewImport } from '../sync/preview';
import { PreviewedPack } from './previewed-pack';
import { DictionaryCompiler } from './published-dictionary';
import type { Subscriptions } from './subscriptions';
import { WhatsNew } from './whats-new';

type Handlers = { [T in MessageType]: (payload: RequestOf<T>) => Promise<Reply<T>> };

const fail = (message: string, problems?: string[]): { ok: false; error: MessageError } => ({
  ok: false,
  error: problems ? { message, problems } : { message },
});

/** What handlers do outside the database; the background passes browser-backed versions. */
export interface Effects {
  openManager: (companyId?: string) => Promise<void>;
  /** The extension's commands with the keys the browser granted. */
  shortcuts: () => Promise<Shortcut[]>;
  /** Opens the browser's own page for changing extension shortcuts. */
  openShortcutSettings: () => Promise<void>;
  /** Tells open pages to refresh their dictionary. */
  datasetChanged: () => void;
  setSiteEnabled: (hostname: string, enabled: boolean, tabId?: number) => Promise<void>;
  /** Settings' one writer (utils/background/settings-owner.ts). */
  updateSettings: (
    patch: Partial<Settings> | ((current: Settings) => Partial<Settings>),
  ) => Promise<Settings>;
  /** Delete all the user's data, here and in every browser they sync (utils/background/browser-sync.ts). */
  deleteAll: () => Promise<DeleteAllSummary>;
  /** A subscription was added or removed: carry it to the user's other browsers now. */
  subscriptionsChanged: () => void;
  /** After a restore: the bundled pack back if the backup had none. */
  restored: () => Promise<void>;
}

const noEffects: Effects = {
  openManager: async () => {},
  shortcuts: async () => [],
  openShortcutSettings: async () => {},
  datasetChanged: () => {},
  setSiteEnabled: async () => {},
  updateSettings: async (patch) => readSettings(typeof patch === 'function' ? {} : patch),
  deleteAll: async () => {
    throw new Error('delete all needs the background');
  },
  subscriptionsChanged: () => {},
  restored: async () => {},
};

export function createHandlers(
  store: AllianceStore,
  effects: Effects = noEffects,
  subscriptions?: Subscriptions,
  dictionary: DictionaryCompiler = new DictionaryCompiler(store),
): Handlers {
  const edits = new UserEdits(store, store.now);
  const whatsNew = new WhatsNew(store);
  /** Undo information of recent clips, by token; kept for a few minutes. */
  const clipUndos = new Map<string, ClipUndo>();
  const invalid = (problems: PackProblem[]) =>
    fail('Some fields need fixing; nothing was saved.', problems.map(formatProblem));
  const changed = async () => effects.datasetChanged();
  const previewed = new PreviewedPack();
  /** A pack file's text, parsed and validated, with an id a pack may have. */
  const importable = async (text: string, reservedNote: string) => {
    const parsed = parsePackText(text, { knownCompanyIds: await store.knownCompanyIds() });
    if (!parsed.ok) {
      return fail(
        'This file is not a valid Alliance Lens pack; nothing was imported.',
        parsed.error.map(formatProblem),
      );
    }
    const id = parsed.value.pack.id;
    if (RESERVED_ORIGINS.includes(id))
      return fail(`pack.id: "${id}" is reserved; give the pack another id.${reservedNote}`);
    return { ok: true as const, value: parsed.value };
  };
  /** Installs an imported pack under its own id, then tells everyone the dataset changed. */
  const installImported = async (pack: Pack) => {
    const stored = await store.installPack(pack, { origin: pack.pack.id });
    await changed();
    return stored;
  };
  return {
    async getDictionary({ haveVersion }) {
      const version = await store.datasetVersion();
      if (haveVersion === version) return { ok: true, value: { version, unchanged: true } };
      return { ok: true, value: await dictionary.current() };
    },
    async getAlliances({ companyIds, allianceIds }) {
      const found = await store.alliancesOf(companyIds, allianceIds);
      return {
        ok: true,
        value: { ...found, ...(await whatsNew.newFor(companyIds, found.alliances)) },
      };
    },
    async markSeen({ companyId, arrivalSeq }) {
      await whatsNew.seen(companyId, arrivalSeq);
      return { ok: true, value: null };
    },
    async getWhatsNew() {
      return { ok: true, value: await whatsNew.summary() };
    },
    async dismissWhatsNew({ arrivalSeq }) {
      await whatsNew.dismiss(arrivalSeq);
      return { ok: true, value: null };
    },
    async getStatus() {
      const [version, counts, packs] = await Promise.all([
        store.datasetVersion(),
        store.counts(),
        store.listPacks(),
      ]);
      return { ok: true, value: { version, counts, packs } };
    },
    async importPack(request) {
      // The file the manager previewed a moment ago is not checked a second time.
      const version = await store.datasetVersion();
      if ('token' in request) {
        const checked = previewed.takeToken(request.token, version);
        if (!checked)
          return {
            ok: false,
            error: { message: 'The preview is gone: choose the file again.', previewGone: true },
          };
        return { ok: true, value: { pack: await installImported(checked) } };
      }
      const { text } = request;
      const checked = previewed.take(text, version);
      const parsed = checked
        ? { ok: true as const, value: checked }
        : await importable(text, ' Nothing was imported.');
      if (!parsed.ok) return parsed;
      return { ok: true, value: { pack: await installImported(parsed.value) } };
    },
    async exportPack({ origin }) {
      return { ok: true, value: await store.exportOrigin(origin) };
    },
    async previewImport({ text }) {
      const version = await store.datasetVersion();
      const parsed = await importable(text, '');
      if (!parsed.ok) return parsed;
      const pack = parsed.value;
      const token = previewed.remember(text, version, pack);
      const state = await store.recordsOf([pack.pack.id, USER]);
      const preview = previewImport(pack, state, pack.pack.id);
      return {
        ok: true,
        value: {
          token,
          packId: pack.pack.id,
          title: pack.pack.title,
          ...(pack.pack.license ? { license: pack.pack.license } : {}),
          replaces: (await store.getPack(pack.pack.id)) !== undefined,
          counts: {
            added: preview.added.length,
            changed: preview.changed.length,
            unchanged: preview.unchanged.length,
            removed: preview.removed.length,
            conflicts: preview.conflictsWithUser.length,
          },
        },
      };
    },
    async exportView({ scope }) {
      return { ok: true, value: await store.exportView(scope) };
    },
    async removePack({ origin }) {
      if (RESERVED_ORIGINS.includes(origin)) return fail(`"${origin}" cannot be removed`);
      if (subscriptions) {
        await subscriptions.unsubscribe(origin);
        effects.subscriptionsChanged();
      } else {
        await store.removePack(origin);
        await changed();
      }
      return { ok: true, value: null };
    },
    async subscribe({ url }) {
      if (!subscriptions) return fail('subscriptions are not available here');
      const result = await subscriptions.subscribe(url);
      if (result.ok) effects.subscriptionsChanged();
      return result.ok
        ? { ok: true, value: { pack: result.value } }
        : fail(`Could not add the pack: ${result.error}.`);
    },
    async syncNow({ origin }) {
      if (!subscriptions) return fail('subscriptions are not available here');
      if (origin) {
        const pack = await subscriptions.sync(origin);
        return { ok: true, value: pack ? [pack] : [] };
      }
      return { ok: true, value: await subscriptions.syncAll() };
    },
    async setPackEnabled({ origin, enabled }) {
      await store.setPackEnabled(origin, enabled);
      await changed();
      return { ok: true, value: null };
    },
    async movePack({ origin, direction }) {
      await store.movePack(origin, direction);
      await changed();
      return { ok: true, value: null };
    },
    async openManager({ companyId }) {
      await effects.openManager(companyId);
      return { ok: true, value: null };
    },
    async getShortcuts() {
      return { ok: true, value: await effects.shortcuts() };
    },
    async openShortcutSettings() {
      await effects.openShortcutSettings();
      return { ok: true, value: null };
    },
    async saveCompany({ company }) {
      const checked = validateCompany(company);
      if (!checked.ok) return invalid(checked.error);
      await edits.saveCompany(checked.value);
      await changed();
      return { ok: true, value: null };
    },
    async saveAlliance({ alliance }) {
      const checked = validateAlliance(alliance, await store.knownCompanyIds());
      if (!checked.ok) return invalid(checked.error);
      await edits.saveAlliance(checked.value);
      await changed();
      return { ok: true, value: null };
    },
    async removeRecord({ type, id, label }) {
      const entry = await edits.remove(type, id, label);
      await changed();
      return { ok: true, value: entry };
    },
    async revertRecord({ type, id, label }) {
      const entry = await edits.revert(type, id, label);
      await changed();
      return { ok: true, value: entry };
    },
    async restoreRecord({ seq }) {
      await edits.restore(seq);
      await changed();
      return { ok: true, value: null };
    },
    async datasetChanged() {
      await changed();
      return { ok: true, value: null };
    },
    async saveClip(request) {
      let record: Alliance;
      const companies: Company[] = [];
      if ('addSourceTo' in request) {
        const source = v.safeParse(SourceSchema, request.source, { abortEarly: false });
        if (!source.success) {
          return invalid(
            source.issues.map((i) => ({
              path: `sources[0].${v.getDotPath(i) ?? ''}`,
              message: i.message,
            })),
          );
        }
        const existing = (await store.mergedAlliances()).find((a) => a.id === request.addSourceTo);
        if (!existing) return fail(`no alliance "${request.addSourceTo}" to add the source to`);
        const { origin: _o, overridden: _v, ...plain } = existing;
        record = addSource(plain, source.output as Source);
      } else {
        const known = await store.knownCompanyIds();
        for (const [i, raw] of request.newCompanies.entries()) {
          const checked = validateCompany(raw);
          if (!checked.ok)
            return invalid(
              checked.error.map((p) => ({ ...p, path: `newCompanies[${i}].${p.path}` })),
            );
          // A "new" company the dataset already has (same id) is simply referred to.
          if (!known.has(checked.value.id)) companies.push(checked.value);
        }
        const checked = validateAlliance(
          request.alliance,
          new Set([...known, ...companies.map((c) => c.id)]),
        );
        if (!checked.ok) return invalid(checked.error);
        record = checked.value;
        // Never overwrite another alliance that happens to have the same id.
        const taken = new Set((await store.mergedAlliances()).map((a) => a.id));
        for (let n = 2; taken.has(record.id); n++)
          record = { ...record, id: `${checked.value.id.slice(0, 74).replace(/-+$/, '')}-${n}` };
      }
      const undo = await edits.saveClip(record, companies);
      const token = crypto.randomUUID();
      clipUndos.set(token, undo);
      setTimeout(() => clipUndos.delete(token), 5 * 60_000);
      await changed();
      return { ok: true, value: { token, allianceId: record.id } };
    },
    async undoClip({ token }) {
      const undo = clipUndos.get(token);
      if (!undo) return fail('this clip can no longer be undone here; delete it in the manager');
      clipUndos.delete(token);
      await edits.undoClip(undo);
      await changed();
      return { ok: true, value: null };
    },
    async listTrash() {
      return { ok: true, value: await edits.trash() };
    },
    async updateSettings({ patch }) {
      return { ok: true, value: await effects.updateSettings(patch as Partial<Settings>) };
    },
    async allowHttpPackHost({ hostname }) {
      const host = hostname.toLowerCase();
      await effects.updateSettings((s) =>
        s.httpPackHosts.includes(host) ? {} : { httpPackHosts: [...s.httpPackHosts, host] },
      );
      return { ok: true, value: null };
    },
    async deleteAllData() {
      const summary = await effects.deleteAll();
      await whatsNew.forget();
      await changed();
      return { ok: true, value: summary };
    },
    async restoreBackup({ text }) {
      let rows: ReturnType<typeof parseBackup>;
      try {
        rows = parseBackup(text);
      } catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
      }
      const summary = await restoreRows(store, rows);
      await effects.restored();
      await changed();
      return { ok: true, value: summary };
    },
    async setSiteEnabled({ hostname, enabled, tabId }) {
      await effects.setSiteEnabled(hostname.toLowerCase(), enabled, tabId);
      return { ok: true, value: null };
    },
  };
}

/** Validates and answers one raw message. Never throws: errors become `{ok:false}` replies. */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: Sender,
): Promise<Reply<MessageType>> {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed;
  const { type, payload } = parsed.value;
  if (!allowedSenders[type].includes(sender)) return fail(`${type} is not allowed from a web page`);
  try {
    const handler = handlers[type] as (p: unknown) => Promise<Reply<MessageType>>;
    return await handler(payload);
  } catch (e) {
    return fail(`${type} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export type { Handlers, Replies };
