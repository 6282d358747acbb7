// Watches the page for changes to its text once it has loaded, and tells which
// parts of the article to read again.
import { hasSkippedAncestor, isInlineTag, outermostOf } from './blocks';

const MUTATION_DEBOUNCE_MS = 150;

/**
 * Collects the nodes changed in the body and in the open shadow roots holding
 * article text, and hands them over in one batch once changes pause.
 */
export class PageWatcher {
  private readonly doc: Document;
  private readonly onChanged: (nodes: Node[]) => void;
  private observer: MutationObserver | null = null;
  private readonly shadowRootsSeen = new Set<ShadowRoot>();
  private readonly changed = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Document, onChanged: (nodes: Node[]) => void) {
    this.doc = doc;
    this.onChanged = onChanged;
  }

  /** Whether changes wait to be handed over. */
  get waiting(): boolean {
    return this.debounce !== undefined;
  }

  start(): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    const target = this.doc.body ?? this.doc.documentElement;
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
    // A new observer watches nothing yet: the shadow roots seen before are watched again.
    for (const sr of [...this.shadowRootsSeen]) {
      if (sr.host.isConnected)
        this.observer.observe(sr, { childList: true, subtree: true, characterData: true });
      else this.shadowRootsSeen.delete(sr);
    }
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.changed.clear();
  }

  /** Watches an open shadow root too (once: a root seen before is not watched again). */
  observeShadowRoot(sr: ShadowRoot): void {
    if (!this.observer || this.shadowRootsSeen.has(sr)) return;
    this.shadowRootsSeen.add(sr);
    this.observer.observe(sr, { childList: true, subtree: true, characterData: true });
  }

  hasSeen(sr: ShadowRoot): boolean {
    return this.shadowRootsSeen.has(sr);
  }

  /** The shadow roots watched whose hosts are still on the page. */
  shadowRoots(): ShadowRoot[] {
    return [...this.shadowRootsSeen].filter((sr) => sr.host.isConnected);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      // Our own UI lives outside the body, but be safe: never react to it.
      if (r.target.nodeName === 'ALLIANCE-LENS-UI') continue;
      if (r.type === 'characterData' || r.removedNodes.length) this.changed.add(r.target);
      // Added blocks are read on their own, so appending a paragraph does not re-read the article.
      for (const added of r.addedNodes) this.changed.add(added);
    }
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.handOver(), MUTATION_DEBOUNCE_MS);
  }

  private handOver(): void {
    this.debounce = undefined;
    const nodes = [...this.changed];
    this.changed.clear();
    this.onChanged(nodes);
  }
}

/**
 * The outermost blocks of the article that hold changed nodes; a root inside a
 * changed block is read whole.
 */
export function changedBlocks(nodes: readonly Node[], roots: readonly Element[]): Element[] {
  const dirty = new Set<Element>();
  for (const node of nodes) {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el?.isConnected) continue;
    const block = blockElementOf(el);
    if (hasSkippedAncestor(block)) continue;
    for (const root of roots) {
      if (containsAcrossShadows(root, block)) dirty.add(block);
      else if (block.contains(root)) dirty.add(root);
    }
  }
  return outermostOf(dirty);
}

/** Whether `node` is inside `root`, counting open shadow roots of hosts inside it. */
function containsAcrossShadows(root: Element, node: Node): boolean {
  for (let cur: Node | null = node; cur; ) {
    if (root.contains(cur)) return true;
    const top = cur.getRootNode();
    cur = top instanceof ShadowRoot ? top.host : null;
  }
  return false;
}

function blockElementOf(el: Element): Element {
  let cur: Element = el;
  while (isInlineTag(cur.tagName) && cur.parentElement) cur = cur.parentElement;
  return cur;
}
