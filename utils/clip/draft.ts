// Everything the clip form starts from, built from the selection and the page.
import type { Matcher } from '../matcher';
import type { AllianceKind, PartialDate, Source } from '../pack/types';
import { today } from './date';
import { suggestKind } from './kind';
import { extractArticleMeta } from './metadata';
import { trimQuote } from './quote';
import { suggestMembers, type UnknownMember } from './suggest';
import { cleanUrl } from './url';

/** Longer selections are cut before matching: a clip is about a sentence or two. */
export const MAX_CLIP_CHARS = 2000;

export interface ClipDraft {
  text: string;
  /** True when the selection was longer than MAX_CLIP_CHARS and was cut. */
  truncated: boolean;
  known: { id: string; surface: string }[];
  unknown: UnknownMember[];
  kind: AllianceKind;
  because: string | null;
  since: PartialDate;
  /** Where the date came from: the article's metadata, or today. */
  dateFrom: 'article' | 'today';
  source: Source;
}

export function draftClip(input: {
  selection: string;
  doc: Document;
  pageUrl: string;
  matcher: Matcher;
  /**
   * The page's address when it loaded. When a single-page site has navigated
   * since, its canonical link still names the first article: use the address.
   */
  loadedUrl?: string;
}): ClipDraft {
  const whole = input.selection.replace(/\s+/g, ' ').trim();
  const text = whole.slice(0, MAX_CLIP_CHARS);
  const members = suggestMembers(text, input.matcher);
  const kind = suggestKind(text);
  const navigated = input.loadedUrl !== undefined && input.loadedUrl !== input.pageUrl;
  const meta = navigated
    ? {
        url: cleanUrl(input.pageUrl) ?? input.pageUrl,
        title: input.doc.title.trim() || null,
        publisher: null,
        published: null,
      }
    : extractArticleMeta(input.doc, input.pageUrl);
  const since = meta.published ?? today();
  const source: Source = { url: meta.url, quote: trimQuote(text) };
  if (meta.title) source.title = meta.title;
  if (meta.publisher) source.publisher = meta.publisher;
  if (meta.published) source.published = meta.published;
  // (Whether the alliance is known already, the form works out as the reader edits it.)
  return {
    text,
    truncated: whole.length > text.length,
    known: members.known,
    unknown: members.unknown,
    kind: kind?.kind ?? 'partnership',
    because: kind?.because ?? null,
    since,
    dateFrom: meta.published ? 'article' : 'today',
    source,
  };
}

/**
 * The id of a clipped alliance: `clip-<members>-<kind>-<date>`, always a valid
 * id: lowercase slug, at most 80 characters, never ending in a hyphen (a cut
 * at 80 could leave one, and the save then failed).
 */
export function clipAllianceId(memberIds: readonly string[], kind: string, since: string): string {
  const raw = `clip-${memberIds.slice(0, 3).join('-')}-${kind}-${(since || 'undated').replace(/-/g, '')}`;
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}
