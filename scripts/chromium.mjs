// Where the tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium (or chromium-browser).
// Nothing here downloads a browser.
import fs from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable, or null. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const INSTALL_HINT =
  'No Chromium found. Install Debian\'s: `sudo apt-get update && sudo apt-get install -y chromium`, ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** Flags for headless runs here: no network chatter. (WebGPU flags are added by the specs that need them.) */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  // Containers often give /dev/shm only 64 MB; Chromium then stalls. Use /tmp instead.
  '--disable-dev-shm-usage',
];
