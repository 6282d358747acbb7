// @ts-check
// Turns the data files into the text of public/packs/core.json. Pure and
// reproducible: records sorted by id, keys in canonical order, and no clock
// (pack.updated is whatever data/pack.json says).
import { canonicalValue, kindOfPath } from './canonical.mjs';

/** @typedef {import('./files.mjs').DataFile} DataFile */

/** @param {unknown} x @returns {x is Record<string, unknown>} */
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);

/** @param {DataFile} file */
function parse(file) {
  try {
    return JSON.parse(file.text);
  } catch (e) {
    throw new Error(`${file.path}: not JSON (${e instanceof Error ? e.message : e})`);
  }
}

/** Code-unit order, the same on every machine (localeCompare is not). */
const byId = (/** @type {unknown} */ a, /** @type {unknown} */ b) => {
  const x = isObject(a) ? String(a.id) : '';
  const y = isObject(b) ? String(b.id) : '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * @param {DataFile[]} files as readDataFiles returns them
 * @returns {string} the pack, as core.json holds it
 */
export function assemblePack(files) {
  const packFile = files.find((f) => kindOfPath(f.path) === 'pack');
  if (!packFile) throw new Error('data/pack.json: missing');
  const info = canonicalValue('pack', parse(packFile));
  if (!isObject(info)) throw new Error('data/pack.json: expected an object');
  // data/pack.json carries `removed` beside the metadata; the pack has it at the top level.
  const { removed, ...pack } = info;
  /** @param {'company' | 'alliance'} kind */
  const records = (kind) =>
    files
      .filter((f) => kindOfPath(f.path) === kind)
      .map((f) => canonicalValue(kind, parse(f)))
      .sort(byId);
  const out = {
    format: 'alliance-lens-pack',
    version: 1,
    pack,
    companies: records('company'),
    alliances: records('alliance'),
    ...(Array.isArray(removed) && removed.length > 0 ? { removed } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
