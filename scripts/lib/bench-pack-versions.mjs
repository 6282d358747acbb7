// @ts-check
// Versions of a synthetic pack, for the big-pack benchmark: the next release
// with a few hundred records changed, added and removed, and one where almost
// every record changed. Deterministic, so before and after measure the same data.

/** @typedef {ReturnType<typeof import('./bench-pages.mjs').syntheticPack>} SyntheticPack */

/**
 * The next release of `base`: `changed` alliances get a new status (every
 * n-th one), the last `removed` alliances go, `added` new ones arrive, and
 * `renamed` companies gain an alias and `newCompanies` new ones arrive.
 * @param {SyntheticPack} base
 * @param {{ updated: string, changed: number, added: number, removed: number, renamed: number, newCompanies: number }} o
 */
export function nextRelease(base, { updated, changed, added, removed, renamed, newCompanies }) {
  /** @type {SyntheticPack} */
  const next = structuredClone(base);
  next.pack.updated = updated;
  const every = Math.max(1, Math.floor(next.alliances.length / Math.max(1, changed)));
  let n = 0;
  for (let i = 0; i < next.alliances.length && n < changed; i += every, n++) {
    const a = /** @type {any} */ (next.alliances[i]);
    a.status = 'ended';
    a.until = '2026-12';
  }
  next.alliances.splice(next.alliances.length - removed, removed);
  const ids = next.companies.map((c) => c.id);
  for (let i = 0; i < added; i++) {
    next.alliances.push({
      ...structuredClone(/** @type {any} */ (base.alliances[i])),
      id: `synthetic-alliance-${updated.slice(0, 10)}-${i}`,
      members: [
        { company: /** @type {string} */ (ids[(i * 7) % ids.length]) },
        { company: /** @type {string} */ (ids[(i * 7 + 1) % ids.length]) },
      ],
      since: '2026-11',
    });
  }
  const step = Math.max(1, Math.floor(next.companies.length / Math.max(1, renamed)));
  for (let i = 0, k = 0; k < renamed; i += step, k++) {
    const c = next.companies[i % next.companies.length];
    c?.aliases.push(`${c.names.en} ${updated.slice(0, 4)}`);
  }
  for (let i = 0; i < newCompanies; i++) {
    const tag = `${updated.slice(0, 10).replaceAll('-', '')}x${i}`;
    next.companies.push({
      id: `synthetic-new-${tag}`,
      names: { en: `Newco ${tag}`, ko: `뉴코${tag}` },
      aliases: [],
    });
  }
  return next;
}

/** How the manager words a pack's counts, for waiting until it shows them. */
export const countsOf = (/** @type {SyntheticPack} */ pack) => ({
  companies: pack.companies.length,
  alliances: pack.alliances.length,
});

/**
 * `pack` with each alliance's source described as real packs describe it (a title
 * and a publisher): a 10,000 / 50,000 pack then weighs ~16.5 MB, as the issue measured.
 * @param {SyntheticPack} pack
 */
export function withSourceDetails(pack) {
  for (const [i, a] of pack.alliances.entries()) {
    const source = /** @type {any} */ (a).sources[0];
    source.title = `Synthetic partners announce deal number ${i}`;
    source.publisher = 'Example News';
  }
  return pack;
}
