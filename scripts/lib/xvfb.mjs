// @ts-check
// A virtual X display for the tests that drive a headful Chromium with real
// keyboard and mouse input (xdotool). Uses $DISPLAY when there is one;
// otherwise starts Debian's Xvfb, installing xvfb and xdotool with apt when run as root.
import { spawn } from 'node:child_process';
import { aptInstall, canAptInstall, which } from './system.mjs';

/** @param {(message: string) => void} log */
function ensureTools(log) {
  /** @type {[command: string, pkg: string][]} */
  const tools = [
    ['Xvfb', 'xvfb'],
    ['xdotool', 'xdotool'],
    // The catalog test's local CDN serves https with a self-signed certificate made by openssl.
    ['openssl', 'openssl'],
  ];
  const missing = tools.filter(([cmd]) => !which(cmd));
  if (!missing.length) return;
  const packages = missing.map(([, pkg]) => pkg);
  if (!canAptInstall()) {
    throw new Error(
      `The end-to-end tests need ${packages.join(' and ')}: sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  log(`Installing ${packages.join(', ')} for the end-to-end tests (apt-get install -y)…`);
  aptInstall(packages);
}

/** Resolves to `{ display, stop }`; `stop` ends the Xvfb this started (none when $DISPLAY was set). */
export async function virtualDisplay({ log = console.log } = {}) {
  if (process.env.DISPLAY) {
    ensureTools(log);
    return { display: process.env.DISPLAY, stop: () => {} };
  }
  ensureTools(log);
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready.
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    },
  );
  const display = await new Promise((resolve, reject) => {
    let out = '';
    // fd 3 is spawned as a pipe, so it is there.
    /** @type {import('node:stream').Readable} */ (xvfb.stdio[3]).on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
    setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000).unref();
  });
  return { display, stop: () => xvfb.kill() };
}
