// `node scripts/bench-matcher.mjs`: the matcher throughput benchmark
// (tests/bench/matcher-bench-lib.ts) as a plain Node script. Vite loads the
// TypeScript; the figures are printed and exit code 1 means a target missed.
import { createServer } from 'vite';

const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const lib = await server.ssrLoadModule('/tests/bench/matcher-bench-lib.ts');
  const figures = await lib.runMatcherBench({ log: (line) => console.error(`  … ${line}`) });
  for (const line of lib.formatMatcherBench(figures)) console.log(line);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  process.exitCode = figures.meetsTargets ? 0 : 1;
} finally {
  await server.close();
}
