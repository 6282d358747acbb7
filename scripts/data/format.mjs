// `npm run data:format`: rewrites every data file in canonical form (key order,
// two-space indent, one trailing newline) and changes nothing else.
// `npm run data:format -- --check`: lists the files that are not canonical.
// Either mode takes file paths to limit it to those files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { canonicalText, formatDifference, kindOfPath } from './canonical.mjs';
import { REPO_ROOT, readDataFiles } from './files.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = new Set(
  args.filter((a) => !a.startsWith('--')).map((a) => relative(REPO_ROOT, resolve(a))),
);

let failed = false;
let changed = 0;
for (const file of readDataFiles()) {
  if (only.size > 0 && !only.has(file.path)) continue;
  const kind = kindOfPath(file.path);
  if (!kind) continue;
  let value;
  try {
    value = JSON.parse(file.text);
  } catch (e) {
    // Left alone: perhaps someone is still writing it. The lint says where it breaks.
    console.error(`${file.path}: not JSON, left as it is (${e instanceof Error ? e.message : e})`);
    failed = true;
    continue;
  }
  const diff = formatDifference(kind, file.text, value);
  if (!diff) continue;
  changed++;
  if (check) {
    console.log(
      `${file.path}:${diff.line}${diff.field ? ` ${diff.field}` : ''}: not in canonical form`,
    );
    continue;
  }
  const abs = join(REPO_ROOT, file.path);
  // Others edit data/ at the same time: write only if the file is still what was read.
  if (readFileSync(abs, 'utf8') !== file.text) {
    console.error(`${file.path}: changed while formatting, left as it is`);
    failed = true;
    continue;
  }
  writeFileSync(abs, canonicalText(kind, value));
  console.log(`${file.path}: formatted`);
}
if (check && changed > 0) {
  console.error(`${changed} file(s) not in canonical form: run npm run data:format`);
  failed = true;
}
if (!check) console.log(`${changed} file(s) formatted`);
process.exit(failed ? 1 : 0);
