// @ts-check
// Finds a Firefox to drive (Debian's firefox-esr), installing it with apt when
// that is possible, as chromium.mjs does for Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function lookup() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox'])
    if (executable(path)) return path;
  const r = spawnSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Path of a Firefox binary; installs Debian's `firefox-esr` with apt when run as root. */
export function findFirefox({ log = console.log } = {}) {
  const found = lookup();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log(
      'Firefox not found: installing Debian’s firefox-esr package (apt-get install -y firefox-esr)…',
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const after = lookup();
    if (after) return after;
  }
  throw new Error(
    'No Firefox found: install it with `sudo apt-get install -y firefox-esr` or set FIREFOX_PATH.',
  );
}
