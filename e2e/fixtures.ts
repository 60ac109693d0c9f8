import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test's page records console errors, uncaught exceptions and any request to a host other than the local
 * server; the test fails at the end if there were any (unless it declares the errors it expects).
 */
export const test = base.extend<{ expectedErrors: RegExp | null; guard: { errors: string[]; external: string[] } }>({
  expectedErrors: [null, { option: true }],
  /*
   * A page inserts its scripts after its first paint (scripts/paint-first.mjs), which on a short page comes after the
   * `load` event that `goto` waits for. A control clicked before React has hydrated does nothing, for a test as for a
   * reader in that moment; so `goto` and `reload` of an HTML page also wait for the page's hydration mark.
   */
  page: async ({ page, javaScriptEnabled }, provide) => {
    const hydrated = async <R extends { headers(): Record<string, string> } | null>(response: R) => {
      if (javaScriptEnabled && response?.headers()['content-type']?.includes('text/html')) {
        await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      }
      return response;
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (url, options) => hydrated(await goto(url, options));
    page.reload = async (options) => hydrated(await reload(options));
    await provide(page);
  },
  guard: [
    async ({ page, expectedErrors }, use, testInfo) => {
      const errors: string[] = [];
      const external: string[] = [];
      const log: string[] = [];
      const expected = (text: string) => expectedErrors !== null && expectedErrors.test(text);
      page.on('console', (m) => {
        log.push(`${m.type()}: ${m.text()}`.slice(0, 500));
        if (m.type() === 'error' && !expected(m.text())) errors.push(`console: ${m.text()}`);
      });
      page.on('worker', (w) => {
        log.push(`worker started: ${w.url()}`);
        w.on('close', () => log.push(`worker closed: ${w.url()}`));
      });
      page.on('crash', () => log.push('page crashed'));
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
      // A failed test prints what the page said, so a failure on CI can be read without a trace.
      if (testInfo.status !== testInfo.expectedStatus) {
        console.log(`--- page console for "${testInfo.title}" (last 40 lines) ---\n${log.slice(-40).join('\n') || '(nothing)'}`);
      }
      expect(external, 'requests to other hosts').toEqual([]);
      expect(errors, 'console errors, page errors and failed responses').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Scrolls through the page so lazy parts (diagrams, widgets) start, then returns to the top. */
export async function scrollThrough(page: Page) {
  // Before hydration nothing watches the viewport yet: a diagram scrolled past then would never start.
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.evaluate(async () => {
    // Two animation frames at each stop let intersection observers see it even when the machine is slow (a timer
    // stands in if frames stall).
    const settle = () =>
      new Promise<void>((r) => {
        const t = setTimeout(r, 250);
        requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(t), r())));
      });
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo({ top: y, behavior: 'instant' });
      await settle();
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
}

/** Waits until every Mermaid figure on the page has finished (drawn or failed). */
export async function waitForDiagrams(page: Page) {
  await scrollThrough(page);
  await expect(page.locator('figure.mermaid:not([data-status="ready"]):not([data-status="error"])')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Scrolls the first element matching `selector` to the middle of the viewport, in one step in the page. Unlike a
 * locator's scrollIntoViewIfNeeded it does not wait for the element to hold still, which a page opened at a #fragment
 * (HashAnchor keeps the heading in place while islands load) or an island swapping its HTML may never do in time.
 */
export async function scrollToElement(page: Page, selector: string) {
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), selector);
}

/**
 * Scrolls a widget into view, in one step in the page (an island replaces its server HTML with the live widget as it
 * comes near, so a located element can be detached mid-action), and waits until it has read its settings from the URL.
 */
export async function showWidget(page: Page, id: string) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  // Scrolled again every 2.5 s until it has loaded: islands above that load at the same moment can push this one back out
  // of range before its observer's first report, and on a page opened at a #fragment HashAnchor puts the section back
  // at the top for its first 4 s (a script's scroll is not the reader's). A widget in range applies its settings in
  // well under a second, so a longer wait per try only spent ~10 s of CI on each such miss.
  await expect(async () => {
    await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), `[data-widget="${id}"]`);
    await expect(page.locator(`[data-widget="${id}"]`)).toHaveAttribute('data-url-state', 'applied', { timeout: 2_500 });
  }).toPass({ timeout: 40_000, intervals: [0] });
}
