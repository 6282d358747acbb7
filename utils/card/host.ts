// Mounts extension UI in a closed shadow root on <html>, outside the page's
// body: the page cannot reach into it and its CSS does not leak either way.
import { type ComponentChild, render } from 'preact';
import { CARD_CSS } from './styles';

export const HOST_TAG = 'alliance-lens-ui';

export class UiHost {
  readonly host: HTMLElement;
  /** The hover card: opened and closed by the card controller alone. */
  private readonly layer: HTMLElement;
  /**
   * A dialog (the clip form), apart from the card so that closing a card
   * (the pointer left it) never takes the dialog with it.
   */
  private readonly dialogLayer: HTMLElement;
  private readonly shadow: ShadowRoot;
  /** Outside Preact's container, so re-rendering the card never removes a toast. */
  readonly toasts: HTMLElement;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Document) {
    this.host = doc.createElement(HOST_TAG);
    // Inline style wins over page rules that target the tag.
    this.host.setAttribute(
      'style',
      'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;',
    );
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.dialogLayer = doc.createElement('div');
    this.dialogLayer.className = 'layer';
    this.toasts = doc.createElement('div');
    this.toasts.className = 'toasts';
    this.shadow.append(style, this.layer, this.dialogLayer, this.toasts);
    doc.documentElement.append(this.host);
  }

  /** Shows (or with null, removes) the hover card. */
  render(content: ComponentChild): void {
    render(content, this.layer);
  }

  /** Shows (or with null, removes) a dialog, which stays until its owner closes it. */
  renderDialog(content: ComponentChild): void {
    render(content, this.dialogLayer);
  }

  /** A short message at the bottom of the page, optionally with one action (Undo). */
  toast(message: string, action?: { label: string; run: () => void }, ms = 2500): void {
    clearTimeout(this.toastTimer);
    this.toasts.replaceChildren();
    const doc = this.host.ownerDocument;
    const el = doc.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    el.setAttribute('data-testid', 'toast');
    el.textContent = message;
    if (action) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'toast-action';
      button.textContent = action.label;
      button.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        el.remove();
        action.run();
      });
      el.append(' ', button);
    }
    this.toasts.append(el);
    this.toastTimer = setTimeout(() => el.remove(), ms);
  }

  /** True when an event happened inside our UI (events are retargeted to the host). */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  /** The element inside the shadow root matching `selector`. */
  query<T extends Element>(selector: string): T | null {
    return this.shadow.querySelector<T>(selector);
  }

  get activeElement(): Element | null {
    return this.shadow.activeElement;
  }

  destroy(): void {
    render(null, this.layer);
    render(null, this.dialogLayer);
    this.host.remove();
  }
}
