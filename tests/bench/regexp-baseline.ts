// The matcher benchmark's baseline: one big alternation RegExp of all
// aliases, longest first, with lookarounds approximating the boundary rules;
// its hits, filtered through the matcher's own boundary, case and link
// checks, must be exactly the matcher's mentions.

import {
  type DictionaryEntry,
  foldCase,
  isCaseSensitiveAlias,
  type Mention,
  normalizeAlias,
  normalizeForMatching,
} from '../../utils/matcher';
import { edgeScript, leftBoundaryOk, rightBoundaryOk } from '../../utils/matcher/boundaries';
import { codePointAt, codePointBefore } from '../../utils/matcher/chars';
import { findLinkRanges, overlapsRanges } from '../../utils/matcher/links';

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * One alternation of every alias (normalized, trimmed), longest first, in
 * two branches by the script of the first character, each behind a
 * lookbehind approximating the left boundary rule, and one lookahead after
 * the alternation approximating the right rule for the script of the last
 * character matched (when it fails, the RegExp backtracks into shorter
 * aliases, like the matcher). Particles are not modelled (any Hangul may
 * follow) and case-sensitive acronyms are matched case-insensitively:
 * `regExpMentions` filters the hits. (A lookahead per alias would be more
 * precise but makes V8 hundreds of times slower.)
 */
export function buildAliasRegExp(entries: readonly DictionaryEntry[]): RegExp {
  const aliases = [...new Set(entries.map((e) => normalizeAlias(e.alias)).filter(Boolean))];
  aliases.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const branch = (hangulStart: boolean): string =>
    aliases
      .filter((a) => (edgeScript(codePointAt(a, 0)) === 'hangul') === hangulStart)
      .map(escapeRegExp)
      .join('|');
  const hangul = '\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3131-\\u318C\\u318E';
  const right = `(?:(?<=[${hangul}])(?![A-Za-z_])|(?<![${hangul}])(?![A-Za-z0-9_]|\\.[A-Za-z0-9]))`;
  return new RegExp(
    `(?:(?<![A-Za-z_\\uAC00-\\uD7A3])(?:${branch(true)})` +
      `|(?<![A-Za-z0-9_@])(?<![A-Za-z0-9]\\.)(?:${branch(false)}))${right}`,
    'gi',
  );
}

/** All hits of the alternation, as flat `[start, end, ...]`. */
export function regExpHits(re: RegExp, text: string): number[] {
  const hits: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hits.push(m.index, m.index + m[0].length);
  }
  return hits;
}

/**
 * RegExp hits that pass the matcher's own rules (boundaries with particles,
 * case-sensitive acronyms, not inside a link), resolved to entries the way
 * the matcher does (companies first, then dictionary order).
 */
export function regExpMentions(
  entries: readonly DictionaryEntry[],
  text: string,
  hits: readonly number[],
): Mention[] {
  const byKey = new Map<string, Array<{ entry: DictionaryEntry; exact: string | null }>>();
  for (const entry of entries) {
    const normalized = normalizeAlias(entry.alias);
    if (normalized === '') continue;
    const key = foldCase(normalized);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push({ entry, exact: isCaseSensitiveAlias(normalized) ? normalized : null });
  }
  for (const list of byKey.values()) {
    list.sort((a, b) => (a.entry.type === b.entry.type ? 0 : a.entry.type === 'company' ? -1 : 1));
  }
  const t = normalizeForMatching(text).text;
  if (t.length !== text.length) throw new Error('benchmark text must normalize 1:1');
  const links = findLinkRanges(t, foldCase(t));
  const mentions: Mention[] = [];
  for (let k = 0; k < hits.length; k += 2) {
    const start = hits[k]!;
    const end = hits[k + 1]!;
    const surface = t.slice(start, end);
    const candidates = byKey.get(foldCase(surface));
    if (!candidates) throw new Error(`RegExp hit ${JSON.stringify(surface)} is no alias`);
    if (!leftBoundaryOk(t, start, edgeScript(codePointAt(surface, 0)))) continue;
    if (!rightBoundaryOk(t, end, edgeScript(codePointBefore(surface, surface.length)))) continue;
    if (overlapsRanges(links, start, end)) continue;
    const c = candidates.find((x) => x.exact === null || x.exact === surface);
    if (!c) continue;
    mentions.push({
      start,
      end,
      type: c.entry.type,
      id: c.entry.id,
      surface: text.slice(start, end),
    });
  }
  return mentions;
}
