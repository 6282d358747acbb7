// @ts-check
// Reads the dataset folder as {path, text} pairs, paths relative to the
// repository (`data/companies/openai.json`), in a stable order. The only part
// of the toolchain that touches the disk for reading; the rest is pure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ path: string, text: string }} DataFile */

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/** Dot files and other extensions are editors' and tools' business, not records. */
const isRecordFile = (/** @type {string} */ name) =>
  name.endsWith('.json') && !name.startsWith('.');

/**
 * Every data file: pack.json, released-ids.json, companies/*.json, alliances/*.json.
 * @param {string} [root] the repository root
 * @returns {DataFile[]}
 */
export function readDataFiles(root = REPO_ROOT) {
  /** @type {DataFile[]} */
  const files = [];
  for (const single of ['data/pack.json', 'data/released-ids.json']) {
    const abs = join(root, single);
    if (existsSync(abs)) files.push({ path: single, text: readFileSync(abs, 'utf8') });
  }
  for (const dir of ['data/companies', 'data/alliances']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).filter(isRecordFile).sort()) {
      const path = `${dir}/${name}`;
      files.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  }
  return files;
}
