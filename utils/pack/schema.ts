// Shape of a pack, checked with valibot. Semantic checks that need the whole
// pack (duplicate ids, unknown members) live in validate.ts.
import * as v from 'valibot';
import { isCountryCode } from './countries';
import { sameNameKey } from './same-name';
import { ALLIANCE_KINDS, ALLIANCE_STATUSES, COMPANY_SECTORS } from './types';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const WIKIDATA_RE = /^Q[1-9]\d*$/;

/** True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` that name a real calendar date. */
export function isPartialDate(s: string): boolean {
  const m = PARTIAL_DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** This computer, where plain http is allowed for a pack's address. */
export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/** Only absolute http(s) links are ever stored: a `javascript:` URL must never reach a page. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const text = (max: number) =>
  v.pipe(
    v.string('expected text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `longer than ${max} characters`),
  );
const optionalText = (max: number) =>
  v.optional(
    v.pipe(v.string('expected text'), v.trim(), v.maxLength(max, `longer than ${max} characters`)),
  );

const slug = v.pipe(
  v.string('expected an id'),
  v.regex(
    SLUG_RE,
    'not an id (use lowercase letters, digits and hyphens, like "samsung-electronics")',
  ),
  v.maxLength(80, 'id longer than 80 characters'),
);

const httpUrl = v.pipe(
  v.string('expected a link'),
  v.trim(),
  v.maxLength(2048, 'link longer than 2048 characters'),
  v.check(
    isHttpUrl,
    (issue) => `not an http(s) link: ${JSON.stringify(String(issue.input).slice(0, 80))}`,
  ),
);

const partialDate = v.pipe(
  v.string('expected a date'),
  v.check(
    isPartialDate,
    (issue) => `not a date: ${JSON.stringify(issue.input)} (use YYYY, YYYY-MM or YYYY-MM-DD)`,
  ),
);

const isoDateTime = v.pipe(
  v.string('expected a date-time'),
  v.check(
    (s) =>
      /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    (issue) =>
      `not a date-time: ${JSON.stringify(issue.input)} (use ISO 8601, like 2026-11-01T00:00:00Z)`,
  ),
);

const localizedText = (max: number) =>
  v.pipe(
    v.object({ en: optionalText(max), ko: optionalText(max) }, 'expected {"en": …, "ko": …}'),
    // An empty language is the same as a missing one, so readers fall back to the other.
    v.transform((t): { en?: string; ko?: string } => ({
      ...(t.en ? { en: t.en } : {}),
      ...(t.ko ? { ko: t.ko } : {}),
    })),
    v.check((t) => Boolean(t.en || t.ko), 'needs "en" or "ko" text'),
  );

/** A plain string name is accepted and read as English. */
const allianceName = v.nullish(
  v.union(
    [
      v.pipe(
        text(200),
        v.transform((en) => ({ en })),
      ),
      localizedText(200),
    ],
    'expected null, a name, or {"en": …, "ko": …}',
  ),
  null,
);

const aliases = v.pipe(
  v.array(text(100), 'expected a list of names'),
  v.maxLength(100, 'more than 100 aliases'),
);

const country = v.pipe(
  v.string('expected a country code'),
  v.check(
    isCountryCode,
    (issue) =>
      `not an ISO 3166-1 alpha-2 country code: ${JSON.stringify(issue.input)} (two capital letters, like "KR")`,
  ),
);

const sector = v.picklist(
  COMPANY_SECTORS,
  (i) => `unknown sector ${JSON.stringify(i.input)} (one of ${COMPANY_SECTORS.join(', ')})`,
);

const sharedAliases = v.pipe(
  v.record(
    v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(100)),
    slug,
    'expected {"alias": "company-id", …}',
  ),
  v.maxEntries(100, 'more than 100 shared aliases'),
);

