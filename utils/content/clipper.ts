// Clipping an alliance from the article: finds the text to clip (the selection,
// or the sentence around the caret), prefills the form, saves through the
// background and offers Undo. The small button beside a selection lives here too.
import type { Annotator } from '../annotator/annotator';
import { hasSkippedAncestor } from '../annotator/blocks';
import type { CardController } from '../card/controller';
import { HOST_TAG, type UiHost } from '../card/host';
import type { PageViews } from '../card/views';
import { draftClip } from '../clip/draft';
import type { ClipSubmission } from '../clip/form';
import { sentenceAround } from '../clip/quote';
import { type Lang, t } from '../i18n';
import type { Matcher } from '../matcher';
import type { RequestOf } from '../messaging';
import { sendMessage } from '../messaging-client';
import type { AllianceView, CompanyView } from '../pack/merge';
import type { Source } from '../pack/types';

export interface ClipperDeps {
  win: Window;
  host: UiHost;
  cards: CardController;
  annotator: Annotator;
  lang: () => Lang;
  matcher: () => Matcher | null;
  companies: () => ReadonlyMap<string, CompanyView>;
  alliances: () => readonly AllianceView[];
  /** Fetches the alliances of companies in the clip, for the duplicate check. */
  prepare: (companyIds: string[]) => Promise<void>;
  /** Draws the form (components/content/ClipForm, handed down by the content script). */
  renderForm: PageViews['clipForm'];
}

type Found = { ok: true; text: string } | { ok: false; message: string };

/** The text a clip starts from, or why there is none. */
export function textToClip(win: Window): Found {
  const doc = win.document;
  const active = doc.activeElement;
  if (
    active &&
    (active.tagName === 'INPUT' ||
      active.tagName === 'TEXTAREA' ||
      (active as HTMLElement).isContentEditable)
  ) {
    return { ok: false, message: t('clipNotHere') };
  }
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0) return { ok: false, message: t('clipSelectFirst') };
  const node = selection.anchorNode;
  const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  if (element?.closest(HOST_TAG)) return { ok: false, message: t('clipSelectFirst') };
  for (let el = element ?? null; el; el = el.parentElement) {
    if (
      el.tagName !== 'BODY' &&
      (el.hasAttribute('contenteditable') || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
    ) {
      return { ok: false, message: t('clipNotHere') };
    }
  }
  const text = selection.toString();
  if (text.trim()) return { ok: true, text };
  // Nothing selected: the sentence around the caret, if the caret is in text.
  if (selection.isCollapsed && node?.nodeType === 3) {
    const data = (node as Text).data;
    const { start, end } = sentenceAround(data, selection.anchorOffset);
    const sentence = data.slice(start, end);
    if (sentence.trim()) return { ok: true, text: sentence };
  }
  return { ok: false, message: t('clipSelectFirst') };
}

export class Clipper {
  private readonly deps: ClipperDeps;
  private open = false;
  private button: HTMLButtonElement | null = null;
  private buttonOn = false;
  private readonly cleanups: (() => void)[] = [];
  /** Undoes what opening the form set up (its Escape listener). */
  private closeDialog: () => void = () => {};
  /** Where the page was when the reading session started (single-page sites move on). */
  private readonly loadedUrl: string;

  constructor(deps: ClipperDeps) {
    this.deps = deps;
    this.loadedUrl = deps.win.location.href;
  }

  /** Turns the small "Clip alliance" button beside selections on or off (a setting). */
  setSelectionButton(on: boolean): void {
    if (on === this.buttonOn) return;
    this.buttonOn = on;
    if (on) this.enableSelectionButton();
    else for (const c of this.cleanups.splice(0)) c();
  }

  private enableSelectionButton(): void {
    const { win } = this.deps;
    const onUp = (e: MouseEvent) => {
      if (!e.isTrusted || this.deps.host.contains(e)) return;
      // Let the selection settle first.
      win.setTimeout(() => this.placeButton(), 0);
    };
    const onChange = () => {
      if (!win.getSelection()?.toString().trim()) this.hideButton();
    };
    win.addEventListener('mouseup', onUp, true);
    win.document.addEventListener('selectionchange', onChange);
    const onScroll = () => this.hideButton();
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.cleanups.push(() => {
      win.removeEventListener('mouseup', onUp, true);
      win.document.removeEventListener('selectionchange', onChange);
      win.removeEventListener('scroll', onScroll, { capture: true });
      this.hideButton();
    });
  }

  stop(): void {
    for (const c of this.cleanups.splice(0)) c();
    this.buttonOn = false;
    if (this.open) this.close();
  }

