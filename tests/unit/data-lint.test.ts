// The dataset lint (scripts/data/lint.ts): for each rule, a small broken
// dataset that it catches, naming the file and the field; then the real data/
// folder, which must be clean, and public/packs/core.json, which must be built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePack } from '../../scripts/data/assemble.mjs';
import { canonicalLines, canonicalText, kindOfPath } from '../../scripts/data/canonical.mjs';
import { REPO_ROOT, readDataFiles } from '../../scripts/data/files.mjs';
import {
  type DataFile,
  formatLintProblem,
  type LintProblem,
  lintDataset,
  RULES,
} from '../../scripts/data/lint';
import { cleanFixture, type Fixture, TODAY, toFiles } from '../support/data-files';

const lint = (files: DataFile[], today = TODAY) => lintDataset(files, { today });

/** Lints the clean fixture after `change`, returning its problems. */
function lintChanged(change: (f: Fixture) => void): LintProblem[] {
  const f = cleanFixture();
  change(f);
  return lint(toFiles(f));
}

const at = (rule: string, file: string, field: string) =>
  expect.objectContaining({ rule, file, field });

const NAVER = 'data/companies/naver.json';
const INTEL = 'data/companies/intel.json';
const ALLIANCE = 'data/alliances/naver-intel-partnership.json';

/** Problems grouped by file, so a failing run reads like a review. */
function report(problems: LintProblem[]): string {
  const byFile = new Map<string, string[]>();
  for (const p of problems) {
    const line = formatLintProblem(p).slice(p.file.length + 1);
    byFile.set(p.file, [...(byFile.get(p.file) ?? []), line]);
  }
  const count = new Map<string, number>();
  for (const p of problems) count.set(p.rule, (count.get(p.rule) ?? 0) + 1);
  const rules = [...count].map(([rule, n]) => `${rule} ${n}`).join(', ');
  const files = [...byFile].map(([file, lines]) => `${file}\n  ${lines.join('\n  ')}`).join('\n');
  return `${problems.length} problems (${rules})\n${files}`;
}

