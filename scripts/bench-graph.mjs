// `node scripts/bench-graph.mjs`: the network graph's build and layout times
// (tests/bench/graph-bench-lib.ts) as a plain Node script. Vite loads the TypeScript.
import { withTypeScript } from './lib/typescript.mjs';

await withTypeScript('/tests/bench/graph-bench-lib.ts', async (lib) => {
  const figures = lib.runGraphBench();
  for (const line of lib.formatGraphBench(figures)) console.log(line);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
});