/** The `ambiguous` entries that are none of the company's names or aliases. */
function strayAmbiguous(c: { aliases: string[]; ambiguous?: string[] }): string[] {
  // The names are matched like aliases (docs/pack-format.md), so they count as aliases here.
  // They are read defensively: this runs even when a name has its own problem.
  const names = (c as { names?: Record<string, unknown> }).names ?? {};
  const nameList = [names.en, names.ko].filter((n): n is string => typeof n === 'string');
  const own = new Set([...nameList, ...c.aliases].map(sameNameKey));
  return (c.ambiguous ?? []).filter((a) => !own.has(sameNameKey(a)));
}

export const CompanySchema = v.pipe(
  v.object({
    id: slug,
    names: v.object({ en: text(200), ko: text(200) }, 'expected {"en": …, "ko": …}'),
    aliases: v.optional(aliases, []),
    wikidata: v.optional(
      v.pipe(v.string(), v.regex(WIKIDATA_RE, 'not a Wikidata id (like "Q95")')),
    ),
    homepage: v.optional(httpUrl),
    country: v.optional(country),
    sector: v.optional(sector),
    ambiguous: v.optional(aliases),
    sharedAliases: v.optional(sharedAliases),
  }),
  // Checked here, not in validate.ts, so every path (import, editor, dataset lint) refuses it.
  v.forward(
    v.partialCheck(
      [['aliases'], ['ambiguous']],
      (c) => strayAmbiguous(c).length === 0,
      (issue) => {
        const stray = strayAmbiguous(issue.input as Parameters<typeof strayAmbiguous>[0]);
        return `not one of the company's names or aliases: ${stray.map((a) => JSON.stringify(a)).join(', ')}`;
      },
    ),
    ['ambiguous'],
  ),
);

export const SourceSchema = v.object({
  url: httpUrl,
  title: optionalText(500),
  publisher: optionalText(200),
  published: v.optional(partialDate),
  quote: optionalText(1000),
});

export const AllianceSchema = v.object({
  id: slug,
  kind: v.picklist(
    ALLIANCE_KINDS,
    (i) => `unknown kind ${JSON.stringify(i.input)} (one of ${ALLIANCE_KINDS.join(', ')})`,
  ),
  name: allianceName,
  aliases: v.optional(aliases),
  members: v.pipe(
    v.array(
      v.object({ company: v.string('expected a company id'), role: optionalText(60) }),
      'expected a list of members',
    ),
    v.maxLength(500, 'more than 500 members'),
  ),
  since: v.nullish(partialDate, null),
  until: v.nullish(partialDate, null),
  status: v.picklist(
    ALLIANCE_STATUSES,
    (i) => `unknown status ${JSON.stringify(i.input)} (one of ${ALLIANCE_STATUSES.join(', ')})`,
  ),
  summary: v.optional(localizedText(2000)),
  sources: v.pipe(
    v.array(SourceSchema, 'expected a list of sources'),
    v.maxLength(50, 'more than 50 sources'),
  ),
});

const PackInfoSchema = v.object({
  id: slug,
  title: text(200),
  publisher: optionalText(200),
  homepage: v.optional(httpUrl),
  description: optionalText(2000),
  license: v.optional(text(100)),
  updated: isoDateTime,
  expires: v.optional(
    v.pipe(
      v.number('expected hours'),
      v.minValue(1, 'at least 1 hour'),
      v.maxValue(24 * 30, 'at most 720 hours'),
    ),
  ),
});

export const PackSchema = v.object({
  format: v.literal('alliance-lens-pack'),
  version: v.literal(1),
  pack: PackInfoSchema,
  companies: v.array(CompanySchema, 'expected a list of companies'),
  alliances: v.array(AllianceSchema, 'expected a list of alliances'),
  removed: v.optional(
    v.array(
      v.object({
        type: v.picklist(['company', 'alliance'], 'expected "company" or "alliance"'),
        id: slug,
      }),
    ),
    [],
  ),
});
