import { defineConfig } from '@playwright/test';
import { BASE_ARGS, findChromium } from './scripts/chromium.mjs';

/** End-to-end tests run in Debian's Chromium against the static export served on localhost (never the dev server). */
/** Ports of the two static servers; E2E_PORT moves both (two test runs side by side on one machine). */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const SUBPATH_PORT = PORT + 1;
export const SUBPATH = '/course/book';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Playwright's default, half the cores: one browser at a time on a 2-core CI machine, where two would fight over
  // the CPU that the software GPU also needs.
  // On CI (2 cores, software GPU, two browsers at once) a test that fails is run once more; it is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium() ?? undefined, args: BASE_ARGS },
    trace: 'off',
    // The book's service worker precaches the whole book (~37 MB) after each first visit; only e2e/offline.spec.ts,
    // which tests it, lets it run.
    serviceWorkers: 'block',
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