describe('the dataset lint, rule by rule', () => {
  it('finds nothing in the clean fixture', () => {
    expect(lint(toFiles(cleanFixture()))).toEqual([]);
  });

  it('json: a file that does not parse, with where it breaks', () => {
    const files = toFiles(cleanFixture());
    files[2] = { path: files[2]!.path, text: '{ "id": "naver", }' };
    // Only that: its company still exists for the other rules.
    expect(lint(files)).toEqual([
      expect.objectContaining({
        rule: 'json',
        file: NAVER,
        message: expect.stringMatching(/^line 1, column 18: not JSON/),
      }),
    ]);
  });

  it('schema: the validator of imported packs, on every record and on pack.json', () => {
    const problems = lintChanged((f) => {
      f.alliances[0]!.kind = 'friendship';
      f.alliances[0]!.sources[0]!.published = '2024-02-30';
      delete f.companies[0]!.names.ko;
      f.companies[1]!.country = 'us';
      f.companies[2]!.sector = 'software';
      f.pack.license = '';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        at('schema', ALLIANCE, 'kind'),
        at('schema', ALLIANCE, 'sources[0].published'),
        at('schema', NAVER, 'names.ko'),
        at('schema', INTEL, 'country'),
        at('schema', 'data/companies/openai.json', 'sector'),
        at('schema', 'data/pack.json', 'license'),
      ]),
    );
  });

  it('names: both the English and the Korean name, on every company', () => {
    const problems = lintChanged((f) => {
      delete f.companies[0]!.names.ko;
      f.companies[1]!.names.en = ' ';
    });
    expect(problems).toContainEqual(at('schema', NAVER, 'names.ko'));
    expect(problems).toContainEqual(at('schema', INTEL, 'names.en'));
  });

  it('file-name: the file is named after the id', () => {
    const files = toFiles(cleanFixture());
    files[2] = { ...files[2]!, path: 'data/companies/naver-corp.json' };
    expect(lint(files)).toContainEqual(at('file-name', 'data/companies/naver-corp.json', 'id'));
  });

  it('unique-id: no two companies, and no two alliances, share an id', () => {
    const f = cleanFixture();
    const files = toFiles(f);
    const twin = (path: string, value: unknown) => ({
      path,
      text: canonicalText(kindOfPath(path) ?? 'company', value),
    });
    files.push(twin('data/companies/naver2.json', f.companies[0]));
    files.push(twin('data/alliances/naver-intel-partnership2.json', f.alliances[0]));
    const problems = lint(files);
    expect(problems).toContainEqual(at('unique-id', 'data/companies/naver2.json', 'id'));
    expect(problems).toContainEqual(
      at('unique-id', 'data/alliances/naver-intel-partnership2.json', 'id'),
    );
  });

  it('released-id: an id that shipped stays, unless pack.json lists it as removed', () => {
    const gone = (f: Fixture) => {
      f.companies = f.companies.filter((c) => c.id !== 'openai');
      f.released.companies.push('openai');
    };
    expect(lintChanged(gone)).toContainEqual(at('released-id', 'data/companies/openai.json', 'id'));
    const withdrawn = lintChanged((f) => {
      gone(f);
      f.pack.removed = [{ type: 'company', id: 'openai' }];
    });
    expect(withdrawn).toEqual([]);
    // Listed as removed while its file is still there: one of the two is a mistake.
    const contradictory = lintChanged((f) => {
      f.pack.removed = [{ type: 'company', id: 'naver' }];
    });
    expect(contradictory).toContainEqual(at('released-id', 'data/pack.json', 'removed[0]'));
  });

  it('members: every member company has a file', () => {
    const problems = lintChanged((f) => {
      f.alliances[0]!.members[1]!.company = 'intell';
    });
    expect(problems).toContainEqual(at('members', ALLIANCE, 'members[1].company'));
  });

  it('company-fields: country and sector are present', () => {
    const problems = lintChanged((f) => {
      delete f.companies[0]!.country;
      delete f.companies[1]!.sector;
    });
    expect(problems).toContainEqual(at('company-fields', NAVER, 'country'));
    expect(problems).toContainEqual(at('company-fields', INTEL, 'sector'));
  });

  it('shared-alias: an alias two companies list must be declared on both', () => {
    const problems = lintChanged((f) => {
      f.companies[1]!.aliases.push('NAVER ');
    });
    expect(problems).toContainEqual(at('shared-alias', NAVER, 'names.en'));
    expect(problems).toContainEqual(at('shared-alias', INTEL, 'aliases[2]'));
  });

  it('shared-alias: declared on both, naming one of them, it passes', () => {
    const problems = lintChanged((f) => {
      f.companies[1]!.aliases.push('naver');
      f.companies[0]!.sharedAliases = { Naver: 'naver' };
      f.companies[1]!.sharedAliases = { naver: 'naver' };
    });
    expect(problems).toEqual([]);
  });

  it('shared-alias: the declarations agree, and name a company that lists the alias', () => {
    const disagree = lintChanged((f) => {
      f.companies[1]!.aliases.push('Naver');
      f.companies[0]!.sharedAliases = { Naver: 'naver' };
      f.companies[1]!.sharedAliases = { Naver: 'intel' };
    });
    expect(disagree).toContainEqual(at('shared-alias', INTEL, 'sharedAliases.Naver'));
    const outsider = lintChanged((f) => {
      f.companies[1]!.aliases.push('Naver');
      f.companies[0]!.sharedAliases = { Naver: 'openai' };
      f.companies[1]!.sharedAliases = { Naver: 'openai' };
    });
    expect(outsider).toContainEqual(at('shared-alias', NAVER, 'sharedAliases.Naver'));
    expect(outsider).toContainEqual(at('shared-alias', INTEL, 'sharedAliases.Naver'));
    const notOwn = lintChanged((f) => {
      f.companies[2]!.sharedAliases = { Naver: 'naver' };
    });
    expect(notOwn).toContainEqual(
      at('shared-alias', 'data/companies/openai.json', 'sharedAliases.Naver'),
    );
  });

  it('ambiguous: every entry is one of the company names or aliases (the validator checks it)', () => {
    const problems = lintChanged((f) => {
      f.companies[1]!.ambiguous = ['intel', 'Chips'];
    });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'schema',
        file: INTEL,
        field: 'ambiguous',
        message: expect.stringContaining('"Chips"'),
      }),
    ]);
  });

  it('sources: at least one, each https with title, publisher and date', () => {
    const none = lintChanged((f) => {
      f.alliances[0]!.sources = [];
    });
    expect(none).toContainEqual(at('sources', ALLIANCE, 'sources'));
    const incomplete = lintChanged((f) => {
      const s = f.alliances[0]!.sources[0];
      s.url = 'http://example.com/naver-intel';
      delete s.title;
      s.publisher = ' ';
      delete s.published;
    });
    for (const field of ['url', 'title', 'publisher', 'published'])
      expect(incomplete).toContainEqual(at('sources', ALLIANCE, `sources[0].${field}`));
  });

  it('dates: none in the future, none before since, and an ended alliance has until', () => {
    const future = lintChanged((f) => {
      f.alliances[0]!.since = '2026-07';
      f.alliances[0]!.sources[0]!.published = '2027';
    });
    expect(future).toContainEqual(at('dates', ALLIANCE, 'since'));
    expect(future).toContainEqual(at('dates', ALLIANCE, 'sources[0].published'));
    // This month and today itself are not the future.
    for (const since of ['2026-06', TODAY]) {
      const problems = lintChanged((f) => {
        f.alliances[0]!.since = since;
      });
      expect(problems).toEqual([]);
    }
    const backwards = lintChanged((f) => {
      f.alliances[0]!.until = '2024-03';
      f.alliances[0]!.status = 'ended';
    });
    expect(backwards).toContainEqual(at('schema', ALLIANCE, 'until'));
    const endless = lintChanged((f) => {
      f.alliances[0]!.status = 'ended';
    });
    expect(endless).toContainEqual(at('dates', ALLIANCE, 'until'));
  });

  it('duplicate-alliance: same kind and members, since within 90 days', () => {
    const withTwin = (since: string, kind = 'partnership') =>
      lintChanged((f) => {
        const twin = structuredClone(f.alliances[0]!);
        Object.assign(twin, { id: 'intel-naver-gaudi', kind, since });
        twin.members.reverse();
        f.alliances.push(twin);
      });
    expect(withTwin('2024-06')).toEqual([
      at('duplicate-alliance', 'data/alliances/naver-intel-partnership.json', 'members'),
    ]);
    expect(withTwin('2024')).toHaveLength(1);
    expect(withTwin('2024-09-01')).toEqual([]);
    expect(withTwin('2024-04-10', 'investment')).toEqual([]);
  });

  it('summary: English 40–400 and Korean 20–300 characters, both present', () => {
    const problems = lintChanged((f) => {
      f.alliances[0]!.summary = { en: 'Too short.' };
    });
    expect(problems).toContainEqual(at('summary', ALLIANCE, 'summary.en'));
    expect(problems).toContainEqual(at('summary', ALLIANCE, 'summary.ko'));
    const long = lintChanged((f) => {
      f.alliances[0]!.summary.ko = '가'.repeat(301);
    });
    expect(long).toContainEqual(at('summary', ALLIANCE, 'summary.ko'));
  });

  it('format: key order, indent and the final newline, naming the first field out of place', () => {
    const files = toFiles(cleanFixture());
    const naver = files.findIndex((f) => f.path === NAVER);
    const value = JSON.parse(files[naver]!.text);
    const { country, ...rest } = value;
    files[naver] = { path: NAVER, text: `${JSON.stringify({ ...rest, country }, null, 2)}\n` };
    const intel = files.findIndex((f) => f.path === INTEL);
    files[intel] = { path: INTEL, text: files[intel]!.text.trimEnd() };
    const problems = lint(files);
    expect(problems).toContainEqual(at('format', NAVER, 'country'));
    expect(problems).toContainEqual(at('format', INTEL, ''));
  });

  it('has a test above for every rule', () => {
    expect(Object.keys(RULES)).toEqual([
      'schema',
      'file-name',
      'unique-id',
      'released-id',
      'members',
      'company-fields',
      'shared-alias',
      'sources',
      'dates',
      'duplicate-alliance',
      'summary',
      'format',
    ]);
  });
});

