// Keeps docs/pack-format.md and docs/pack.schema.json honest: the JSON Schema
// must agree with the runtime validator, and the doc's examples must be true.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../utils/pack/countries';
import {
  ALLIANCE_KINDS,
  ALLIANCE_STATUSES,
  COMPANY_SECTORS,
  MAX_PACK_BYTES,
} from '../../utils/pack/types';
import {
  formatProblem,
  MAX_PROBLEMS,
  parsePackText,
  tooLargeProblem,
  validatePack,
} from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

const schemaJson = JSON.parse(read('docs/pack.schema.json'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(schemaJson);

const doc = read('docs/pack-format.md');

/** The fenced block right after the `<!-- marker -->` line of the doc. */
function docBlock(marker: string): string {
  const m = new RegExp(`<!-- ${marker} -->\\s*\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/pack-format.md has no fenced block after <!-- ${marker} -->`);
  return m[2]!;
}

function schemaErrors(raw: unknown): string[] {
  if (validateSchema(raw)) return [];
  return (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

function runtimeProblems(raw: unknown): string[] {
  const r = validatePack(raw);
  return r.ok ? [] : r.error.map(formatProblem);
}

// biome-ignore lint/suspicious/noExplicitAny: test fixtures are mutated freely
type Raw = Record<string, any>;
const mutated = (change: (p: Raw) => void): Raw => {
  const p = samplePack() as Raw;
  change(p);
  return p;
};

describe('docs/pack.schema.json', () => {
  it('accepts the sample pack and the bundled dataset, as the runtime does', () => {
    const core = JSON.parse(read('public/packs/core.json'));
    for (const pack of [samplePack(), core]) {
      expect(runtimeProblems(pack)).toEqual([]);
      expect(schemaErrors(pack)).toEqual([]);
    }
  });

  it('lists the same kinds and statuses as the runtime', () => {
    const alliance = schemaJson.$defs.alliance.properties;
    expect(alliance.kind.enum).toEqual([...ALLIANCE_KINDS]);
    expect(alliance.status.enum).toEqual([...ALLIANCE_STATUSES]);
  });

  it('lists the same sectors and country codes as the runtime', () => {
    expect(schemaJson.$defs.sector.enum).toEqual([...COMPANY_SECTORS]);
    expect(schemaJson.$defs.countryCode.enum).toEqual([...COUNTRY_CODES]);
    expect(COUNTRY_CODES).toHaveLength(249);
  });

  const bad: [string, (p: Raw) => void, string][] = [
    [
      'wrong kind',
      (p) => {
        p.alliances[0].kind = 'friendship';
      },
      'alliances[0].kind: unknown kind "friendship"',
    ],
    [
      'bad date format',
      (p) => {
        p.alliances[0].since = '2019/07/22';
      },
      'alliances[0].since: not a date: "2019/07/22"',
    ],
    [
      'month 13',
      (p) => {
        p.alliances[0].sources[0].published = '2019-13';
      },
      'alliances[0].sources[0].published: not a date: "2019-13"',
    ],
    [
      'javascript: URL',
      (p) => {
        p.alliances[1].sources[0].url = 'javascript:alert(1)';
      },
      'alliances[1].sources[0].url: not an http(s) link: "javascript:alert(1)"',
    ],
    [
      'ftp: homepage',
      (p) => {
        p.companies[0].homepage = 'ftp://openai.com';
      },
      'companies[0].homepage: not an http(s) link',
    ],
    [
      'missing names.ko',
      (p) => {
        delete p.companies[0].names.ko;
      },
      'companies[0].names.ko: missing',
    ],
    [
      'name as empty object',
      (p) => {
        p.alliances[2].name = {};
      },
      'alliances[2].name: needs "en" or "ko" text',
    ],
    [
      'name of white space only',
      (p) => {
        p.alliances[2].name = { en: '  ', ko: '' };
      },
      'alliances[2].name: needs "en" or "ko" text',
    ],
    [
      'bad company id',
      (p) => {
        p.companies[1].id = 'Microsoft Corp';
      },
      'companies[1].id: not an id',
    ],
    [
      'bad pack id',
      (p) => {
        p.pack.id = 'my_pack';
      },
      'pack.id: not an id',
    ],
    [
      'empty title',
      (p) => {
        p.pack.title = ' ';
      },
      'pack.title: must not be empty',
    ],
    [
      'bad updated',
      (p) => {
        p.pack.updated = 'yesterday';
      },
      'pack.updated: not a date-time',
    ],
    [
      'expires out of range',
      (p) => {
        p.pack.expires = 721;
      },
      'pack.expires: at most 720 hours',
    ],
    [
      'bad Wikidata id',
      (p) => {
        p.companies[0].wikidata = 'Q0';
      },
      'companies[0].wikidata: not a Wikidata id',
    ],
    [
      'a lowercase country',
      (p) => {
        p.companies[0].country = 'us';
      },
      'companies[0].country: not an ISO 3166-1 alpha-2 country code: "us"',
    ],
    [
      'a country code ISO does not assign',
      (p) => {
        p.companies[0].country = 'UK';
      },
      'companies[0].country: not an ISO 3166-1 alpha-2 country code: "UK"',
    ],
    [
      'an unknown sector',
      (p) => {
        p.companies[0].sector = 'software';
      },
      'companies[0].sector: unknown sector "software"',
    ],
    [
      'a shared alias naming no id',
      (p) => {
        p.companies[1].sharedAliases = { MS: 'Microsoft Corp' };
      },
      'companies[1].sharedAliases.MS: not an id',
    ],
    [
      'an empty license',
      (p) => {
        p.pack.license = ' ';
      },
      'pack.license: must not be empty',
    ],
    [
      'unknown status',
      (p) => {
        p.alliances[0].status = 'done';
      },
      'alliances[0].status: unknown status "done"',
    ],
    [
      'one member',
      (p) => {
        p.alliances[1].members.pop();
      },
      'alliances[1].members: an alliance needs at least two members (found 1)',
    ],
    [
      'missing sources',
      (p) => {
        delete p.alliances[0].sources;
      },
      'alliances[0].sources: missing',
    ],
    [
      'alias too long',
      (p) => {
        p.companies[0].aliases.push('x'.repeat(101));
      },
      'companies[0].aliases[3]: longer than 100 characters',
    ],
    [
      'bad removed type',
      (p) => {
        p.removed = [{ type: 'pack', id: 'old' }];
      },
      'removed[0].type: expected "company" or "alliance"',
    ],
    [
      'version as a string',
      (p) => {
        p.version = '1';
      },
      'version: ',
    ],
    [
      'newer version',
      (p) => {
        p.version = 2;
      },
      'version: made for a newer Alliance Lens',
    ],
    [
      'not a pack',
      (p) => {
        p.format = 'something-else';
      },
      'format: not an Alliance Lens pack',
    ],
  ];

  it.each(bad)('rejects %s, as the runtime does', (_label, change, problem) => {
    const pack = mutated(change);
    expect(runtimeProblems(pack)).toContainEqual(expect.stringContaining(problem));
    expect(schemaErrors(pack)).not.toEqual([]);
  });

  // What the doc says JSON Schema cannot check: the runtime alone rejects these.
  const runtimeOnly: [string, (p: Raw) => void, string][] = [
    [
      'a duplicate company id',
      (p) => {
        p.companies[3].id = 'apple';
      },
      'companies[3].id: duplicate id "apple"',
    ],
    [
      'a member naming no company',
      (p) => {
        p.alliances[0].members[1].company = 'openia';
      },
      'alliances[0].members[1]: unknown company "openia"',
    ],
    [
      'a company listed twice',
      (p) => {
        p.alliances[0].members.push({ company: 'openai' });
      },
      'alliances[0].members[2]: company "openai" is listed twice',
    ],
    [
      'until before since',
      (p) => {
        p.alliances[0].until = '2019-06';
      },
      'alliances[0].until: ends (2019-06) before it starts (2019-07)',
    ],
    [
      'a day that does not exist',
      (p) => {
        p.alliances[0].since = '2023-02-29';
      },
      'alliances[0].since: not a date: "2023-02-29" (use YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
    [
      'an ambiguous entry that is not an alias',
      (p) => {
        p.companies[2].ambiguous = ['apple', 'Fruit'];
      },
      'companies[2].ambiguous: not one of the company\'s names or aliases: "Fruit"',
    ],
  ];

  it.each(runtimeOnly)('leaves %s to the runtime', (_label, change, problem) => {
    const pack = mutated(change);
    expect(schemaErrors(pack)).toEqual([]);
    expect(runtimeProblems(pack)).toContain(problem);
  });

  it('accepts unknown properties, as the runtime does', () => {
    const pack = mutated((p) => {
      p.generator = 'my-exporter 2.1';
      p.pack.sponsor = 'Example Foundation';
      p.companies[0].founded = 2015;
      p.alliances[0].name = {
        en: 'Microsoft–OpenAI',
        ko: 'MS–오픈AI',
        ja: 'マイクロソフト–OpenAI',
      };
    });
    expect(runtimeProblems(pack)).toEqual([]);
    expect(schemaErrors(pack)).toEqual([]);
  });
});

describe('docs/pack-format.md', () => {
  it('has a full example pack that both the runtime and the JSON Schema accept', () => {
    const example = JSON.parse(docBlock('example-pack'));
    expect(runtimeProblems(example)).toEqual([]);
    expect(schemaErrors(example)).toEqual([]);
    // The example shows every record type and optional field a publisher may use.
    expect(example.removed.length).toBeGreaterThan(0);
    expect(example.pack.expires).toBeTypeOf('number');
    expect(example.pack.license).toBeTypeOf('string');
    for (const field of ['country', 'sector', 'ambiguous', 'sharedAliases'])
      expect(example.companies.some((c: Raw) => c[field] !== undefined)).toBe(true);
    expect(example.alliances.some((a: Raw) => a.until && a.status === 'ended')).toBe(true);
    expect(example.alliances.some((a: Raw) => a.name && a.aliases?.length)).toBe(true);
  });

  it('quotes the problems of its broken example exactly as the validator words them', () => {
    const broken = JSON.parse(docBlock('example-broken-pack'));
    const quoted = docBlock('example-problems').split('\n');
    expect(runtimeProblems(broken)).toEqual(quoted);
    expect(schemaErrors(broken)).not.toEqual([]);
  });

  it('quotes the other messages and limits as the code has them', () => {
    const newer = runtimeProblems({ ...samplePack(), version: 2 });
    expect(doc).toContain(newer[0]);
    expect(doc).toContain(formatProblem(tooLargeProblem(21 * 1024 * 1024)));
    const notJson = parsePackText('{"format": "alliance-lens-pack", "version": 1,}');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(doc).toContain(`\`${formatProblem(notJson.error[0]!)}\``);
    expect(doc).toContain(`${MAX_PACK_BYTES / 1024 / 1024} MB`);
    expect(doc).toContain(`${MAX_PROBLEMS} problems`);
    for (const kind of ALLIANCE_KINDS) expect(doc).toContain(`| \`${kind}\``);
    for (const status of ALLIANCE_STATUSES) expect(doc).toContain(`| \`${status}\``);
    for (const sector of COMPANY_SECTORS) expect(doc).toContain(`| \`${sector}\``);
  });
});
