// Small, hand-written packs for unit tests. Each call returns a fresh copy to mutate.
import type { Pack } from '../../utils/pack/types';

export function samplePack(overrides: Partial<Pack['pack']> = {}): Pack {
  return {
    format: 'alliance-lens-pack',
    version: 1,
    pack: {
      id: 'sample',
      title: 'Sample pack',
      publisher: 'Alliance Lens tests',
      homepage: 'https://example.com/packs',
      updated: '2026-11-01T00:00:00Z',
      ...overrides,
    },
    companies: [
      {
        id: 'openai',
        names: { en: 'OpenAI', ko: '오픈AI' },
        aliases: ['OpenAI', '오픈AI', 'Open AI'],
        wikidata: 'Q21708200',
        homepage: 'https://openai.com',
      },
      {
        id: 'microsoft',
        names: { en: 'Microsoft', ko: '마이크로소프트' },
        aliases: ['Microsoft', 'MS', '마이크로소프트'],
      },
      { id: 'apple', names: { en: 'Apple', ko: '애플' }, aliases: ['Apple', '애플'] },
      { id: 'oracle', names: { en: 'Oracle', ko: '오라클' }, aliases: ['Oracle', '오라클'] },
    ],
    alliances: [
      {
        id: 'microsoft-openai',
        kind: 'investment',
        name: null,
        members: [{ company: 'microsoft', role: 'investor' }, { company: 'openai' }],
        since: '2019-07',
        until: null,
        status: 'active',
        summary: {
          en: 'Microsoft invests in OpenAI; Azure runs its models.',
          ko: 'MS가 오픈AI에 투자하고 애저로 모델을 돌린다.',
        },
        sources: [
          {
            url: 'https://openai.com/index/microsoft-invests-in-and-partners-with-openai/',
            title: 'Microsoft invests in and partners with OpenAI',
            publisher: 'OpenAI',
            published: '2019-07-22',
          },
        ],
      },
      {
        id: 'apple-openai',
        kind: 'partnership',
        name: null,
        members: [{ company: 'apple' }, { company: 'openai' }],
        since: '2024-06-10',
        until: null,
        status: 'active',
        sources: [
          {
            url: 'https://www.apple.com/newsroom/2024/06/introducing-apple-intelligence-for-iphone-ipad-and-mac/',
          },
        ],
      },
      {
        id: 'oci-azure-openai',
        kind: 'partnership',
        name: { en: 'Azure AI on OCI', ko: '애저 AI 온 OCI' },
        members: [
          { company: 'microsoft' },
          { company: 'oracle' },
          { company: 'openai', role: 'customer' },
        ],
        since: '2024-06',
        until: null,
        status: 'active',
        sources: [{ url: 'https://www.oracle.com/news/' }],
      },
    ],
  };
}
