// Shared fixtures of the page tests: a tiny dictionary compiled and loaded the
// way pages get it, article pages written into the test's own document, and
// what the annotator registered in CSS.highlights.
import { h } from 'preact';
import { AllianceCard } from '../../components/content/AllianceCard';
import { ClipForm } from '../../components/content/ClipForm';
import { FOCUS_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from '../../utils/annotator/annotator';
import type { PageViews } from '../../utils/card/views';
import {
  compileMatcher,
  type DictionaryEntry,
  loadMatcher,
  type Matcher,
} from '../../utils/matcher';
import type { AllianceView, CompanyView } from '../../utils/pack/merge';

export const ENTRIES: DictionaryEntry[] = [
  { alias: 'OpenAI', type: 'company', id: 'openai' },
  { alias: '오픈AI', type: 'company', id: 'openai' },
  { alias: 'Samsung Electronics', type: 'company', id: 'samsung-electronics' },
  { alias: '삼성전자', type: 'company', id: 'samsung-electronics' },
  { alias: 'Microsoft', type: 'company', id: 'microsoft' },
  { alias: '마이크로소프트', type: 'company', id: 'microsoft' },
  { alias: 'AI Alliance', type: 'alliance', id: 'ai-alliance' },
];

/** The matcher as a page has it: compiled (in the background) and loaded. */
export function tinyMatcher(): Matcher {
  return loadMatcher(compileMatcher(ENTRIES));
}

/** Replaces the test document's body with `html` (an article page). */
export function writePage(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function rangeTexts(name: string): string[] {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return [];
  const ranges = [...(highlight as unknown as Set<AbstractRange>)] as Range[];
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

/** The texts highlighted as mentions, in document order. */
export function highlighted(): string[] {
  return rangeTexts(HIGHLIGHT_NAME);
}

/** The text of the focused mention (the one whose card is open), if any. */
export function focused(): string[] {
  return rangeTexts(FOCUS_HIGHLIGHT_NAME);
}

/** The first text node under `el` containing `text`, and the offset of `text` in it. */
export function textAt(el: Element, text: string): { node: Text; offset: number } {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i >= 0) return { node: n as Text, offset: i };
  }
  throw new Error(`no text node with ${JSON.stringify(text)}`);
}

function company(id: string, en: string, ko: string): CompanyView {
  return { id, names: { en, ko }, aliases: [en, ko], origins: ['core'] };
}

/** What the background answers for the tiny dictionary's companies. */
export const COMPANIES: CompanyView[] = [
  company('openai', 'OpenAI', '오픈AI'),
  company('microsoft', 'Microsoft', '마이크로소프트'),
  company('samsung-electronics', 'Samsung Electronics', '삼성전자'),
];

export const ALLIANCES: AllianceView[] = [
  {
    id: 'openai-microsoft',
    kind: 'investment',
    name: null,
    members: [{ company: 'microsoft' }, { company: 'openai' }],
    since: '2019-07',
    until: null,
    status: 'active',
    sources: [{ url: 'https://news.example.com/msft-openai' }],
    origin: 'core',
    overridden: false,
  },
  {
    id: 'ai-alliance',
    kind: 'consortium',
    name: { en: 'AI Alliance', ko: 'AI 얼라이언스' },
    members: [{ company: 'samsung-electronics' }, { company: 'microsoft' }],
    since: '2023-12',
    until: null,
    status: 'active',
    sources: [{ url: 'https://news.example.com/ai-alliance' }],
    origin: 'core',
    overridden: false,
  },
];

/** The page UI the content script hands the session: the real card and clip form. */
export const PAGE_VIEWS: PageViews = {
  card: (props) => h(AllianceCard, props),
  clipForm: (props) => h(ClipForm, props),
};
