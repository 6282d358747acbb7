// Runs in the page (Playwright and puppeteer pass it by its source): at least
// `min` names are highlighted and the annotator's last mark says it has
// settled (`alliance-lens:settled`, not `…:reading`). Self-contained on purpose.
export function highlightsSettled(min: number): boolean {
  const size = (CSS.highlights.get('alliance-lens') as unknown as Set<Range>)?.size ?? 0;
  const marks = performance
    .getEntriesByType('mark')
    .filter((e) => e.name === 'alliance-lens:settled' || e.name === 'alliance-lens:reading');
  return size >= min && marks.at(-1)?.name === 'alliance-lens:settled';
}
