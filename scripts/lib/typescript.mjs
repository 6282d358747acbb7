// @ts-check
// Runs `use` with a TypeScript module of the project loaded through Vite, for
// plain Node scripts (the benchmark, the dataset build) that reuse the app's code.
import { createServer } from 'vite';

/** @template T @param {string} path @param {(mod: any) => Promise<T> | T} use @returns {Promise<T>} */
export async function withTypeScript(path, use) {
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return await use(await server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}
