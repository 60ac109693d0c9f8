#!/usr/bin/env node
// Runs the Playwright specs against the built book. Stops with a clear message when Chromium or a build is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { INSTALL_HINT, findChromium } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (process.argv.includes('--preflight')) {
  console.log(`e2e: Chromium at ${chromium}`);
  process.exit(0);
}
for (const [dir, how] of [['out', 'npm run build'], ['out-subpath', 'npm run build:subpath']]) {
  if (!fs.existsSync(`${dir}/index.html`)) {
    console.error(`No built book in ${dir}/ — run \`${how}\` first.`);
    process.exit(1);
  }
}
console.log(`e2e: Chromium at ${chromium}`);
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(r.status ?? 1);
