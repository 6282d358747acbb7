// The popup's search while the background writes (DatasetReader.searchPromptly):
// IndexedDB (fake-indexeddb, which schedules transactions as the spec says)
// holds the search's read until the write commits; the held dataset answers
// meanwhile, and the database's answer follows with what the write changed.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '../../utils/db/database';
import { DatasetReader } from '../../utils/db/reader';
import { toStoredCompany } from '../../utils/db/stamp';
import { AllianceStore } from '../../utils/db/store';
import { validatePack } from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function twoContexts() {
  const name = `promptly-${Math.random()}`;
  names.push(name);
  const background = new AllianceStore(new AllianceDb(name));
  const popup = new DatasetReader(new AllianceDb(name));
  const pack = validatePack(samplePack());
  if (!pack.ok) throw new Error('invalid sample pack');
  await background.installPack(pack.value, { origin: 'sample' });
  return { background, popup };
}

const oraclette = toStoredCompany(
  { id: 'oraclette', names: { en: 'Oraclette', ko: '오라클렛' }, aliases: ['오라클렛'] },
  'user',
  '2026-12-01T00:00:00Z',
);

/** A write that stays open (busy with requests) until `release()`, as a big pack's install does. */
function openWrite(store: AllianceStore) {
  let open = true;
  let written = false;
  const done = store.db.transaction('rw', store.db.companies, store.db.meta, async () => {
    await store.db.companies.put(oraclette);
    written = true;
    while (open) await store.db.meta.get('nothing');
  });
  return {
    done,
    release: () => {
      open = false;
    },
    isOpen: () => open && written,
  };
}

const ids = (answer: { companies: { id: string }[] }) => answer.companies.map((c) => c.id);

describe('DatasetReader.searchPromptly', () => {
  it('answers from the held dataset while a write holds the database, then with the write’s result', async () => {
    const { background, popup } = await twoContexts();
    await popup.prepareSearch();
    const write = openWrite(background);
    await new Promise((r) => setTimeout(r, 20)); // the write has begun
    const found = await popup.searchPromptly('오라클', [], 6, 50);
    expect(write.isOpen()).toBe(true); // answered before the write committed
    expect(ids(found.answer)).toEqual(['oracle']);
    expect(found.fresher).toBeDefined();
    write.release();
    await write.done;
    expect(ids(await (found.fresher as Promise<{ companies: { id: string }[] }>))).toEqual([
      'oracle',
      'oraclette',
    ]);
    popup.db.close();
    background.db.close();
  });

  it('answers from the database when it is free, and the next held dataset is what that search read', async () => {
    const { background, popup } = await twoContexts();
    await popup.prepareSearch();
    await background.db.companies.put(oraclette);
    const found = await popup.searchPromptly('오라클', [], 6, 60_000);
    expect(ids(found.answer)).toEqual(['oracle', 'oraclette']);
    expect(found.fresher).toBeUndefined();
    const held = popup.heldDataset();
    if (!held) throw new Error('the search held nothing');
    await background.db.companies.delete(['user', 'oraclette']);
    expect(ids(await held.search('오라클', [], 6))).toEqual(['oracle', 'oraclette']);
    expect(ids(await popup.search('오라클', [], 6))).toEqual(['oracle']);
    popup.db.close();
    background.db.close();
  });

  it('waits for the database when nothing was read before (no held dataset yet)', async () => {
    const { background, popup } = await twoContexts();
    const found = await popup.searchPromptly('오라클', [], 6, 0);
    expect(ids(found.answer)).toEqual(['oracle']);
    expect(found.fresher).toBeUndefined();
    popup.db.close();
    background.db.close();
  });
});