describe('the build', () => {
  it('is the same whatever order the files come in', () => {
    const files = toFiles(cleanFixture());
    expect(assemblePack([...files].reverse())).toBe(assemblePack(files));
    const pack = JSON.parse(assemblePack(files));
    expect(pack.companies.map((c: { id: string }) => c.id)).toEqual(['intel', 'naver', 'openai']);
    expect(pack.pack).toEqual(cleanFixture().pack);
    expect(pack.removed).toBeUndefined();
  });
});

describe('the real dataset', () => {
  const files = readDataFiles();
  const today = new Date().toISOString().slice(0, 10);

  it('data/ has no lint problems', () => {
    const problems = lintDataset(files, { today });
    if (problems.length > 0) expect.fail(report(problems));
  });

  it('public/packs/core.json is what npm run data:build makes of data/', () => {
    const core = readFileSync(`${REPO_ROOT}public/packs/core.json`, 'utf8');
    // Not toBe: a 400 kB diff helps no one. The fix is always the same command.
    if (core !== assemblePack(files))
      expect.fail('public/packs/core.json is not built from data/: run npm run data:build');
  });

  it('canonical lines name fields without changing the text', () => {
    for (const f of files) {
      const kind = kindOfPath(f.path);
      if (!kind) continue;
      let value: unknown;
      try {
        value = JSON.parse(f.text);
      } catch {
        continue; // the lint reports it
      }
      const lines = canonicalLines(kind, value).map((l) => l.text);
      expect(`${lines.join('\n')}\n`).toBe(canonicalText(kind, value));
    }
  });
});
