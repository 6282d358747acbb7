// The reading session's "New" marks in real Chromium, with the background faked
// at its one boundary: the first opening of a company's card shows what is new
// to it and tells the background (markSeen); the next opening shows nothing new.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingSession } from '../../utils/content/session';
import { setLang } from '../../utils/i18n';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { background } from './fake-background';
import { PAGE_VIEWS, writePage } from './support';
import { captureUiRoot } from './ui-root';

vi.mock('../../utils/messaging-client', () => import('./fake-background'));

const ARTICLE = '<article><p>OpenAI and Microsoft extended their deal.</p></article>';

let session: ReadingSession | null = null;
// The UI root is closed: keep the root the host attaches, to look at the card as a reader does.
const ui = captureUiRoot();

const marks = () =>
  [...(ui.root?.querySelectorAll<HTMLElement>('[data-testid="new-mark"]') ?? [])].map(
    (m) => m.closest<HTMLElement>('li.alliance')?.dataset.alliance,
  );
const card = () => ui.card();

beforeEach(() => {
  setLang('en');
  background.reset();
  background.newFor = { openai: ['openai-microsoft'] };
  background.arrivalSeq = 7;
});
afterEach(() => {
  ui.reset();
  session?.stop();
  session = null;
  document.body.replaceChildren();
});

async function start(): Promise<ReadingSession> {
  writePage(ARTICLE);
  session = new ReadingSession(window, { ...DEFAULT_SETTINGS, uiLang: 'en' }, PAGE_VIEWS);
  await session.start();
  return session;
}

describe('New marks on a company card', () => {
  it('shows them on the first opening, records it as seen, and not on the next', async () => {
    const s = await start();
    await vi.waitFor(() => expect(background.of('getAlliances')).toHaveLength(1));
    await s.summary();
    expect(background.of('markSeen')).toEqual([]);

    expect(s.showCompany('openai')).toBe(true);
    expect(marks()).toEqual(['openai-microsoft']);
    expect(background.of('markSeen')).toEqual([{ companyId: 'openai', arrivalSeq: 7 }]);
    // The same opening keeps its marks when the card is drawn again (here: a settings change).
    s.updateSettings({ ...DEFAULT_SETTINGS, uiLang: 'en', hoverDelayMs: 10 });
    expect(card()?.dataset.company).toBe('openai');
    expect(marks()).toEqual(['openai-microsoft']);

    s.showCompany('microsoft');
    expect(card()?.dataset.company).toBe('microsoft');
    expect(marks()).toEqual([]);
    s.showCompany('openai');
    expect(card()?.dataset.company).toBe('openai');
    expect(marks()).toEqual([]);
    expect(background.of('markSeen')).toHaveLength(1);
  });

  it('waits for the company’s alliances before it counts the opening as seen', async () => {
    let release = () => {};
    background.gate = new Promise<void>((r) => {
      release = r;
    });
    const s = await start();
    s.showCompany('openai');
    expect(card()?.querySelector('[data-testid="card-loading"]')).not.toBeNull();
    expect(background.of('markSeen')).toEqual([]);
    release();
    await vi.waitFor(() => expect(marks()).toEqual(['openai-microsoft']));
    expect(background.of('markSeen')).toEqual([{ companyId: 'openai', arrivalSeq: 7 }]);
  });

  it('records nothing for a card with nothing new', async () => {
    background.newFor = {};
    const s = await start();
    await s.summary();
    s.showCompany('openai');
    expect(card()?.dataset.company).toBe('openai');
    expect(marks()).toEqual([]);
    expect(background.of('markSeen')).toEqual([]);
  });
});
