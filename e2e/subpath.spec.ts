import fs from 'node:fs';
import { test, expect } from './fixtures';
import { SUBPATH_PORT } from '../playwright.config';

const ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
const BASE = '/course/book';

test('a build with BASE_PATH serves a chapter correctly under the sub-path', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const response = await page.goto(`${ORIGIN}${BASE}/en/large-models/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('article h1')).toHaveText('What a large model is');
  // Styles applied (the sidebar is a grid column), fonts and KaTeX fonts served from under the sub-path.
  await expect(page.locator('.topbar')).toHaveCSS('position', 'sticky');
  await page.evaluate(() => document.fonts.ready);
  await page.locator('figure.mermaid').first().scrollIntoViewIfNeeded();
  await expect(page.locator('figure.mermaid[data-status="ready"]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((p) => !p.startsWith(`${BASE}/`))).toEqual([]);
  expect(requests.some((p) => /\.woff2$/.test(p))).toBe(true);
  // Every link in the page stays under the sub-path.
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(3);
  expect(hrefs.filter((h) => !h.startsWith(`${BASE}/`))).toEqual([]);
});

test('under the sub-path, every link of every chapter stays under it, in both editions', async ({ request }) => {
  const slugs = fs.readdirSync('content/en').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
  for (const lang of ['zh', 'en']) {
    for (const slug of slugs) {
      const html = await (await request.get(`${ORIGIN}${BASE}/${lang}/${slug}/`)).text();
      const hrefs = [...html.matchAll(/<a [^>]*href="(\/[^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.length, `${lang}/${slug}`).toBeGreaterThan(3);
      expect(hrefs.filter((h) => !h.startsWith(`${BASE}/`)), `${lang}/${slug}`).toEqual([]);
    }
  }
});

test('under the sub-path, the root chooses an edition and the language switch works', async ({ page }) => {
  await page.goto(`${ORIGIN}${BASE}/`);
  await expect(page).toHaveURL(new RegExp(`${BASE}/(zh|en)/$`));
  await page.goto(`${ORIGIN}${BASE}/en/large-models/#history`);
  await expect(page.locator('.toc a[data-active]')).toHaveAttribute('href', '#history');
  await page.getByRole('link', { name: 'Read this page in Chinese' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/zh/large-models/#history`);
  await page.locator('#sidebar').getByRole('link', { name: '封面' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/zh/`);
});

test.describe('under the sub-path, an unknown page', () => {
  test.use({ expectedErrors: /\/en\/nope\/|status of 404/ });
  test('gets the 404 page with working links', async ({ page }) => {
  const response = await page.goto(`${ORIGIN}${BASE}/en/nope/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /Back to/ })).toHaveAttribute('href', `${BASE}/en/`);
});
});
