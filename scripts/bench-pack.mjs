// `node scripts/bench-pack.mjs`: what the dataset costs before any page is read
// (tests/bench/pack-bench-lib.ts), for the bundled pack, an older one given as
// BENCH_BEFORE_PACK=<file>, and a synthetic 10,000-company pack.
import { readFileSync } from 'node:fs';
import { syntheticPack } from './lib/bench-pages.mjs';
import { withTypeScript } from './lib/typescript.mjs';

await withTypeScript('/tests/bench/pack-bench-lib.ts', (lib) => {
  console.log('Dataset costs (median of runs; Node, this machine)');
  console.log(lib.packCostLine('bundled pack', readFileSync('public/packs/core.json', 'utf8')));
  const before = process.env.BENCH_BEFORE_PACK;
  if (before) console.log(lib.packCostLine(`before: ${before}`, readFileSync(before, 'utf8')));
  console.log(lib.packCostLine('10,000 companies', JSON.stringify(syntheticPack(10_000))));
});
