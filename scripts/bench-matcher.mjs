// `node scripts/bench-matcher.mjs`: the matcher throughput benchmark
// (tests/bench/matcher-bench-lib.ts) as a plain Node script. Vite loads the
// TypeScript; the figures are printed and exit code 1 means a target missed.
import { withTypeScript } from './lib/typescript.mjs';

await withTypeScript('/tests/bench/matcher-bench-lib.ts', async (lib) => {
  const figures = await lib.runMatcherBench({ log: (line) => console.error(`  … ${line}`) });
  for (const line of lib.formatMatcherBench(figures)) console.log(line);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  process.exitCode = figures.meetsTargets ? 0 : 1;
});
