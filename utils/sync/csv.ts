// Alliances as a CSV file for spreadsheets. RFC 4180 (CRLF line ends, quotes
// doubled, fields with a comma, quote or line break quoted), with a UTF-8 byte
// order mark so Excel reads Korean as UTF-8 rather than the system code page.
//
// Formula injection: a spreadsheet runs a cell starting with = + - @ (and, in
// some, a tab or carriage return) as a formula. Every cell that comes from the
// data gets a leading ' then, which spreadsheets show as text. The header row is
// ours and left as is. Column names stay English (and stable) in both languages,
// so scripts can read the file; `lang` picks the language of names and summaries.
import type { Lang } from '../i18n';
import { type AllianceView, type CompanyView, companyLabel } from '../pack/merge';
import type { LocalizedText } from '../pack/types';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'name',
  'members',
  'member ids',
  'roles',
  'since',
  'until',
  'status',
  'summary',
  'sources',
  'origin',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell from the data, made inert for spreadsheets that would run it as a formula. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, quoted when RFC 4180 requires it. */
export function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function pick(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'ko' ? (text.ko ?? text.en) : (text.en ?? text.ko)) ?? '';
}

function row(a: AllianceView, companies: ReadonlyMap<string, CompanyView>, lang: Lang) {
  const name = (id: string) => companyLabel(companies.get(id), id, lang);
  return [
    a.id,
    a.kind,
    pick(a.name, lang),
    a.members.map((m) => name(m.company)).join('; '),
    a.members.map((m) => m.company).join('; '),
    a.members
      .filter((m) => m.role)
      .map((m) => `${name(m.company)}: ${m.role}`)
      .join('; '),
    a.since ?? '',
    a.until ?? '',
    a.status,
    pick(a.summary, lang),
    a.sources.map((s) => s.url).join(' '),
    a.origin,
  ];
}

/**
 * The alliances as CSV text, one row each after a header row. `roles` lists
 * "member: role" for the members that have one; list cells are joined with "; "
 * (source URLs with a space). Prepend nothing: the text already starts with a BOM.
 */
export function alliancesToCsv(
  alliances: readonly AllianceView[],
  companies: ReadonlyMap<string, CompanyView>,
  lang: Lang,
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const a of alliances) {
    lines.push(
      row(a, companies, lang)
        .map((cell) => quoteField(guardCell(cell)))
        .join(','),
    );
  }
  return BOM + lines.join(CRLF) + CRLF;
}
