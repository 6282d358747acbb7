// One page's reading session: dictionary -> matcher -> annotator -> cards.
// Everything it knows comes from the background through typed messages.

import { Annotator, type FoundIds } from '../annotator/annotator';
import { HighlightStyle } from '../annotator/style';
import { CardController, type CardData } from '../card/controller';
import { UiHost } from '../card/host';
import type { PageViews } from '../card/views';
import type { PublishedDictionary } from '../dictionary';
import { detectLang, type Lang, setLang } from '../i18n';
import { loadMatcher, type Matcher } from '../matcher';
import type { PageSummary } from '../messaging';
import { sendMessage } from '../messaging-client';
import { type AllianceView, type CompanyView, companyLabel } from '../pack/merge';
import type { Settings } from '../settings';
import { Clipper } from './clipper';
import { NewMarks } from './new-marks';

export class ReadingSession {
  private readonly win: Window;
  private settings: Settings;
  private readonly annotator: Annotator;
  private readonly style: HighlightStyle;
  private host: UiHost | null = null;
  private cards: CardController | null = null;
  private clipper: Clipper | null = null;
  private matcher: Matcher | null = null;
  private version: number | undefined;
  private readonly companies = new Map<string, CompanyView>();
  private readonly alliances = new Map<string, AllianceView>();
  /** Companies and named alliances already asked for (even when nothing came back). */
  private readonly fetchedCompanies = new Set<string>();
  private readonly fetchedAlliances = new Set<string>();
  /** Requests on their way, by `company:id` / `alliance:id` (the card says "Loading"). */
  private readonly pending = new Map<string, Promise<void>>();
  private lang: Lang;
  private stopped = false;
  /** Which alliances company cards mark "New"; opening a card tells the background it was seen. */
  private readonly newMarks = new NewMarks((companyId, arrivalSeq) => {
    void sendMessage('markSeen', { companyId, arrivalSeq });
  });

  /** The page UI's render functions (components/content/), from the content script. */
  private readonly views: PageViews;

