// @vitest-environment happy-dom
// A pack states its license; the manager shows it on each installed pack and in the import
// preview, and it survives install, export and a backup restore.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../components/ImportPanel';
import { PackList } from '../../components/PackList';
import { createHandlers, dispatch } from '../../utils/background/handlers';
import { AllianceDb } from '../../utils/db/database';
import { parseBackup, restoreRows } from '../../utils/db/restore';
import { AllianceStore } from '../../utils/db/store';
import { setLang } from '../../utils/i18n';
import { envelope, type MessageType, type Replies, type RequestOf } from '../../utils/messaging';
import { dexieBackupText } from '../support/backup';
import { samplePack } from '../support/packs';

setLang('en');
afterEach(cleanup);

let store: AllianceStore;
let name: string;
beforeEach(() => {
  name = `license-${Math.random()}`;
  store = new AllianceStore(new AllianceDb(name));
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(name);
});

async function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Replies[T]> {
  const reply = await dispatch(createHandlers(store), envelope(type, payload), 'extension');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Replies[T];
}

const licensed = () => JSON.stringify(samplePack({ license: 'CC0-1.0' }));

describe('a pack’s license in the database', () => {
  it('is in the import preview, kept on install and written back on export', async () => {
    const preview = await call('previewImport', { text: licensed() });
    expect(preview.license).toBe('CC0-1.0');
    expect((await call('previewImport', { text: JSON.stringify(samplePack()) })).license).toBe(
      undefined,
    );
    await call('importPack', { text: licensed() });
    expect((await store.getPack('sample'))?.license).toBe('CC0-1.0');
    expect((await call('exportPack', { origin: 'sample' })).pack.license).toBe('CC0-1.0');
  });

  it('comes back from a backup, and a license that is not text is refused there', async () => {
    const row = (origin: string, license: unknown) => ({
      origin,
      id: origin,
      title: origin,
      updated: '2026-11-01T00:00:00.000Z',
      installed: '2026-11-01T00:00:00.000Z',
      enabled: true,
      priority: 100,
      counts: { companies: 0, alliances: 0 },
      license,
    });
    const backup = dexieBackupText([
      { tableName: 'packs', rows: [row('kept', 'CC-BY-4.0'), row('odd', { spdx: 'MIT' })] },
    ]);
    const summary = await restoreRows(store, parseBackup(backup));
    expect((await store.getPack('kept'))?.license).toBe('CC-BY-4.0');
    expect(await store.getPack('odd')).toBeUndefined();
    expect(summary.skipped.join('\n')).toMatch(/packs\[1\].*license/);
  });
});

describe('the manager shows the license', () => {
  const stored = (license?: string) => ({
    origin: 'sample',
    id: 'sample',
    title: 'Sample pack',
    updated: '2026-11-01T00:00:00Z',
    installed: '2026-11-02T00:00:00Z',
    enabled: true,
    priority: 100,
    counts: { companies: 4, alliances: 2 },
    ...(license ? { license } : {}),
  });

  it('on each installed pack, or says none is stated', () => {
    render(
      <PackList
        packs={[stored('CC-BY-4.0'), { ...stored(), origin: 'other', title: 'Other' }]}
        onExport={() => {}}
        onRemove={() => {}}
      />,
    );
    const licenses = screen.getAllByTestId('pack-license').map((e) => e.textContent);
    expect(licenses).toEqual(['License: CC-BY-4.0', 'No license stated']);
  });

  it('in the import preview, before anything is applied', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, value: 'Imported.' }));
    const { container } = render(
      <ImportPanel
        onPreview={async () => ({
          ok: true,
          value: {
            token: 'preview-1',
            packId: 'sample',
            title: 'Sample pack',
            license: 'CC0-1.0',
            replaces: false,
            counts: { added: 6, changed: 0, unchanged: 0, removed: 0, conflicts: 0 },
          },
        })}
        onImport={onImport}
      />,
    );
    const input = container.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    const file = new File([licensed()], 'sample.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() =>
      expect(screen.getByTestId('import-license').textContent).toBe('License: CC0-1.0'),
    );
    expect(onImport).not.toHaveBeenCalled();
    // Apply names the preview by its token (and keeps the file, should that preview be gone).
    fireEvent.click(screen.getByTestId('import-apply'));
    await waitFor(() => expect(onImport).toHaveBeenCalledWith(licensed(), 'preview-1'));
  });
});
