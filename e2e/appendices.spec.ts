import { test, expect } from './fixtures';
import { SUBPATH_PORT } from '../playwright.config';
import { ERRATA } from '../lib/content/errata';

/** The glossary (Appendix C), the errata (Appendix D), and the links that lead to them from the chapters. */

const LANGS = ['zh', 'en'] as const;
const ATTENTION = { zh: '注意力', en: 'Attention' } as const;

for (const lang of LANGS) {
  test.describe(`appendices (${lang})`, () => {
    test('the glossary lists its entries by letter, each with an anchor, a definition and the chapters that use it', async ({ page }) => {
      const response = await page.goto(`/${lang}/glossary/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('article h1')).toBeVisible();
      const entries = page.locator('.glossary-entry[id]');
      expect(await entries.count()).toBeGreaterThan(80);
      // Every entry names at least one chapter, and every chapter link opens a page of this edition.
      const used = await page.locator('.glossary-used').evaluateAll((ps) => ps.map((p) => p.querySelectorAll('a').length));
      expect(used.every((n) => n > 0)).toBe(true);
      const attention = page.locator('#attention');
      await expect(attention.locator('dt')).toContainText(ATTENTION[lang]);
      await expect(attention.locator('.glossary-used a').first()).toHaveAttribute('href', /^\.\.\/[a-z-]+\/$/);
      // The letter index jumps to its group.
      const letters = page.locator('.glossary-letters a');
      expect(await letters.count()).toBeGreaterThan(10);
      const first = letters.first();
      const target = (await first.getAttribute('href'))!;
      await first.click();
      await expect(page).toHaveURL(new RegExp(`${target}$`));
      await expect(page.locator(target)).toBeInViewport();
    });

    test('a glossary link in a chapter opens the entry it names', async ({ page }) => {
      await page.goto(`/${lang}/neural-networks/`);
      const link = page.locator('.prose a.glossary-link').first();
      await expect(link).toBeAttached();
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\.\.\/glossary\/#[a-z0-9-]+$/);
      const id = href.split('#')[1]!;
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/glossary/#${id}$`));
      await expect(page.locator(`[id="${id}"].glossary-entry`)).toBeInViewport();
      // No term is linked in headings, code or math.
      await page.goto(`/${lang}/loss-and-optimizers/`);
      await expect(page.locator('.prose :is(h2, h3, h4, pre, code, .katex) a.glossary-link')).toHaveCount(0);
    });

    test('the errata page lists every erratum by source, and each link opens a page whose heading exists', async ({ page }) => {
      await page.goto(`/${lang}/errata/`);
      await expect(page.locator('.erratum')).toHaveCount(ERRATA.length);
      for (const e of ERRATA) await expect(page.locator(`[id="${e.id}"]`)).toBeAttached();
      // Each source's list sits under that source's heading.
      for (const source of new Set(ERRATA.map((e) => e.source))) {
        const heading = await page.locator(`[data-errata-source="${source}"]`).evaluate((el) => {
          let n = el.previousElementSibling;
          while (n && n.tagName !== 'H2') n = n.previousElementSibling;
          return n?.id;
        });
        expect(heading).toBe(`source-${source}`);
      }
      // The book's numbers are computed, as in the chapters: σ(2) = 0.8808.
      await expect(page.locator('[id="sigmoid-of-2"]')).toContainText('0.8808');
      const links = await page.locator('a.erratum-place').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(ERRATA.length / 2);
      const byPage = new Map<string, Set<string>>();
      for (const href of links) {
        const url = new URL(href);
        expect(url.pathname).toMatch(new RegExp(`^/${lang}/[a-z-]+/$`));
        byPage.set(url.pathname, (byPage.get(url.pathname) ?? new Set()).add(decodeURIComponent(url.hash.slice(1))));
      }
      for (const [path, ids] of byPage) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        for (const id of ids) {
          if (!id) continue;
          await expect(page.locator(`[id="${id}"]:is(h2, h3, h4)`), `${path}#${id}`).toBeAttached();
        }
      }
    });

    test('a chapter’s erratum callout takes its title from the list and links to its entry', async ({ page }) => {
      await page.goto(`/${lang}/loss-and-optimizers/`);
      const callout = page.locator('aside.callout-erratum[data-erratum="sigmoid-of-2"]');
      await expect(callout.locator('.callout-title')).toContainText('001');
      await expect(callout.locator('.callout-title')).toContainText('0.8808');
      const more = callout.locator('.callout-more a');
      await expect(more).toHaveAttribute('href', '../errata/#sigmoid-of-2');
      await more.scrollIntoViewIfNeeded();
      await more.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/errata/#sigmoid-of-2$`));
      await expect(page.locator('[id="sigmoid-of-2"]')).toBeInViewport();
    });
  });
}

test('under the sub-path, a glossary link and an errata link stay under it and resolve', async ({ page }) => {
  const origin = `http://127.0.0.1:${SUBPATH_PORT}`;
  const base = '/course/book';
  await page.goto(`${origin}${base}/en/transformers/`);
  const link = page.locator('.prose a.glossary-link').first();
  const resolved = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(resolved.startsWith(`${origin}${base}/en/glossary/#`)).toBe(true);
  const response = await page.goto(resolved);
  expect(response?.status()).toBe(200);
  await expect(page.locator(`[id="${new URL(resolved).hash.slice(1)}"].glossary-entry`)).toBeAttached();
  await page.goto(`${origin}${base}/en/errata/`);
  const place = await page.locator('a.erratum-place').first().evaluate((a) => (a as HTMLAnchorElement).href);
  expect(place.startsWith(`${origin}${base}/en/`)).toBe(true);
});
