import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Page tests: the page-facing modules (annotator, card, clipper, session) in a
// real DOM in real Chromium. Playwright cannot download browsers here, so it
// drives the system's Chromium (CHROMIUM_PATH, else Debian's /usr/bin/chromium).
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  plugins: [preact()],
  // Found up front: deps discovered mid-run reload the test, and a second
  // pre-bundle of preact breaks hooks (`__H` of undefined).
  optimizeDeps: {
    include: [
      'preact',
      'preact/hooks',
      'preact/jsx-runtime',
      'preact/jsx-dev-runtime',
      'preact/debug',
      'preact/devtools',
      'valibot',
      'wxt/browser',
    ],
  },
  resolve: { dedupe: ['preact'] },
  test: {
    include: ['tests/page/**/*.test.{ts,tsx}'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu'] },
      }),
      instances: [{ browser: 'chromium' }],
      // A viewport of known size: the card's placement depends on it.
      viewport: { width: 1000, height: 800 },
      // Failures are read from the report; screenshots would land in the source tree.
      screenshotFailures: false,
    },
  },
});