  constructor(win: Window, settings: Settings, views: PageViews) {
    this.win = win;
    this.views = views;
    this.settings = settings;
    this.lang = settings.uiLang === 'auto' ? detectLang(win.navigator.language) : settings.uiLang;
    setLang(this.lang);
    this.style = new HighlightStyle(win.document);
    this.annotator = new Annotator(win.document, {
      hostname: win.location.hostname,
      onChange: (found) => void this.fetchAlliances(found),
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (!(await this.ensureDictionary())) return;
    this.host ??= new UiHost(this.win.document);
    this.style.apply(this.settings);
    this.cards = new CardController(this.win, this.annotator, this.host, {
      hoverDelayMs: this.settings.hoverDelayMs,
      lang: this.lang,
      getData: () => this.cardData(),
      onOpenManager: (companyId) => void sendMessage('openManager', { companyId }),
      renderCard: this.views.card,
    });
    this.cards.start();
    const cards = this.cards;
    this.clipper = new Clipper({
      win: this.win,
      host: this.host,
      cards,
      annotator: this.annotator,
      lang: () => this.lang,
      matcher: () => this.matcher,
      companies: () => this.companies,
      alliances: () => [...this.alliances.values()],
      prepare: (ids) => this.fetchAlliances({ companies: new Set(ids), alliances: new Set() }),
      renderForm: this.views.clipForm,
    });
    this.clipper.setSelectionButton(this.settings.clipButton);
    await this.annotator.annotate(this.matcher!);
  }

  /** Highlights the article while the page is still loading; `start` finishes at DOMContentLoaded. */
  streamWhileLoading(): void {
    if (!this.matcher) return;
    this.style.apply(this.settings);
    this.annotator.streamWhileLoading(this.matcher);
  }

  /** Removes every highlight and all UI. */
  stop(): void {
    this.stopped = true;
    this.clipper?.stop();
    this.clipper = null;
    this.cards?.stop();
    this.cards = null;
    this.annotator.clear();
    this.style.remove();
    this.host?.destroy();
    this.host = null;
  }

  get running(): boolean {
    return !this.stopped && this.cards !== null;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.lang =
      settings.uiLang === 'auto' ? detectLang(this.win.navigator.language) : settings.uiLang;
    setLang(this.lang);
    this.cards?.setOptions({ hoverDelayMs: settings.hoverDelayMs, lang: this.lang });
    if (this.running) this.style.apply(settings);
    this.clipper?.setSelectionButton(settings.clipButton);
  }

  /** The dataset changed: rebuild the matcher and re-highlight without a reload. */
  async onDictionary(dictionary: PublishedDictionary): Promise<void> {
    if (dictionary.version === this.version) return;
    if (!this.useDictionary(dictionary)) return;
    this.companies.clear();
    this.alliances.clear();
    this.fetchedCompanies.clear();
    this.fetchedAlliances.clear();
    this.pending.clear();
    this.newMarks.clear();
    if (this.running) await this.annotator.annotate(this.matcher!);
  }

  /** The page navigated without reloading (SPA): read the new article. */
  async rescan(): Promise<void> {
    if (this.running && this.matcher) await this.annotator.annotate(this.matcher);
  }

  /** Clips an alliance from the selection (shortcut, context menu). */
  clip(): void {
    void this.clipper?.clip();
  }

  enterReadingMode(): void {
    this.cards?.enterReadingMode();
  }

  /** Scrolls to the first mention of a company and opens its card (from the popup). */
  showCompany(companyId: string): boolean {
    const mention = this.annotator.mentions().find((m) => m.id === companyId);
    if (!mention || !this.cards) return false;
    this.cards.reveal(mention);
    return true;
  }

  /** What the popup shows about this page, once the alliances being fetched have arrived. */
  async summary(): Promise<PageSummary> {
    await Promise.all(this.pending.values());
    const counts = new Map<string, number>();
    for (const m of this.annotator.mentions()) {
      if (m.type === 'company') counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    }
    const ids = new Set(counts.keys());
    const alliancesBetween = [...this.alliances.values()].filter(
      (a) => a.members.filter((m) => ids.has(m.company)).length >= 2,
    ).length;
    return {
      hostname: this.win.location.hostname,
      enabled: this.running,
      companies: [...counts].map(([id, count]) => ({
        id,
        count,
        name: companyLabel(this.companies.get(id), id, this.lang),
      })),
      alliancesBetween,
    };
  }

  /**
   * Loads the compiled matcher of a dictionary (the stored copy, or the
   * background's answer). False, keeping the current matcher, if it cannot be read.
   */
  useDictionary(dictionary: PublishedDictionary): boolean {
    performance.mark('alliance-lens:dictionary');
    try {
      this.matcher = loadMatcher(dictionary.matcher);
    } catch (e) {
      console.warn('[alliance-lens]', e instanceof Error ? e.message : e);
      return false;
    }
    performance.mark('alliance-lens:matcher');
    this.version = dictionary.version;
    return true;
  }

  /** Without a stored dictionary (first moments after install), ask the background. */
  private async ensureDictionary(): Promise<boolean> {
    if (this.matcher) return true;
    const reply = await sendMessage('getDictionary', {});
    if (!reply.ok) {
      console.warn('[alliance-lens]', reply.error.message);
      return false;
    }
    if ('matcher' in reply.value) this.useDictionary(reply.value);
    return this.matcher !== null;
  }

  /**
   * One request for every company and named alliance found that has not been
   * fetched yet. Resolves once every id asked for has arrived, including those
   * another request is already fetching (the clip form needs them all).
   */
  private async fetchAlliances(found: FoundIds): Promise<void> {
    const ids = [...found.companies].filter((id) => !this.fetchedCompanies.has(id));
    const allianceIds = [...found.alliances].filter((id) => !this.fetchedAlliances.has(id));
    const waiting = [
      ...[...found.companies].map((id) => this.pending.get(`company:${id}`)),
      ...[...found.alliances].map((id) => this.pending.get(`alliance:${id}`)),
    ].filter((p) => p !== undefined);
    if (!ids.length && !allianceIds.length) {
      await Promise.all(waiting);
      return;
    }
    for (const id of ids) this.fetchedCompanies.add(id);
    for (const id of allianceIds) this.fetchedAlliances.add(id);
    const keys = [
      ...ids.map((id) => `company:${id}`),
      ...allianceIds.map((id) => `alliance:${id}`),
    ];
    const request = this.request(ids, allianceIds);
    for (const k of keys) this.pending.set(k, request);
    await request;
    for (const k of keys) if (this.pending.get(k) === request) this.pending.delete(k);
    this.cards?.refresh();
    await Promise.all(waiting);
  }

  private async request(ids: string[], allianceIds: string[]): Promise<void> {
    const reply = await sendMessage('getAlliances', { companyIds: ids, allianceIds });
    if (!reply.ok) {
      // Let the next scan ask again.
      for (const id of ids) this.fetchedCompanies.delete(id);
      for (const id of allianceIds) this.fetchedAlliances.delete(id);
      return;
    }
    for (const c of reply.value.companies) this.companies.set(c.id, c);
    for (const a of reply.value.alliances) this.alliances.set(a.id, a);
    this.newMarks.arrived(ids, reply.value.newFor, reply.value.arrivalSeq);
  }

  private cardData(): CardData {
    return {
      companies: this.companies,
      alliances: [...this.alliances.values()],
      loading: (s) => this.pending.has(`${s.type}:${s.id}`),
      ensure: (s) =>
        void this.fetchAlliances({
          companies: new Set(s.type === 'company' ? [s.id] : []),
          alliances: new Set(s.type === 'alliance' ? [s.id] : []),
        }),
      opened: (s) => this.newMarks.opened(s.type === 'company' ? s.id : null),
      newIn: (s) => (s.type === 'company' ? this.newMarks.marked(s.id) : new Set()),
    };
  }
}
