// Dates for clipped sources: article date strings → PartialDate, and partial
// dates as spans of days. Pure: runs in Node.

import { isPartialDate } from '../pack/schema';
import type { PartialDate } from '../pack/types';

const pad = (n: number | string): string => String(n).padStart(2, '0');

/** `date` as `YYYY-MM-DD` in the local time zone (the fallback when an article has no date). */
export function today(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

function ymd(y: string, m: string | number, d: string | number): PartialDate | null {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isPartialDate(s) ? s : null;
}

const monthIndex = (name: string): number => MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;

/** Numeric: 2024-07-21(T…), 2024.07.21, 2025. 10. 1., 2024/7/21. */
const NUMERIC = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/;
/** 20240721, 202407210930, 20240721093000, 20240721T093000. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?\d{4}(?:\d{2})?)?$/;
/** July 21, 2024 · Jul. 21 2024 · Sun, July 21, 2024. */
const MONTH_FIRST = new RegExp(
  `^(?:[a-z]+,?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
  'i',
);
/** 21 July 2024 · Sun, 21 Jul 2024 09:00:00 +0900 (RFC 2822). */
const DAY_FIRST = new RegExp(`^(?:[a-z]+,?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})`, 'i');
const PARTIAL = /^\d{4}(?:-\d{2})?$/;

/**
 * The calendar date of an article date string, as written. A time and an
 * offset may follow and are ignored: the date before them is already the
 * date in the article's own zone (2024-07-21T23:30:00+09:00 → 2024-07-21,
 * 2024-07-21T23:30:00Z → 2024-07-21). Null when no real date is found.
 */
export function parseArticleDate(raw: string | null | undefined): PartialDate | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = NUMERIC.exec(s);
  if (m) return ymd(m[1]!, m[3]!, m[4]!);
  m = KOREAN.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = COMPACT.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = MONTH_FIRST.exec(s);
  if (m) return ymd(m[3]!, monthIndex(m[1]!), m[2]!);
  m = DAY_FIRST.exec(s);
  if (m) return ymd(m[3]!, monthIndex(m[2]!), m[1]!);
  if (PARTIAL.test(s) && isPartialDate(s)) return s;
  return null;
}

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/**
 * The days a partial date covers, as UTC day numbers (inclusive):
 * `2024` → Jan 1 to Dec 31, `2024-06` → Jun 1 to Jun 30. Null if invalid.
 */
export function daySpan(date: PartialDate): { first: number; last: number } | null {
  if (!isPartialDate(date)) return null;
  const [year, m, d] = date.split('-').map(Number);
  // A valid partial date always has its year.
  const y = year!;
  if (m === undefined) return { first: dayNumber(y, 1, 1), last: dayNumber(y, 12, 31) };
  if (d === undefined) return { first: dayNumber(y, m, 1), last: dayNumber(y, m + 1, 0) };
  const n = dayNumber(y, m, d);
  return { first: n, last: n };
}
