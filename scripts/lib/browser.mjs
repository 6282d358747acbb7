// @ts-check
// Launches Chromium with the built extension loaded, as the tests and the demo do.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/**
 * @param {{executablePath: string, hostRules: string, headless?: boolean, extensionDir?: string, locale?: string, hasTouch?: boolean, extraArgs?: string[]}} o
 */
export async function launchWithExtension({
  executablePath,
  hostRules,
  headless = true,
  extensionDir = EXTENSION_DIR,
  locale = 'ko-KR',
  hasTouch = false,
  extraArgs = [],
}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'alliance-lens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale,
    hasTouch,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hostRules}`,
      ...extraArgs,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    extensionUrl: (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path}`,
  };
}
