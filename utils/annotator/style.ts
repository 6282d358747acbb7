// The reader's highlight style (Settings), applied as a constructed stylesheet:
// it styles `::highlight(alliance-lens)` without adding anything to the page's DOM.
import type { Settings } from '../settings';

export function highlightCss(
  settings: Pick<Settings, 'highlightStyle' | 'highlightColor'>,
): string {
  const c = settings.highlightColor;
  const rgba = (alpha: number) => {
    const n = Number.parseInt(c.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  };
  const base =
    settings.highlightStyle === 'background'
      ? `background-color: ${rgba(0.22)}; text-decoration: none;`
      : `text-decoration: underline 2px ${rgba(0.85)}; text-underline-offset: 3px; background-color: ${rgba(0.08)};`;
  return `::highlight(alliance-lens) { ${base} }\n::highlight(alliance-lens-focus) { background-color: ${rgba(0.3)}; }`;
}

export class HighlightStyle {
  private readonly doc: Document;
  private sheet: CSSStyleSheet | null = null;

  constructor(doc: Document) {
    this.doc = doc;
  }

  apply(settings: Pick<Settings, 'highlightStyle' | 'highlightColor'>): void {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    }
    this.sheet.replaceSync(highlightCss(settings));
  }

  remove(): void {
    if (!this.sheet) return;
    const sheet = this.sheet;
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.sheet = null;
  }
}
