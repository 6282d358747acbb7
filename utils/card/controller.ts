// Opens and closes the alliance card: hover (hit-testing the pointer against
// the annotator's ranges), tap, and a keyboard reading mode. Acts only on
// trusted events, so the page cannot open, drive or read the card.
import { h } from 'preact';
import type { Annotator, PageMention } from '../annotator/annotator';
import type { Lang } from '../i18n';
import { t } from '../i18n';
import type { AllianceView, CompanyView } from '../pack/merge';
import type { UiHost } from './host';
import { placeCard, type Rect } from './position';
import type { CardSubject, PageViews } from './views';

export interface CardData {
  companies: ReadonlyMap<string, CompanyView>;
  alliances: readonly AllianceView[];
  /** True while the subject's alliances are on their way from the background. */
  loading: (subject: CardSubject) => boolean;
  /** Asks for the subject's alliances if they were never fetched (a partner opened from a card). */
  ensure: (subject: CardSubject) => void;
  /** A card opened on the subject (each opening: the first one marks what is new, then not). */
  opened: (subject: CardSubject) => void;
  /** The subject's alliances this opening marks "New". */
  newIn: (subject: CardSubject) => ReadonlySet<string>;
}

export interface CardControllerOptions {
  hoverDelayMs: number;
  lang: Lang;
  getData: () => CardData;
  onOpenManager: (companyId: string) => void;
  /** Draws the card (components/content/AllianceCard, handed down by the content script). */
  renderCard: PageViews['card'];
}

/** Pointer speed (px per ms) above which no card opens: the reader is just passing by. */
const FAST_POINTER = 1.2;
const CLOSE_DELAY_MS = 300;

export class CardController {
  private readonly win: Window;
  private readonly annotator: Annotator;
  private readonly host: UiHost;
  private options: CardControllerOptions;
  private openMention: PageMention | null = null;
  /** What the open card shows: a company, or a named alliance found in the text. */
  private subject: CardSubject | null = null;
  private anchor: Rect | null = null;
  private candidate: PageMention | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private last = { x: 0, y: 0, t: 0, speed: 0 };
  private readingIndex = -1;
  /** The mentions in reading order while reading mode is on. */
  private readingList: PageMention[] = [];
  private ignoreScrollUntil = 0;
  /** While another dialog (the clip form) is open, hovering opens no card. */
  private suspended = false;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  constructor(win: Window, annotator: Annotator, host: UiHost, options: CardControllerOptions) {
    this.win = win;
    this.annotator = annotator;
    this.host = host;
    this.options = options;
  }

