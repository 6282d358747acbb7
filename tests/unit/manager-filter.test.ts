import { describe, expect, it } from 'vitest';
import {
  type AllianceFilter,
  aliasConflicts,
  companyMatches,
  filterAlliances,
  filterCompanies,
  overlapsRange,
  tieCounts,
} from '../../utils/manager/filter';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { samplePack } from '../support/packs';

const pack = samplePack();
const companies: CompanyView[] = pack.companies.map((c) => ({
  ...c,
  origins: c.id === 'apple' ? ['user', 'bundled'] : ['bundled'],
}));
const byId = new Map(companies.map((c) => [c.id, c]));
const alliances: AllianceView[] = pack.alliances.map((a) => ({
  ...a,
  origin: 'bundled',
  overridden: false,
}));
const allFilter: AllianceFilter = {
  text: '',
  origin: 'all',
  kinds: new Set(),
  statuses: new Set(),
  from: '',
  to: '',
  sort: 'since',
};

describe('manager filters', () => {
  it('finds companies by any name, tolerant of spacing and case', () => {
    expect(companyMatches(companies[0]!, '오픈 ai')).toBe(true);
    expect(companyMatches(companies[0]!, 'OPEN AI')).toBe(true);
    expect(companyMatches(companies[0]!, '애플')).toBe(false);
  });

  it('filters companies by origin and sorts by ties', () => {
    const ties = tieCounts(alliances);
    expect(ties.get('openai')).toBe(3);
    expect(
      filterCompanies(companies, ties, { text: '', origin: 'mine', sort: 'name' }, 'en').map(
        (c) => c.id,
      ),
    ).toEqual(['apple']);
    expect(
      filterCompanies(companies, ties, { text: '', origin: 'all', sort: 'ties' }, 'en')[0]!.id,
    ).toBe('openai');
  });

  it('filters alliances by kind, status, member name and date range', () => {
    const ids = (f: Partial<AllianceFilter>) =>
      filterAlliances(alliances, byId, { ...allFilter, ...f }, 'ko').map((a) => a.id);
    expect(ids({})).toEqual(['apple-openai', 'oci-azure-openai', 'microsoft-openai']);
    expect(ids({ kinds: new Set(['investment']) })).toEqual(['microsoft-openai']);
    expect(ids({ text: '오라클' })).toEqual(['oci-azure-openai']);
    expect(ids({ text: 'OCI' })).toEqual(['oci-azure-openai']);
    expect(ids({ to: '2020' })).toEqual(['microsoft-openai']);
    expect(ids({ statuses: new Set(['ended']) })).toEqual([]);
  });

  it('compares partial dates by prefix for ranges', () => {
    expect(overlapsRange({ since: '2020-09', until: '2022-02' }, '2021', '2021')).toBe(true);
    expect(overlapsRange({ since: '2020-09', until: '2022-02' }, '2023', '')).toBe(false);
    expect(overlapsRange({ since: null, until: null }, '2000', '2001')).toBe(true);
  });

  it('warns when an alias is already another company’s', () => {
    expect(aliasConflicts(['MS', 'Macro Soft'], 'macrosoft', companies)).toEqual([
      { alias: 'MS', companyId: 'microsoft' },
    ]);
    expect(aliasConflicts(['MS'], 'microsoft', companies)).toEqual([]);
  });
});
