// `npm run data:build`: writes public/packs/core.json from data/.
// `npm run data:build -- --check`: fails when core.json is not what data/ builds.
// The built pack must pass the extension's own validator: a bundled pack with a
// single problem is refused as a whole on install, so a bad one is never written.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTypeScript } from '../lib/typescript.mjs';
import { assemblePack } from './assemble.mjs';
import { REPO_ROOT, readDataFiles } from './files.mjs';

const TARGET = 'public/packs/core.json';
const check = process.argv.includes('--check');

/** The runtime validator is TypeScript; Vite loads it. */
async function validatorProblems(/** @type {string} */ text) {
  return withTypeScript('/utils/pack/validate.ts', ({ parsePackText, formatProblem }) => {
    const result = parsePackText(text);
    if (result.ok) return [];
    const pack = JSON.parse(text);
    // `companies[3].names.ko` means little to a contributor; name the record's file instead.
    return result.error.map((/** @type {{path: string, message: string}} */ p) => {
      const m = /^(companies|alliances)\[(\d+)\]\.?(.*)$/.exec(p.path);
      const id = m ? pack[m[1]]?.[Number(m[2])]?.id : undefined;
      if (!m || typeof id !== 'string') return formatProblem(p);
      return `data/${m[1]}/${id}.json${m[3] ? ` ${m[3]}` : ''}: ${p.message}`;
    });
  });
}

let text;
try {
  text = assemblePack(readDataFiles());
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const target = join(REPO_ROOT, TARGET);
const current = existsSync(target) ? readFileSync(target, 'utf8') : null;

if (check) {
  if (current !== text) {
    console.error(`${TARGET} is not up to date with data/: run npm run data:build`);
    process.exit(1);
  }
  console.log(`${TARGET} is up to date`);
} else {
  const problems = await validatorProblems(text);
  if (problems.length > 0) {
    console.error(`${TARGET} not written: the extension would refuse the pack.`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  if (current === text) {
    console.log(`${TARGET} is already up to date`);
  } else {
    // Write beside it and rename, so nothing ever reads half a file.
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
    const pack = JSON.parse(text);
    console.log(
      `${TARGET}: ${pack.companies.length} companies, ${pack.alliances.length} alliances`,
    );
  }
}