  setOptions(options: Partial<CardControllerOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.subject) this.renderCard();
  }

  start(): void {
    const on = (
      target: EventTarget,
      type: string,
      fn: (e: Event) => void,
      opts: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, fn, opts);
      this.listeners.push([target, type, fn, opts]);
    };
    on(this.win, 'pointermove', (e) => this.onPointerMove(e as PointerEvent), {
      capture: true,
      passive: true,
    });
    on(this.win, 'pointerup', (e) => this.onPointerUp(e as PointerEvent), {
      capture: true,
      passive: true,
    });
    on(this.win, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent), { capture: true });
    on(this.win, 'scroll', (e) => this.onScroll(e), { capture: true, passive: true });
    on(this.win, 'resize', () => this.close(), { passive: true });
    on(this.host.host, 'pointerleave', (e) => this.onLeaveCard(e), { passive: true });
    on(this.host.host, 'pointerenter', () => clearTimeout(this.closeTimer), { passive: true });
  }

  stop(): void {
    for (const [target, type, fn, opts] of this.listeners)
      target.removeEventListener(type, fn, opts);
    this.listeners.length = 0;
    this.close();
    cancelAnimationFrame(this.frame);
  }

  setSuspended(suspended: boolean): void {
    this.suspended = suspended;
    if (suspended) {
      clearTimeout(this.openTimer);
      this.candidate = null;
    }
  }

  get isOpen(): boolean {
    return this.subject !== null;
  }

  get inReadingMode(): boolean {
    return this.readingIndex >= 0;
  }

  /** Opens the card of `mention`, beside the line box at `point` (or its first line). */
  open(mention: PageMention, point?: { x: number; y: number }, focus = false): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    const rects = [...mention.range.getClientRects()];
    const under = point && rects.find((r) => contains(r, point.x, point.y));
    this.anchor = under ?? rects[0] ?? mention.range.getBoundingClientRect();
    this.openMention = mention;
    this.subject = { type: mention.type, id: mention.id };
    this.opened(this.subject);
    this.annotator.setFocused(mention);
    this.renderCard();
    if (focus) this.host.query<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  /** Shows another company in the open card (a partner was clicked). */
  pivot(companyId: string): void {
    this.subject = { type: 'company', id: companyId };
    this.opened(this.subject);
    this.renderCard();
    this.host.query<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  private opened(subject: CardSubject): void {
    const data = this.options.getData();
    data.ensure(subject);
    data.opened(subject);
  }

  /** New data arrived: the open card shows it where it is. */
  refresh(): void {
    if (this.subject) this.renderCard();
  }

  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openMention = null;
    this.subject = null;
    this.candidate = null;
    this.readingIndex = -1;
    this.readingList = [];
    this.annotator.setFocused(null);
    this.host.render(null);
  }

  /** Keyboard reading mode: arrows move through mentions in reading order. */
  enterReadingMode(): void {
    const mentions = this.annotator.mentions();
    if (!mentions.length) {
      this.host.toast(t('readingModeEmpty'));
      return;
    }
    // Start from the first mention on screen, not from the top of the article.
    const first = mentions.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
    this.host.toast(t('readingModeOn'));
    this.readingList = mentions;
    this.moveTo(Math.max(0, first));
  }

  private moveTo(index: number): void {
    // Sorting every mention is not free on a long page: keep the list while it is current.
    if (this.readingList.some((m) => !m.block.isConnected))
      this.readingList = this.annotator.mentions();
    const mentions = this.readingList;
    if (!mentions.length) {
      this.close();
      return;
    }
    const i = (index + mentions.length) % mentions.length;
    this.reveal(mentions[i]!);
    this.readingIndex = i;
  }

  /** Scrolls a mention into view and opens its card with focus (reading mode, the popup's list). */
  reveal(mention: PageMention): void {
    // Our own scrolling must not close the card it is about to open.
    this.ignoreScrollUntil = performance.now() + 600;
    mention.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'instant' as ScrollBehavior,
    });
    this.open(mention, undefined, true);
  }

  private renderCard(): void {
    const subject = this.subject;
    if (!subject || !this.anchor) return;
    const data = this.options.getData();
    const mentioned = this.annotator.mentionedIds();
    const dark = this.win.matchMedia?.('(prefers-color-scheme: dark)').matches;
    this.host.render(
      h(
        'div',
        { class: dark ? 'card-wrap dark' : 'card-wrap' },
        this.options.renderCard({
          subject,
          companies: data.companies,
          alliances: data.alliances,
          loading: data.loading(subject),
          newIds: data.newIn(subject),
          mentioned,
          lang: this.options.lang,
          onPivot: (id: string) => this.pivot(id),
          onOpenManager: (id: string) => this.options.onOpenManager(id),
          onClose: () => this.close(),
        }),
      ),
    );
    const card = this.host.query<HTMLElement>('.card');
    if (!card) return;
    if (dark) card.classList.add('dark');
    card.tabIndex = -1;
    card.style.visibility = 'hidden';
    card.style.left = '0px';
    card.style.top = '0px';
    card.style.maxHeight = '';
    const placement = placeCard(
      this.anchor,
      { width: card.offsetWidth, height: card.scrollHeight },
      { width: this.win.innerWidth, height: this.win.innerHeight },
    );
    card.style.left = `${placement.left}px`;
    card.style.top = `${placement.top}px`;
    card.style.maxHeight = `${placement.maxHeight}px`;
    card.dataset.side = placement.side;
    card.style.visibility = 'visible';
  }

  private hitTest(x: number, y: number): PageMention | undefined {
    const doc = this.win.document;
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const shadowRoots = this.annotator.shadowRoots();
      const pos = (
        doc.caretPositionFromPoint as (x: number, y: number, o?: unknown) => CaretPosition | null
      )(x, y, {
        shadowRoots,
      });
      if (pos) {
        node = pos.offsetNode;
        offset = pos.offset;
      }
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      if (range) {
        node = range.startContainer;
        offset = range.startOffset;
      }
    }
    if (!node) return undefined;
    const mention = this.annotator.mentionAtCaret(node, offset);
    // The caret APIs snap to the nearest character: make sure the pointer is really on the mention.
    if (mention && [...mention.range.getClientRects()].some((r) => contains(r, x, y)))
      return mention;
    return undefined;
  }

  private onPointerMove(e: PointerEvent): void {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    const now = e.timeStamp;
    const dt = Math.max(1, now - this.last.t);
    const speed = Math.hypot(e.clientX - this.last.x, e.clientY - this.last.y) / dt;
    this.last = { x: e.clientX, y: e.clientY, t: now, speed };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.onPointerFrame();
    });
  }

  private onPointerFrame(): void {
    if (this.suspended) return;
    const { x, y, speed } = this.last;
    if (this.isOpen && this.pointerInCard(x, y)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mention = this.hitTest(x, y);
    if (mention && mention === this.openMention) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (!mention) {
      this.candidate = null;
      clearTimeout(this.openTimer);
      if (this.isOpen && !this.inReadingMode) this.scheduleClose();
      return;
    }
    if (mention !== this.candidate || speed > FAST_POINTER) {
      this.candidate = mention;
      clearTimeout(this.openTimer);
      // A fast pointer restarts the wait, so the card opens only once the reader slows down on a name.
      this.openTimer = setTimeout(() => {
        if (this.candidate === mention) this.open(mention, { x: this.last.x, y: this.last.y });
      }, this.options.hoverDelayMs);
    }
  }

  private pointerInCard(x: number, y: number): boolean {
    const card = this.host.query<HTMLElement>('.card');
    return card ? contains(card.getBoundingClientRect(), x, y) : false;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  private onLeaveCard(e: Event): void {
    if (!e.isTrusted || this.inReadingMode) return;
    this.scheduleClose();
  }

  private onPointerUp(e: PointerEvent): void {
    if (!e.isTrusted || e.pointerType !== 'touch' || this.host.contains(e) || this.suspended)
      return;
    const mention = this.hitTest(e.clientX, e.clientY);
    if (mention) this.open(mention, { x: e.clientX, y: e.clientY });
    else if (this.isOpen) this.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && (this.isOpen || this.inReadingMode)) {
      this.close();
      e.stopPropagation();
      return;
    }
    // M opens the card's company in the manager, when the card has the keyboard.
    if (
      (e.key === 'm' || e.key === 'M') &&
      !e.altKey &&
      !e.ctrlKey &&
      !e.metaKey &&
      this.subject?.type === 'company' &&
      (this.inReadingMode || this.host.activeElement !== null)
    ) {
      e.preventDefault();
      e.stopPropagation();
      this.options.onOpenManager(this.subject.id);
      return;
    }
    if (!this.inReadingMode || e.altKey || e.ctrlKey || e.metaKey) return;
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    this.moveTo(this.readingIndex + step);
  }

  private onScroll(e: Event): void {
    if (!this.isOpen || this.host.contains(e) || performance.now() < this.ignoreScrollUntil) return;
    this.close();
  }
}

function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}
