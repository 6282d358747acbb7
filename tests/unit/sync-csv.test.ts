import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';
import { alliancesToCsv, CSV_COLUMNS, guardCell, quoteField } from '../../utils/sync/csv';
import { samplePack } from '../support/packs';

/** A tiny RFC 4180 reader: records of fields, CRLF (or LF) separated, "" as an escaped quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // handled with the \n
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const pack = samplePack();
const companies = new Map<string, CompanyView>(
  pack.companies.map((c) => [c.id, { ...c, origins: ['sample'] }]),
);
const alliances: AllianceView[] = pack.alliances.map((a) => ({
  ...a,
  origin: 'sample',
  overridden: false,
}));

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('alliancesToCsv', () => {
  it('starts with a BOM, ends lines with CRLF and has the documented columns', () => {
    const csv = alliancesToCsv(alliances, companies, 'en');
    expect(csv.startsWith('\uFEFFid,kind,name,members,member ids,roles,since,until,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside quotes is CRLF.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\n/g)!.length).toBe(outside.match(/\r\n/g)!.length);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(alliances.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes names, members, roles, dates, sources and origin in the chosen language', () => {
    const en = parseCsv(alliancesToCsv(alliances, companies, 'en').slice(1));
    expect(en[1]).toEqual([
      'microsoft-openai',
      'investment',
      '',
      'Microsoft; OpenAI',
      'microsoft; openai',
      'Microsoft: investor',
      '2019-07',
      '',
      'active',
      'Microsoft invests in OpenAI; Azure runs its models.',
      'https://openai.com/index/microsoft-invests-in-and-partners-with-openai/',
      'sample',
    ]);
    const ko = parseCsv(alliancesToCsv(alliances, companies, 'ko').slice(1));
    expect(ko[1]![column('members')]).toBe('마이크로소프트; 오픈AI');
    expect(ko[1]![column('summary')]).toBe('MS가 오픈AI에 투자하고 애저로 모델을 돌린다.');
    expect(ko[3]![column('name')]).toBe('애저 AI 온 OCI');
    expect(ko[3]![column('roles')]).toBe('오픈AI: customer');
    // A missing Korean text falls back to English, an unknown company to its id.
    const odd: AllianceView = {
      ...alliances[0]!,
      name: { en: 'Only English' },
      summary: { en: 'English summary' },
      members: [{ company: 'openai' }, { company: 'nobody' }],
    };
    const row = parseCsv(alliancesToCsv([odd], companies, 'ko').slice(1))[1]!;
    expect(row[column('name')]).toBe('Only English');
    expect(row[column('summary')]).toBe('English summary');
    expect(row[column('members')]).toBe('오픈AI; nobody');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('cr\rhere')).toBe('"cr\rhere"');
    const tricky: AllianceView = {
      ...alliances[0]!,
      name: { en: 'Deal, "the big one"' },
      summary: { en: 'Line one\r\nLine two\nLine three' },
    };
    const csv = alliancesToCsv([tricky], companies, 'en');
    expect(csv).toContain(',"Deal, ""the big one""",');
    const row = parseCsv(csv.slice(1))[1]!;
    expect(row[column('name')]).toBe('Deal, "the big one"');
    expect(row[column('summary')]).toBe('Line one\r\nLine two\nLine three');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(guardCell(s)).toBe(`'${s}`);
    for (const s of ['1+1', 'a=b', '', "'quoted"]) expect(guardCell(s)).toBe(s);
    const evil: AllianceView = {
      ...alliances[0]!,
      id: '=HYPERLINK("http://evil.example","click")',
      name: { en: '@cmd' },
      summary: { en: '+cmd|/C calc!A0' },
      sources: [{ url: '-x' }],
      members: [{ company: 'openai', role: '=role' }, { company: 'apple' }],
    };
    const csv = alliancesToCsv([evil], companies, 'en');
    const row = parseCsv(csv.slice(1))[1]!;
    expect(row[column('id')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row[column('name')]).toBe("'@cmd");
    expect(row[column('summary')]).toBe("'+cmd|/C calc!A0");
    expect(row[column('sources')]).toBe("'-x");
    expect(row[column('roles')]).toBe('OpenAI: =role'); // not at the start: harmless
    // No data cell in the file starts with a formula character.
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads back exactly what went in, for any text (guarded cells aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (name, summary) => {
        const a: AllianceView = { ...alliances[1]!, name: { en: name }, summary: { en: summary } };
        const row = parseCsv(alliancesToCsv([a], companies, 'en').slice(1))[1]!;
        expect(row).toHaveLength(CSV_COLUMNS.length);
        expect(row[column('name')]).toBe(guardCell(name));
        expect(row[column('summary')]).toBe(guardCell(summary));
      }),
      { numRuns: 200 },
    );
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF', () => {
    const bytes = new TextEncoder().encode(alliancesToCsv(alliances, companies, 'ko'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('마이크로소프트');
  });
});
