import fs from 'node:fs';
import path from 'node:path';
import { test, expect, scrollThrough } from './fixtures';

/** Every page of the static export, found by walking out/ for index.html files. */
function builtPages(dir = 'out', prefix = '/'): string[] {
  const pages: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('_')) continue;
    if (e.isDirectory()) pages.push(...builtPages(path.join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.name === 'index.html') pages.push(prefix);
  }
  return pages;
}

const pages = builtPages().filter((p) => p !== '/');

test('the export holds the cover, both editions and chapter 1', () => {
  expect(pages).toEqual(expect.arrayContaining(['/zh/', '/en/', '/zh/large-models/', '/en/large-models/']));
});

for (const p of pages) {
  test(`${p} loads with no console error and no request to another host`, async ({ page }) => {
    const response = await page.goto(p);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
    await scrollThrough(page);
    await page.waitForLoadState('networkidle');
  });
}

test.describe('an unknown path', () => {
  test.use({ expectedErrors: /no-such-chapter|status of 404/ });
  test('gets the bilingual 404 page', async ({ page }) => {
  const response = await page.goto('/en/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('Page not found');
  await expect(page.locator('h1')).toContainText('页面未找到');
  await page.getByRole('link', { name: /Back to/ }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  });
});

test.describe('the root chooses an edition', () => {
  test.describe('for a Chinese browser', () => {
    test.use({ locale: 'zh-CN' });
    test('it redirects to /zh/', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/zh\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });
  });
  test.describe('for an English browser', () => {
    test.use({ locale: 'en-US' });
    test('it redirects to /en/', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/en\/$/);
    });
  });
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('it offers both editions as links', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('link', { name: '中文版' })).toHaveAttribute('href', '/zh/');
      await expect(page.getByRole('link', { name: 'English edition' })).toHaveAttribute('href', '/en/');
    });
  });
});

test('the cover lists all 13 chapters and 4 appendices, linking only the written ones', async ({ page }) => {
  await page.goto('/en/');
  const items = page.locator('.cover-chapter');
  await expect(items).toHaveCount(17);
  await expect(page.locator('.cover-chapter[data-written="1"] a')).toHaveCount(await page.locator('.cover-chapter[data-written="1"]').count());
  await expect(page.locator('.cover-chapter[data-written="0"] a')).toHaveCount(0);
  // Which chapters are still to come changes as the book grows: every unwritten one says so, every written one links.
  const unwritten = page.locator('.cover-chapter[data-written="0"]');
  for (let i = 0; i < (await unwritten.count()); i++) await expect(unwritten.nth(i)).toContainText('Forthcoming');
  await expect(page.locator('.cover-chapter[data-written="1"]', { hasText: 'Forthcoming' })).toHaveCount(0);
  await expect(page.locator('.cover-chapter[data-slug="transformers"] a')).toHaveAttribute('href', /\/en\/transformers\/$/);
  await page.locator('.cover-chapter[data-slug="large-models"] a').click();
  await expect(page).toHaveURL(/\/en\/large-models\/$/);
});
