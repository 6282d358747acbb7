// What a dataset costs before any page is read: its size (raw and gzip, as a
// CDN serves it), the background's dictionary build (the same entries and
// compiler as utils/db/reader.ts and published-dictionary.ts) and a page's decode.
import { gzipSync } from 'node:zlib';
import { compileMatcher, loadMatcher } from '../../utils/matcher';
import { dictionaryEntries } from '../../utils/pack/dictionary-entries';
import type { Pack } from '../../utils/pack/types';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function timed(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** One line of figures for the pack `text` under `label`. */
export function packCostLine(label: string, text: string): string {
  const pack = JSON.parse(text) as Pack;
  const entries = dictionaryEntries(pack.companies, pack.alliances);
  const compiled = compileMatcher(entries);
  const build = timed(5, () => compileMatcher(entries));
  const decode = timed(21, () => loadMatcher(compiled));
  return (
    `  ${label}: ${pack.companies.length} companies, ${pack.alliances.length} alliances, ${entries.length} aliases; ` +
    `pack ${kb(Buffer.byteLength(text))} raw, ${kb(gzipSync(text).length)} gzip; ` +
    `dictionary build ${build.toFixed(1)} ms (compiled ${kb(Buffer.byteLength(JSON.stringify(compiled)))}); ` +
    `decode in a page ${decode.toFixed(2)} ms`
  );
}
