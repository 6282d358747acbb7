import { describe, expect, it } from 'vitest';
import type { Pack } from '../../utils/pack/types';
import {
  applyPack,
  type DatasetState,
  removeOrigin,
  toStoredAlliance,
  toStoredCompany,
} from '../../utils/sync/apply';
import { previewImport } from '../../utils/sync/preview';
import { samplePack } from '../support/packs';

const empty: DatasetState = { companies: [], alliances: [] };
const installed = (pack: Pack, origin = 'sample') =>
  applyPack(empty, origin, pack, pack.pack.updated);

const refs = (type: 'company' | 'alliance', ...ids: string[]) => ids.map((id) => ({ type, id }));

describe('previewImport', () => {
  it('lists everything as added for a new origin', () => {
    const p = previewImport(samplePack(), empty, 'sample');
    expect(p.added).toEqual([
      ...refs('company', 'apple', 'microsoft', 'oracle', 'openai').sort((a, b) =>
        a.id < b.id ? -1 : 1,
      ),
      ...refs('alliance', 'apple-openai', 'microsoft-openai', 'oci-azure-openai'),
    ]);
    expect(p.changed).toEqual([]);
    expect(p.unchanged).toEqual([]);
    expect(p.removed).toEqual([]);
    expect(p.conflictsWithUser).toEqual([]);
  });

  it('finds nothing to change when the same content comes again with new stamps', () => {
    const state = installed(samplePack());
    const again = samplePack({ updated: '2027-01-01T00:00:00Z' });
    // Key order and an absent optional field do not count as changes.
    again.companies[1] = {
      aliases: again.companies[1]!.aliases,
      names: again.companies[1]!.names,
      id: again.companies[1]!.id,
    };
    const p = previewImport(again, state, 'sample');
    expect(p.added).toEqual([]);
    expect(p.changed).toEqual([]);
    expect(p.removed).toEqual([]);
    expect(p.unchanged).toHaveLength(7);
  });

  it('sorts records into added, changed, unchanged and removed', () => {
    const state = installed(samplePack());
    const next = samplePack({ updated: '2027-01-01T00:00:00Z' });
    next.companies[0] = { ...next.companies[0]!, aliases: [...next.companies[0]!.aliases, 'OAI'] };
    next.companies.push({ id: 'nvidia', names: { en: 'NVIDIA', ko: '엔비디아' }, aliases: [] });
    next.companies = next.companies.filter((c) => c.id !== 'oracle'); // dropped
    next.alliances[1] = { ...next.alliances[1]!, status: 'ended', until: '2026' };
    next.removed = [{ type: 'alliance', id: 'oci-azure-openai' }]; // listed as removed
    const p = previewImport(next, state, 'sample');
    expect(p.added).toEqual(refs('company', 'nvidia'));
    expect(p.changed).toEqual([...refs('company', 'openai'), ...refs('alliance', 'apple-openai')]);
    expect(p.unchanged).toEqual([
      ...refs('company', 'apple', 'microsoft'),
      ...refs('alliance', 'microsoft-openai'),
    ]);
    expect(p.removed).toEqual([
      ...refs('company', 'oracle'),
      ...refs('alliance', 'oci-azure-openai'),
    ]);
  });

  it("compares with this origin's records only", () => {
    const state = installed(samplePack(), 'other');
    const p = previewImport(samplePack(), state, 'sample');
    expect(p.added).toHaveLength(7);
    expect(p.removed).toEqual([]);
  });

  it('flags records the user has their own version or tombstone of (not kept copies)', () => {
    const pack = samplePack();
    const ownApple = toStoredCompany(
      { id: 'apple', names: { en: 'Apple Inc.', ko: '애플' }, aliases: [] },
      'user',
      '2026-10-10T00:00:00Z',
    );
    const deadDeal = {
      ...toStoredAlliance(pack.alliances[0]!, 'user', '2026-10-10T00:00:00Z'),
      deleted: true,
    };
    const myDeal = toStoredAlliance(
      {
        ...pack.alliances[1]!,
        id: 'my-deal',
        members: [{ company: 'oracle' }, { company: 'apple' }],
      },
      'user',
      '2026-10-10T00:00:00Z',
    );
    let state: DatasetState = { companies: [ownApple], alliances: [deadDeal, myDeal] };
    state = removeOrigin(applyPack(state, 'sample', pack, pack.pack.updated), 'sample');
    // oracle is now a kept copy (my-deal names it): not a conflict, it steps aside on import.
    expect(state.companies.map((c) => c.id)).toEqual(['apple', 'oracle']);
    const p = previewImport(pack, state, 'sample');
    expect(p.conflictsWithUser).toEqual([
      ...refs('company', 'apple'),
      ...refs('alliance', 'microsoft-openai'),
    ]);
    expect(p.added).toHaveLength(7);
  });
});
