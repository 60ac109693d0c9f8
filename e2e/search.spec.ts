import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SUBPATH_PORT } from '../playwright.config';

const SUBPATH_ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
const BASE = '/course/book';

// Words of the English edition found in one chapter only (the glossary and errata pages, generated from data, now
// repeat many phrases; "Rosenbrock" is in Chapter 3 alone) and a two-character Chinese word (which Pagefind finds
// only if its extended build segmented the Chinese text into words).
const CASES = [
  { lang: 'en', start: '/en/neural-networks/', query: 'Rosenbrock valley', chapter: /^\/en\/loss-and-optimizers\/$/, terms: /^(rosenbrock|valley)$/i, label: 'Search the book' },
  { lang: 'zh', start: '/zh/large-models/', query: '梯度', chapter: /^\/zh\/[a-z-]+\/$/, terms: /^梯度$/, label: '搜索本书' },
] as const;

/** The search's combobox (its input) and the options it lists. */
function search(page: Page, label: string) {
  const box = page.getByRole('combobox', { name: label });
  return { box, options: page.locator('dialog[data-search-dialog]').getByRole('option') };
}

async function hydrated(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

for (const c of CASES) {
  test.describe(`search (${c.lang})`, () => {
    test('"/" focuses the search, which lists sections of this edition and opens the best one highlighted', async ({ page }) => {
      const pagefindRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/pagefind/')) pagefindRequests.push(new URL(r.url()).pathname);
      });
      await page.goto(c.start);
      await hydrated(page);
      // Nothing of the index is loaded before the reader asks for it.
      expect(pagefindRequests).toEqual([]);

      await page.keyboard.press('/');
      const { box, options } = search(page, c.label);
      await expect(box).toBeFocused();
      await expect(page.locator('dialog[data-search-dialog]')).toBeVisible();
      await page.keyboard.type(c.query);

      await expect(options.first()).toBeVisible();
      const hrefs = await options.evaluateAll((os) => os.map((o) => o.getAttribute('href')!));
      expect(hrefs.every((h) => h.startsWith(`/${c.lang}/`)), hrefs.join('\n')).toBe(true);
      await expect(box).toHaveAttribute('aria-expanded', 'true');
      await expect(options.first().locator('mark').first()).toBeVisible();
      expect(pagefindRequests.length).toBeGreaterThan(0);
      expect(pagefindRequests.every((p) => p.startsWith('/pagefind/'))).toBe(true);

      // The best section (an anchor; the chapter's opening may rank above it) is of the expected chapter; ↓ chooses it.
      const at = hrefs.findIndex((h) => h.includes('#'));
      expect(at).toBeGreaterThanOrEqual(0);
      const first = new URL(hrefs[at]!, page.url());
      expect(first.pathname).toMatch(c.chapter);
      expect(first.hash).toMatch(/^#[a-z0-9-]+$/);
      const option = options.nth(at);
      const section = (await option.locator('[data-part="section"]').textContent())!;
      for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
      await expect(option).toHaveAttribute('aria-selected', 'true');
      await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);

      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === first.pathname && u.hash === first.hash);
      await hydrated(page);
      // It opened the section the result named.
      const anchor = page.locator(`article [id="${first.hash.slice(1)}"]`);
      await expect(anchor).toBeAttached();
      const heading = await anchor.evaluate((h) => {
        const clone = h.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.heading-tools').forEach((t) => t.remove());
        return clone.textContent?.trim();
      });
      expect(heading).toBe(section);

      // The terms are marked in the article, and the first mark of that section is in view.
      const marks = page.locator('article mark[data-search-hit]');
      await expect(marks.first()).toBeAttached();
      const texts = await marks.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter((t) => c.terms.test(t)).length).toBeGreaterThan(0);
      const current = page.locator('article mark[data-search-current]');
      await expect(current).toHaveCount(1);
      await expect(current).toBeInViewport();
      expect(await anchor.evaluate((h, m) => !!(h.compareDocumentPosition(m!) & Node.DOCUMENT_POSITION_FOLLOWING), await current.elementHandle())).toBe(true);
    });
  });
}

test('Enter opens the first result when none was chosen, in the Chinese edition', async ({ page }) => {
  await page.goto('/zh/neural-networks/');
  await hydrated(page);
  await page.keyboard.press('/');
  const { box, options } = search(page, '搜索本书');
  await box.fill('优化器');
  await expect(options.first()).toBeVisible();
  // A quoted phrase: every listed excerpt has 优化器 itself, not 优 or 化 alone.
  const marked = await page.locator('[role="listbox"] mark').allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.every((m) => m === '优化器')).toBe(true);
  const href = (await options.first().getAttribute('href'))!;
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === href);
  await expect(page.locator('article mark[data-search-hit]').first()).toHaveText('优化器');
});

test('the search dialog: keys, focus, and what "/" does inside a text field', async ({ page }) => {
  await page.goto('/en/large-models/');
  await hydrated(page);
  const trigger = page.getByRole('button', { name: 'Search', exact: true });
  const dialog = page.locator('dialog[data-search-dialog]');
  await trigger.click();
  const { box, options } = search(page, 'Search the book');
  await expect(box).toBeFocused();
  // "/" typed in the search is a character.
  await page.keyboard.type('a/b');
  await expect(box).toHaveValue('a/b');
  await box.fill('zzzzqqq');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found for “zzzzqqq”' })).toBeVisible();
  await expect(options).toHaveCount(0);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // Tab stays in the dialog: the input, then its close button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close search' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(box).toBeFocused();
  // Esc closes it and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  // Reopened, it keeps the query; ↑ from the top wraps to the last result.
  await page.keyboard.press('/');
  await expect(box).toHaveValue('zzzzqqq');
  await box.fill('gradient');
  await expect(options.nth(1)).toBeVisible();
  const n = await options.count();
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(n - 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    test('the open search with results has no axe violations', async ({ page }) => {
    await page.goto('/zh/');
    await hydrated(page);
    await page.keyboard.press('/');
    const { box, options } = search(page, '搜索本书');
    await box.fill('梯度下降');
    await expect(options.first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const results = await new AxeBuilder({ page }).include('dialog[data-search-dialog]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the search opens full width from the top bar', async ({ page }) => {
    await page.goto('/en/neural-networks/');
    await hydrated(page);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const dialog = page.locator('dialog[data-search-dialog]');
    await expect(dialog).toBeVisible();
    const { box: input, options } = search(page, 'Search the book');
    await input.fill('activation');
    await expect(options.first()).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    const overflow = await page.locator('dialog[data-search-dialog] [role="listbox"]').evaluate((l) => l.scrollWidth - l.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Close search' }).click();
    await expect(dialog).toBeHidden();
  });
});

test('under the sub-path, the search loads its index from there and opens results there', async ({ page }) => {
  const paths: string[] = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(`${SUBPATH_ORIGIN}${BASE}/zh/neural-networks/`);
  await hydrated(page);
  await page.keyboard.press('/');
  const { box, options } = search(page, '搜索本书');
  await box.fill('梯度');
  await expect(options.first()).toBeVisible();
  const hrefs = await options.evaluateAll((os) => os.map((o) => o.getAttribute('href')!));
  expect(hrefs.every((h) => h.startsWith(`${BASE}/zh/`)), hrefs.join('\n')).toBe(true);
  await options.first().click();
  await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === hrefs[0]);
  await expect(page.locator('article mark[data-search-hit]').first()).toHaveText('梯度');
  expect(paths.some((p) => p === `${BASE}/pagefind/pagefind.js`)).toBe(true);
  expect(paths.filter((p) => !p.startsWith(`${BASE}/`))).toEqual([]);
});
