// A small, clean dataset in memory for the dataset lint's tests: the files of
// data/ as {path, text}, built from plain objects so each test can break one thing.
import { canonicalText, kindOfPath } from '../../scripts/data/canonical.mjs';
import type { DataFile } from '../../scripts/data/lint';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are mutated freely
export type Raw = Record<string, any>;

export interface Fixture {
  pack: Raw;
  released: { companies: string[]; alliances: string[] };
  companies: Raw[];
  alliances: Raw[];
}

/** The date the fixture's dates are checked against. */
export const TODAY = '2026-06-15';

const company = (id: string, en: string, ko: string, country: string, sector: string): Raw => ({
  id,
  names: { en, ko },
  aliases: [en, ko],
  country,
  sector,
});

export function cleanFixture(): Fixture {
  return {
    pack: {
      id: 'core',
      title: 'Test dataset',
      license: 'CC-BY-4.0',
      updated: '2026-06-01T00:00:00Z',
    },
    released: { companies: ['naver', 'intel'], alliances: ['naver-intel-partnership'] },
    companies: [
      company('naver', 'Naver', '네이버', 'KR', 'platform'),
      company('intel', 'Intel', '인텔', 'US', 'chips'),
      company('openai', 'OpenAI', '오픈AI', 'US', 'foundation-models'),
    ],
    alliances: [
      {
        id: 'naver-intel-partnership',
        kind: 'partnership',
        name: null,
        members: [
          { company: 'naver', role: 'partner' },
          { company: 'intel', role: 'partner' },
        ],
        since: '2024-04-09',
        until: null,
        status: 'active',
        summary: {
          en: 'Naver and Intel agreed to build an AI chip software ecosystem on Gaudi accelerators.',
          ko: '네이버와 인텔이 가우디 가속기 기반 AI 반도체 소프트웨어 생태계를 함께 만들기로 했다.',
        },
        sources: [
          {
            url: 'https://example.com/naver-intel',
            title: 'Naver and Intel team up',
            publisher: 'Example News',
            published: '2024-04-09',
          },
        ],
      },
    ],
  };
}

/** The fixture as files, each in canonical form unless a test rewrites its text. */
export function toFiles(f: Fixture): DataFile[] {
  const file = (path: string, value: unknown): DataFile => {
    const kind = kindOfPath(path);
    if (!kind) throw new Error(`not a data file: ${path}`);
    return { path, text: canonicalText(kind, value) };
  };
  return [
    file('data/pack.json', f.pack),
    file('data/released-ids.json', f.released),
    ...f.companies.map((c) => file(`data/companies/${c.id}.json`, c)),
    ...f.alliances.map((a) => file(`data/alliances/${a.id}.json`, a)),
  ];
}
