// The reading session's UI root is closed: page tests keep the root the host
// attaches (by wrapping attachShadow) to look at the card the way a reader sees it.
import { afterAll } from 'vitest';
import { HOST_TAG } from '../../utils/card/host';

export interface UiRoot {
  /** The UI host's shadow root, once attached. */
  readonly root: ShadowRoot | null;
  /** Forgets it (a new session attaches a new one). */
  reset(): void;
  /** The open card, if any. */
  card(): HTMLElement | null;
}

/** Starts keeping the UI root; attachShadow is restored after the file's tests. */
export function captureUiRoot(): UiRoot {
  let root: ShadowRoot | null = null;
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const attached = attachShadow.call(this, init);
    if (this.localName === HOST_TAG) root = attached;
    return attached;
  };
  afterAll(() => {
    Element.prototype.attachShadow = attachShadow;
  });
  return {
    get root() {
      return root;
    },
    reset() {
      root = null;
    },
    card: () => root?.querySelector<HTMLElement>('.card') ?? null,
  };
}
