// @ts-check
// Finds a Firefox to drive (Debian's firefox-esr), installing it with apt when
// that is possible, as chromium.mjs does for Chromium.
import { aptInstall, canAptInstall, executable, which } from './system.mjs';

function lookup() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox'])
    if (executable(path)) return path;
  return which('firefox-esr') ?? which('firefox');
}

/** Path of a Firefox binary; installs Debian's `firefox-esr` with apt when run as root. */
export function findFirefox({ log = console.log } = {}) {
  const found = lookup();
  if (found) return found;
  if (canAptInstall()) {
    log(
      'Firefox not found: installing Debian’s firefox-esr package (apt-get install -y firefox-esr)…',
    );
    aptInstall(['firefox-esr']);
    const after = lookup();
    if (after) return after;
  }
  throw new Error(
    'No Firefox found: install it with `sudo apt-get install -y firefox-esr` or set FIREFOX_PATH.',
  );
}
