import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test's page records console errors, uncaught exceptions and any request to a host other than the local
 * server; the test fails at the end if there were any (unless it declares the errors it expects).
 */
export const test = base.extend<{ expectedErrors: RegExp | null; guard: { errors: string[]; external: string[] } }>({
  expectedErrors: [null, { option: true }],
  guard: [
    async ({ page, expectedErrors }, use) => {
      const errors: string[] = [];
      const external: string[] = [];
      const expected = (text: string) => expectedErrors !== null && expectedErrors.test(text);
      page.on('console', (m) => {
        if (m.type() === 'error' && !expected(m.text())) errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => {
        if (!expected(e.message)) errors.push(`pageerror: ${e.message}`);
      });
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(r.url());
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !expected(r.url())) errors.push(`HTTP ${r.status()} ${r.url()}`);
      });
      const guard = { errors, external };
      await use(guard);
      expect(external, 'requests to other hosts').toEqual([]);
      expect(errors, 'console errors, page errors and failed responses').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Scrolls through the page so lazy parts (diagrams, widgets) start, then returns to the top. */
export async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo({ top: y, behavior: 'instant' });
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
}

/** Waits until every Mermaid figure on the page has finished (drawn or failed). */
export async function waitForDiagrams(page: Page) {
  await scrollThrough(page);
  await expect(page.locator('figure.mermaid:not([data-status="ready"]):not([data-status="error"])')).toHaveCount(0, { timeout: 30_000 });
}