  /** Where the button goes: after the selection's last line, or nowhere. */
  private buttonSpot(): DOMRect | null {
    const selection = this.deps.win.getSelection();
    if (!selection || selection.isCollapsed || !selection.toString().trim() || this.open)
      return null;
    const anchor = selection.anchorNode?.parentElement;
    if (!anchor || anchor.closest(HOST_TAG) || hasSkippedAncestor(anchor)) return null;
    const rects = selection.getRangeAt(0).getClientRects();
    return rects[rects.length - 1] ?? null;
  }

  private placeButton(): void {
    const { win, host } = this.deps;
    const last = this.buttonSpot();
    if (!last) {
      this.hideButton();
      return;
    }
    if (!this.button) {
      this.button = win.document.createElement('button');
      this.button.type = 'button';
      this.button.className = 'clip-button';
      this.button.textContent = t('clipButton');
      this.button.setAttribute('data-testid', 'clip-button');
      // mousedown would clear the selection before click.
      this.button.addEventListener('mousedown', (e) => e.preventDefault());
      this.button.addEventListener('click', (e) => {
        if (e.isTrusted) void this.clip();
      });
      host.toasts.append(this.button);
    }
    this.button.style.left = `${Math.min(win.innerWidth - 110, Math.max(4, last.right + 6))}px`;
    this.button.style.top = `${Math.min(win.innerHeight - 30, last.bottom + 4)}px`;
  }

  private hideButton(): void {
    this.button?.remove();
    this.button = null;
  }

  /** Starts a clip from the selection (shortcut, context menu, the button). */
  async clip(): Promise<void> {
    const { win, host, cards } = this.deps;
    this.hideButton();
    // Asked again while the form is open: start over from the new selection.
    if (this.open) this.close();
    const matcher = this.deps.matcher();
    const found = textToClip(win);
    if (!found.ok || !matcher) {
      host.toast(found.ok ? t('clipSelectFirst') : found.message, undefined, 4000);
      return;
    }
    const draft = draftClip({
      selection: found.text,
      doc: win.document,
      pageUrl: win.location.href,
      matcher,
      loadedUrl: this.loadedUrl,
    });
    // The members' alliances, for the form to tell an alliance already known.
    await this.deps.prepare(draft.known.map((k) => k.id));
    const shortcut = await sendMessage('getShortcuts', {}).then((r) =>
      r.ok ? (r.value.find((c) => c.name === 'clip-alliance')?.shortcut ?? '') : '',
    );
    cards.close();
    cards.setSuspended(true);
    this.open = true;
    // Escape closes the form wherever focus is (the reader may have clicked the page).
    const onKey = (e: KeyboardEvent) => {
      if (e.isTrusted && e.key === 'Escape' && !e.isComposing) {
        e.stopPropagation();
        this.close();
      }
    };
    win.addEventListener('keydown', onKey, true);
    this.closeDialog = () => win.removeEventListener('keydown', onKey, true);
    host.renderDialog(
      this.deps.renderForm({
        shortcut,
        onChangeShortcut: () => void sendMessage('openShortcutSettings', {}),
        draft,
        companies: this.deps.companies(),
        alliances: this.deps.alliances(),
        lang: this.deps.lang(),
        onSave: (clip: ClipSubmission) => this.save(clip),
        onAddSource: (allianceId: string, source: Source) =>
          this.save({ addSourceTo: allianceId, source }),
        onCancel: () => this.close(),
      }),
    );
    const form = host.query<HTMLElement>('.clip-form');
    if (form) {
      form.style.left = `${Math.max(8, win.innerWidth - 440)}px`;
      form.style.top = '16px';
      form.style.maxHeight = `${win.innerHeight - 32}px`;
    }
  }

  private close(): void {
    this.open = false;
    this.closeDialog();
    this.closeDialog = () => {};
    this.deps.cards.setSuspended(false);
    this.deps.host.renderDialog(null);
  }

  private async save(request: RequestOf<'saveClip'>): Promise<string[]> {
    const reply = await sendMessage('saveClip', request);
    if (!reply.ok) return reply.error.problems ?? [reply.error.message];
    this.close();
    const { token } = reply.value;
    this.deps.host.toast(
      'addSourceTo' in request ? t('clipSourceAdded') : t('clipSaved'),
      {
        label: t('undo'),
        run: () =>
          void sendMessage('undoClip', { token }).then((r) =>
            this.deps.host.toast(r.ok ? t('clipUndone') : r.error.message),
          ),
      },
      8000,
    );
    return [];
  }
}
