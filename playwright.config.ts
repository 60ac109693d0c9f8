import { defineConfig } from '@playwright/test';
import { BASE_ARGS, findChromium } from './scripts/chromium.mjs';

/** End-to-end tests run in Debian's Chromium against the static export served on localhost (never the dev server). */
export const PORT = 4173;
export const SUBPATH_PORT = 4174;
export const SUBPATH = '/course/book';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium() ?? undefined, args: BASE_ARGS },
    trace: 'off',
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --dir out --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/en/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --dir out-subpath --port ${SUBPATH_PORT} --base ${SUBPATH}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}/en/`,
      reuseExistingServer: false,
    },
  ],
});
