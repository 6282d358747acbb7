// @ts-check
// Finds a Chromium to drive, installing Debian's package when that is possible.
import { aptInstall, canAptInstall, executable, which } from './system.mjs';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function lookup() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return null;
}

/** Path of a Chromium binary; installs Debian's `chromium` with apt when run as root. */
export function findChromium({ install = true, log = console.log } = {}) {
  const found = lookup();
  if (found) return found;
  if (install && canAptInstall()) {
    log('Chromium not found: installing Debian’s chromium package (apt-get install -y chromium)…');
    aptInstall(['chromium']);
    const after = lookup();
    if (after) return after;
  }
  throw new Error(
    'No Chromium found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}
