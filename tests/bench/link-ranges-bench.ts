// findLinkRanges on one long unbroken run (an e-mail address of 300,000
// units): a regex or a rescan from every `.` would take seconds on it, so the
// matcher benchmark holds it to a time budget.

import { findLinkRanges } from '../../utils/matcher/links';

export const LINK_RANGES_TARGET_MS = 500;

export interface LinkRangesFigures {
  chars: number;
  /** One findLinkRanges call, best of `runs`. */
  ms: number;
}

export function runLinkRangesBench(runs = 3): LinkRangesFigures {
  const t = `${'a'.repeat(200_000)}@${'b.'.repeat(50_000)}`;
  let ms = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    findLinkRanges(t, t);
    ms = Math.min(ms, performance.now() - started);
  }
  return { chars: t.length, ms };
}

export const formatLinkRangesBench = (f: LinkRangesFigures): string =>
  `  link ranges on one unbroken ${f.chars.toLocaleString('en')}-unit run: ${f.ms.toFixed(1)} ms (target < ${LINK_RANGES_TARGET_MS} ms)`;
