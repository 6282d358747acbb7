// "Apply" after a preview installs the pack the preview checked, without
// checking the same text again; any other text, or a dataset that changed
// since, is checked from scratch.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../utils/background/handlers';
import { PreviewedPack } from '../../utils/background/previewed-pack';
import { AllianceDb } from '../../utils/db/database';
import { AllianceStore } from '../../utils/db/store';
import type { Pack } from '../../utils/pack/types';
import { samplePack } from '../support/packs';

describe('PreviewedPack', () => {
  const pack = samplePack() as Pack;
  it('gives back the checked pack once, for the same text and dataset version', () => {
    const kept = new PreviewedPack();
    kept.remember('text', 3, pack);
    expect(kept.take('text', 3)).toBe(pack);
    expect(kept.take('text', 3)).toBeUndefined();
  });

  it('refuses another text, a dataset changed since, or a stale preview', () => {
    let now = 0;
    const kept = new PreviewedPack(() => now);
    kept.remember('text', 3, pack);
    expect(kept.take('other text', 3)).toBeUndefined();
    kept.remember('text', 3, pack);
    expect(kept.take('text', 4)).toBeUndefined();
    kept.remember('text', 3, pack);
    now = 11 * 60_000;
    expect(kept.take('text', 3)).toBeUndefined();
  });
});

describe('importPack after previewImport', () => {
  let name: string;
  let store: AllianceStore;
  beforeEach(() => {
    name = `previewed-${Math.random()}`;
    store = new AllianceStore(new AllianceDb(name));
  });
  afterEach(async () => {
    store.db.close();
    await Dexie.delete(name);
  });

  it('installs the previewed pack by its token, once, and only while the dataset is as previewed', async () => {
    const handlers = createHandlers(store);
    const preview = await handlers.previewImport({ text: JSON.stringify(samplePack()) });
    if (!preview.ok) throw new Error(preview.error.message);
    const reply = await handlers.importPack({ token: preview.value.token });
    expect(reply.ok && reply.value.pack.counts).toEqual({ companies: 4, alliances: 3 });
    // Taken once: the same token again, or one never given, asks for the file.
    for (const token of [preview.value.token, 'made-up']) {
      const again = await handlers.importPack({ token });
      expect(again.ok ? null : again.error.previewGone).toBe(true);
    }
    // A preview the dataset moved on from (here: by the import above) is gone too.
    const stale = await handlers.previewImport({ text: JSON.stringify(samplePack()) });
    if (!stale.ok) throw new Error(stale.error.message);
    await handlers.removePack({ origin: 'sample' });
    const late = await handlers.importPack({ token: stale.value.token });
    expect(late.ok ? null : late.error.previewGone).toBe(true);
  });

  it('installs the previewed pack', async () => {
    const handlers = createHandlers(store);
    const text = JSON.stringify(samplePack());
    expect((await handlers.previewImport({ text })).ok).toBe(true);
    const reply = await handlers.importPack({ text });
    expect(reply.ok && reply.value.pack.counts).toEqual({ companies: 4, alliances: 3 });
  });

  it('still checks a file that differs from the previewed one', async () => {
    const handlers = createHandlers(store);
    await handlers.previewImport({ text: JSON.stringify(samplePack()) });
    const broken = samplePack();
    broken.alliances[0]!.members = [{ company: 'nobody-knows' }, { company: 'openai' }];
    const reply = await handlers.importPack({ text: JSON.stringify(broken) });
    expect(reply.ok).toBe(false);
    expect(await store.listPacks()).toEqual([]);
  });
});
