import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../utils/pack/json-error';
import { MAX_PACK_BYTES } from '../../utils/pack/types';
import { formatProblem, parsePackText, validatePack } from '../../utils/pack/validate';
import { samplePack } from '../support/packs';

function problemsOf(raw: unknown, knownCompanyIds?: Set<string>): string[] {
  const r = validatePack(raw, { knownCompanyIds });
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.error.map(formatProblem);
}

describe('validatePack', () => {
  it('accepts a good pack and reads a plain-string alliance name as English', () => {
    const pack = samplePack() as unknown as Record<string, unknown>;
    (pack.alliances as Record<string, unknown>[])[1]!.name = 'Apple Intelligence deal';
    const r = validatePack(pack);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.alliances[1]!.name).toEqual({ en: 'Apple Intelligence deal' });
      expect(r.value.removed).toEqual([]);
    }
  });

  it('rejects something that is not a pack, or a newer format, with one plain sentence', () => {
    expect(problemsOf([])).toEqual(['not an Alliance Lens pack (expected a JSON object)']);
    expect(problemsOf({ format: 'other' })[0]).toMatch(/^format: not an Alliance Lens pack/);
    expect(problemsOf({ ...samplePack(), version: 2 })[0]).toMatch(
      /^version: made for a newer Alliance Lens/,
    );
  });

  it('names the path of a member that refers to no company', () => {
    const pack = samplePack();
    pack.alliances[0]!.members[1]!.company = 'openia';
    expect(problemsOf(pack)).toEqual(['alliances[0].members[1]: unknown company "openia"']);
  });

  it('accepts members that the database already knows when told so', () => {
    const pack = samplePack();
    pack.alliances[0]!.members[1]!.company = 'anthropic';
    expect(validatePack(pack, { knownCompanyIds: new Set(['anthropic']) }).ok).toBe(true);
  });

  it('lists every problem at once: missing, mistyped, duplicate, dates, links', () => {
    const pack = samplePack() as unknown as {
      companies: Record<string, unknown>[];
      alliances: Record<string, unknown>[];
    };
    delete (pack.companies[0]!.names as Record<string, unknown>).ko;
    pack.companies[1]!.aliases = 'MS';
    pack.companies[2]!.id = 'openai';
    pack.alliances[0]!.since = '2019-13';
    pack.alliances[0]!.kind = 'friendship';
    pack.alliances[1]!.until = '2020';
    pack.alliances[1]!.members = [{ company: 'apple' }];
    (pack.alliances[2]!.sources as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)';
    pack.companies[3]!.homepage = 'ftp://oracle.com';
    const problems = problemsOf(pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        'companies[0].names.ko: missing',
        'companies[1].aliases: expected a list of names',
        'companies[2].id: duplicate id "openai"',
        // apple's record now has the id "openai", so apple is no longer defined
        'alliances[1].members[0]: unknown company "apple"',
        'companies[3].homepage: not an http(s) link: "ftp://oracle.com"',
        'alliances[0].kind: unknown kind "friendship" (one of partnership, investment, acquisition, merger, joint-venture, consortium, supply, licensing)',
        'alliances[0].since: not a date: "2019-13" (use YYYY, YYYY-MM or YYYY-MM-DD)',
        'alliances[1].members: an alliance needs at least two members (found 1)',
        'alliances[1].until: ends (2020) before it starts (2024-06-10)',
        'alliances[2].sources[0].url: not an http(s) link: "javascript:alert(1)"',
      ]),
    );
  });

  it('rejects duplicate alliance ids and a company listed twice in one alliance', () => {
    const pack = samplePack();
    pack.alliances[1]!.id = 'microsoft-openai';
    pack.alliances[2]!.members.push({ company: 'oracle' });
    expect(problemsOf(pack)).toEqual([
      'alliances[1].id: duplicate id "microsoft-openai"',
      'alliances[2].members[3]: company "oracle" is listed twice',
    ]);
  });

  it('rejects impossible calendar dates and accepts partial ones', () => {
    const pack = samplePack();
    pack.alliances[0]!.since = '2023-02-29';
    expect(problemsOf(pack)).toEqual([
      'alliances[0].since: not a date: "2023-02-29" (use YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
    pack.alliances[0]!.since = '2024-02-29';
    pack.alliances[0]!.until = '2024';
    expect(validatePack(pack).ok).toBe(true);
  });

  it('caps a flood of problems and says how many more there were', () => {
    const pack = samplePack();
    for (let i = 0; i < 80; i++)
      pack.companies.push({ id: 'openai', names: { en: 'x', ko: 'x' }, aliases: [] });
    const problems = problemsOf(pack);
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe('and 30 more problems');
  });
});

describe('parsePackText', () => {
  it('says where the JSON breaks', () => {
    const r = parsePackText('{\n  "format": "alliance-lens-pack",\n  oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.error[0]!)).toMatch(/^line 3, column \d+: not JSON/);
  });

  it('refuses an oversized pack before parsing it', () => {
    const big = `{"format":"alliance-lens-pack","pad":"${'x'.repeat(MAX_PACK_BYTES)}"}`;
    const r = parsePackText(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toMatch(/over the 20\.0 MB limit/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parsePackText(`\ufeff${JSON.stringify(samplePack())}`).ok).toBe(true);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'a quoted property name'],
    ['{\n  "a": [1, 2\n}', 3, 1, '"," or "]"'],
    ['{"a": "x\ny"}', 1, 9, 'a closing quote (strings cannot span lines)'],
    ['{"a": tru}', 1, 7, 'a value'],
    ['{"a": 1} x', 1, 10, 'the end of the file'],
    ['{"a": ', 1, 7, 'more text (the file ends too early)'],
    ['{"a": "\\q"}', 1, 8, 'a valid escape after \\'],
  ])('finds the error in %j', (text, line, column, expected) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, expected });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonError(JSON.stringify(samplePack(), null, 2))).toBeNull();
    expect(locateJsonError('[1, -2.5e3, true, false, null, "\\u00e9"]')).toBeNull();
  });
});

describe('localized text', () => {
  it('drops an empty language so readers fall back to the other one', () => {
    const pack = samplePack();
    pack.alliances[0]!.summary = { en: '  ', ko: '투자' };
    const r = validatePack(pack);
    expect(r.ok && r.value.alliances[0]!.summary).toEqual({ ko: '투자' });
  });
});
