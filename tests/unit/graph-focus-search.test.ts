// The graph's focus search compares names the way the popup search does (aliasKey).
import { describe, expect, it } from 'vitest';
import { companyNameIndex, findCompany } from '../../components/graph/focus-search';
import type { CompanyView } from '../../utils/pack/merge';

function company(id: string, en: string, ko: string, aliases: string[] = []): CompanyView {
  return { id, names: { en, ko }, aliases, origins: ['bundled'] };
}

const companies = [
  company('openai', 'OpenAI', '오픈AI', ['Open AI']),
  company('sk-telecom', 'SK Telecom', 'SK텔레콤', ['SKT']),
  company('naver', 'Naver', '네이버'),
  // An alias that spells another company's shown name.
  company('naver-cloud', 'Naver Cloud', '네이버클라우드', ['Naver']),
];

describe('graph focus search', () => {
  it('finds "오픈 ai" as the popup search does: spacing, case and width do not matter', () => {
    const index = companyNameIndex(companies, 'en');
    for (const name of [
      '오픈 ai',
      '오픈AI',
      'open ai',
      'OPENAI',
      'ＯｐｅｎＡＩ',
      ' openai ',
      '오픈-AI',
    ]) {
      expect(findCompany(index, name), name).toBe('openai');
    }
    expect(findCompany(index, 'sk telecom')).toBe('sk-telecom');
    expect(findCompany(index, 'SK-텔레콤')).toBe('sk-telecom');
    expect(findCompany(index, 'skt')).toBe('sk-telecom');
  });

  it('finds whole names only, and nothing for blank text', () => {
    const index = companyNameIndex(companies, 'en');
    expect(findCompany(index, 'open')).toBeUndefined();
    expect(findCompany(index, 'Nobody Inc')).toBeUndefined();
    expect(findCompany(index, '   ')).toBeUndefined();
  });

  it('lets a shown name win over another company’s alias', () => {
    expect(findCompany(companyNameIndex(companies, 'en'), 'naver')).toBe('naver');
    expect(findCompany(companyNameIndex(companies, 'ko'), '네이버')).toBe('naver');
  });
});
