// One page's reading session from start to stop, with the background faked at
// its one boundary (`sendMessage`): the dictionary comes in, names are
// highlighted, their alliances are asked for once and reach the card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME } from '../../utils/annotator/annotator';
import { HOST_TAG } from '../../utils/card/host';
import { ReadingSession } from '../../utils/content/session';
import { setLang, t } from '../../utils/i18n';
import { compileMatcher } from '../../utils/matcher';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { background } from './fake-background';
import { highlighted, PAGE_VIEWS, writePage } from './support';
import { captureUiRoot } from './ui-root';

vi.mock('../../utils/messaging-client', () => import('./fake-background'));

const ARTICLE = `
  <article>
    <p>OpenAI and Microsoft extended their deal; OpenAI said more.</p>
    <p>삼성전자는 AI Alliance에 합류했다.</p>
  </article>`;

let session: ReadingSession | null = null;

function newSession(): ReadingSession {
  session = new ReadingSession(window, { ...DEFAULT_SETTINGS, uiLang: 'en' }, PAGE_VIEWS);
  return session;
}

/** The session's UI root (closed), kept as the host attaches it. */
const ui = captureUiRoot();
const card = () => ui.card();

beforeEach(() => {
  setLang('en');
  background.reset();
});

afterEach(() => {
  ui.reset();
  session?.stop();
  session = null;
  document.body.replaceChildren();
});

describe('ReadingSession', () => {
  it('highlights the article with the dictionary the background sends', async () => {
    writePage(ARTICLE);
    const s = newSession();
    await s.start();
    expect(s.running).toBe(true);
    expect(background.of('getDictionary')).toHaveLength(1);
    expect(highlighted()).toEqual(['OpenAI', 'Microsoft', 'OpenAI', '삼성전자', 'AI Alliance']);
    expect(document.querySelector(HOST_TAG)?.shadowRoot).toBeNull();
    expect(ui.root).not.toBeNull();
  });

  it('asks for the alliances of everything found once, and sums the page up with them', async () => {
    writePage(ARTICLE);
    // The alliances are held back: the summary waits for them instead of saying 0.
    let release = () => {};
    background.gate = new Promise<void>((r) => {
      release = r;
    });
    const s = newSession();
    await s.start();
    let answered = false;
    const early = s.summary().then((summary) => {
      answered = true;
      return summary;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    expect((await early).alliancesBetween).toBe(2);
    const asked = background.of('getAlliances') as {
      companyIds: string[];
      allianceIds: string[];
    }[];
    expect(asked).toHaveLength(1);
    expect([...asked[0]!.companyIds].sort()).toEqual([
      'microsoft',
      'openai',
      'samsung-electronics',
    ]);
    expect(asked[0]!.allianceIds).toEqual(['ai-alliance']);
    expect(await s.summary()).toEqual({
      hostname: window.location.hostname,
      enabled: true,
      companies: [
        { id: 'openai', count: 2, name: 'OpenAI' },
        { id: 'microsoft', count: 1, name: 'Microsoft' },
        { id: 'samsung-electronics', count: 1, name: 'Samsung Electronics' },
      ],
      alliancesBetween: 2,
    });
    // A rescan finds nothing new to ask for.
    await s.rescan();
    expect(background.of('getAlliances')).toHaveLength(1);
  });

  it('opens a company’s card from the popup, Loading until its alliances arrive', async () => {
    writePage(ARTICLE);
    let release = () => {};
    background.gate = new Promise((r) => {
      release = r;
    });
    const s = newSession();
    await s.start();
    expect(s.showCompany('nvidia')).toBe(false);
    expect(s.showCompany('openai')).toBe(true);
    expect(card()?.dataset.company).toBe('openai');
    expect(card()?.querySelector('[data-testid="card-loading"]')?.textContent).toBe(
      t('cardLoading'),
    );
    release();
    await vi.waitFor(() =>
      expect(card()?.querySelector('[data-testid="card-loading"]')).toBeNull(),
    );
    expect(card()?.querySelector('.title')?.textContent).toBe('OpenAI');
    expect(card()?.textContent).toContain('Microsoft');
    expect(ui.root?.activeElement).toBe(card());
  });

  it('stop() removes every highlight and its UI', async () => {
    writePage(ARTICLE);
    const s = newSession();
    await s.start();
    const sheets = document.adoptedStyleSheets.length;
    s.stop();
    expect(s.running).toBe(false);
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.adoptedStyleSheets.length).toBe(sheets - 1);
    expect((await s.summary()).companies).toEqual([]);
  });

  it('starts nothing when the background cannot send a dictionary', async () => {
    writePage(ARTICLE);
    background.failing.add('getDictionary');
    const s = newSession();
    await s.start();
    expect(s.running).toBe(false);
    expect(highlighted()).toEqual([]);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('re-reads the page with a new dictionary, and asks for alliances again', async () => {
    writePage(ARTICLE);
    const s = newSession();
    await s.start();
    await vi.waitFor(() => expect(background.of('getAlliances')).toHaveLength(1));
    await s.onDictionary({
      version: 2,
      matcher: compileMatcher([{ alias: 'Microsoft', type: 'company', id: 'microsoft' }]),
    });
    expect(highlighted()).toEqual(['Microsoft']);
    await vi.waitFor(() => expect(background.of('getAlliances')).toHaveLength(2));
    expect(background.of('getAlliances')[1]).toEqual({
      companyIds: ['microsoft'],
      allianceIds: [],
    });
    // The same version again changes nothing.
    await s.onDictionary({ version: 2, matcher: compileMatcher([]) });
    expect(highlighted()).toEqual(['Microsoft']);
  });

  it('hands the shortcut, the context menu and the popup to its card and clipper', async () => {
    writePage(ARTICLE);
    const s = newSession();
    await s.start();
    s.enterReadingMode();
    expect(card()?.dataset.company).toBe('openai');
    s.stop();

    const again = newSession();
    await again.start();
    const p = document.querySelector('article p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    again.clip();
    await vi.waitFor(() =>
      expect(ui.root?.querySelector('[data-testid="clip-form"]')).not.toBeNull(),
    );
    expect(background.of('getShortcuts')).toHaveLength(1);
    window.getSelection()!.removeAllRanges();
  });
});
