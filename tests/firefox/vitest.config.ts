import { defineConfig } from 'vitest/config';

// The Firefox build in Firefox ESR (puppeteer-core over WebDriver BiDi), one
// browser for the file; headful on the X display npm test provides.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
