// @ts-check
// `npm run data:package`: fills packages/alliance-lens-data/ with what gets published to npm:
// the built packs (public/packs/*.json, made from data/ by `npm run data:build`), the data
// license, and index.json, which says what the package holds.
// `npm run data:package -- --check` (the package's `prepack`): fails when the package folder
// is not what public/packs/ gives, so a stale pack is never published.
//
// The package's major version must equal the packs' format version: readers subscribe to
// `alliance-lens-data@<major>`, and a pack they cannot read must never reach them through it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './files.mjs';

export const PACKAGE_DIR = 'packages/alliance-lens-data';
const PACKS_DIR = 'public/packs';

/**
 * @typedef {{ id: string, title: string, publisher?: string, license?: string,
 *   homepage?: string, updated: string, file: string, bytes: number, sha256: string,
 *   counts: { companies: number, alliances: number } }} IndexEntry
 */

/**
 * The index.json entry of one pack file. Throws when the file is not a pack of the
 * format version the package's major version promises.
 * @param {string} file the file name inside the package
 * @param {string} text the pack's JSON text
 * @param {number} major the package's major version
 * @returns {IndexEntry}
 */
export function indexEntry(file, text, major) {
  const pack = JSON.parse(text);
  if (pack?.format !== 'alliance-lens-pack')
    throw new Error(
      `${file}: not an Alliance Lens pack (format is ${JSON.stringify(pack?.format)})`,
    );
  if (pack.version !== major)
    throw new Error(
      `${file}: pack format version ${pack.version}, but the package's major version is ${major}; ` +
        'they must be equal so that readers of @<major> only get packs they can read',
    );
  const info = pack.pack ?? {};
  /** @type {Record<string, string>} */
  const described = { id: info.id, title: info.title };
  for (const key of ['publisher', 'license', 'homepage']) {
    if (typeof info[key] === 'string') described[key] = info[key];
  }
  /** @type {IndexEntry} */
  const entry = {
    ...described,
    id: info.id,
    title: info.title,
    updated: info.updated,
    file,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    counts: {
      companies: Array.isArray(pack.companies) ? pack.companies.length : 0,
      alliances: Array.isArray(pack.alliances) ? pack.alliances.length : 0,
    },
  };
  return entry;
}

/**
 * Every file of the package that the build writes, by name, with its text.
 * @param {string} root the repository root
 * @returns {Map<string, string>}
 */
export function packageFiles(root) {
  const manifest = JSON.parse(readFileSync(join(root, PACKAGE_DIR, 'package.json'), 'utf8'));
  const major = Number(String(manifest.version).split('.')[0]);
  const files = new Map();
  const packs = readdirSync(join(root, PACKS_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort();
  const entries = packs.map((name) => {
    const text = readFileSync(join(root, PACKS_DIR, name), 'utf8');
    files.set(name, text);
    return indexEntry(name, text, major);
  });
  const index = { name: manifest.name, version: manifest.version, packs: entries };
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  files.set('LICENSE', readFileSync(join(root, 'LICENSE-DATA'), 'utf8'));
  return files;
}

/**
 * Writes the package's built files (or with `check`, only compares them).
 * @param {string} root @param {boolean} check
 * @returns {string[]} with `check`, the files that are missing or stale
 */
export function writePackage(root, check) {
  const stale = [];
  for (const [name, text] of packageFiles(root)) {
    const target = join(root, PACKAGE_DIR, name);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === text) continue;
    stale.push(name);
    if (check) continue;
    // Write beside it and rename, so nothing ever reads half a file.
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
  }
  return check ? stale : [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  try {
    const stale = writePackage(REPO_ROOT, check);
    if (stale.length > 0) {
      console.error(
        `${PACKAGE_DIR}: ${stale.join(', ')} not up to date with ${PACKS_DIR}: run npm run data:package`,
      );
      process.exit(1);
    }
    console.log(`${PACKAGE_DIR} is ${check ? 'up to date' : 'built'}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
