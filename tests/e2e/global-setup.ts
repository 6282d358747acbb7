import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/lib/chromium.mjs';

export default function setup(project: TestProject) {
  if (!existsSync('.output/chrome-mv3/manifest.json')) {
    throw new Error(
      'The extension is not built: run `npm run build` (or `npm test`, which builds it) first.',
    );
  }
  project.provide('chromiumPath', findChromium());
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}
