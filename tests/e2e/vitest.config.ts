import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium. Files run one at a
// time (each launches its own browser), with generous timeouts for CI machines.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
