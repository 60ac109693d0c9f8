import { test, expect, waitForDiagrams } from './fixtures';
import { PORT } from '../playwright.config';

for (const lang of ['zh', 'en'] as const) {
  test.describe(`chapter 1 (${lang})`, () => {
    test('renders its math with KaTeX at build time, leaving no raw $…$', async ({ page }) => {
      await page.goto(`/${lang}/large-models/`);
      expect(await page.locator('.prose .katex').count()).toBeGreaterThan(5);
      await expect(page.locator('.prose .katex-display').first()).toBeVisible();
      const raw = await page.locator('.prose').evaluate((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('pre, code, .katex, script').forEach((n) => n.remove());
        return clone.textContent?.match(/\$[^$\s][^$]*\$/g) ?? [];
      });
      expect(raw).toEqual([]);
      // No KaTeX JavaScript ships: only its CSS and fonts.
      const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((x) => (x as HTMLScriptElement).src));
      expect(scripts.some((s) => /katex/i.test(s))).toBe(false);
    });

    test('shows its Mermaid diagrams as pre-drawn pictures, one per theme, with no Mermaid JavaScript', async ({ page }) => {
      const scripts: string[] = [];
      page.on('response', async (r) => {
        if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
      });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`/${lang}/large-models/`);
      await waitForDiagrams(page);
      const figures = page.locator('figure.mermaid');
      expect(await figures.count()).toBeGreaterThanOrEqual(2);
      await expect(page.locator('figure.mermaid[data-status="error"]')).toHaveCount(0);
      const light = page.locator('figure.mermaid[data-picture] img.mermaid-picture-light').first();
      await light.scrollIntoViewIfNeeded();
      await expect(light).toBeVisible();
      await expect.poll(() => light.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expect(page.locator('figure.mermaid img.mermaid-picture-dark').first()).toBeHidden();
      // Mermaid's own code (its parser's error text) never reached the page.
      expect(scripts.some((s) => s.includes('No diagram type detected'))).toBe(false);
      // The system turns dark; with no saved choice the book follows it.
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const dark = page.locator('figure.mermaid img.mermaid-picture-dark').first();
      await expect(dark).toBeVisible();
      await expect.poll(() => dark.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expect(light).toBeHidden();
    });

    test('highlights code at build time and copies it', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`/${lang}/large-models/`);
      const block = page.locator('.code-block').first();
      await expect(block.locator('pre.shiki span[style*="--shiki-light"]').first()).toBeAttached();
      await block.hover();
      await block.locator('.code-copy').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('def ');
    });

    test('gives every section heading a permalink that copies', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`/${lang}/large-models/`);
      const heading = page.locator('h2#history');
      await expect(heading.locator('a.heading-anchor')).toHaveAttribute('href', '#history');
      await heading.hover();
      await heading.locator('button.copy-link').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(new RegExp(`/${lang}/large-models/#history$`));
    });
  });
}

test('heading ids are the same in both editions, in the same order', async ({ page }) => {
  const ids = async (lang: string) => {
    await page.goto(`/${lang}/large-models/`);
    return page.locator('article :is(h2,h3)[id]').evaluateAll((hs) => hs.map((h) => h.id));
  };
  const zh = await ids('zh');
  const en = await ids('en');
  expect(zh.length).toBeGreaterThan(10);
  expect(zh).toEqual(en);
});

test.describe('a broken diagram', () => {
  test.use({ expectedErrors: /mermaid|Parse error|diagram|Failed to load resource/i });
  test('shows a readable error box with its source, never a blank', async ({ page }) => {
    // Serve the chapter with its first diagram's keyword misspelled, in the HTML and the hydration payload alike, and
    // without its pre-drawn pictures: the page then draws the diagrams itself, and the misspelled one fails.
    await page.route('**/diagrams/*.svg', (route) => route.abort());
    const scripts: string[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
    });
    await page.route('**/en/large-models/', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll('flowchart', 'flowchrt');
      await route.fulfill({ response, body });
    });
    await page.goto('/en/large-models/');
    await waitForDiagrams(page);
    const broken = page.locator('figure.mermaid[data-status="error"]').first();
    await expect(broken.locator('.mermaid-error')).toBeVisible();
    await expect(broken.locator('.mermaid-error-title')).toHaveText('This diagram could not be drawn');
    await expect(broken.locator('.mermaid-source pre')).toContainText('flowchrt');
    // Here Mermaid did load (the marker the pre-drawn test looks for is in its code).
    expect(scripts.some((s) => s.includes('No diagram type detected'))).toBe(true);
  });
});

test('the language switch keeps the chapter and the section', async ({ page }) => {
  await page.goto('/en/large-models/#history');
  await expect(page.locator('.toc a[data-active]')).toHaveAttribute('href', '#history');
  // Focus and Enter, as a keyboard reader would (a pointer click makes Playwright scroll the sticky bar into view first).
  await page.getByRole('link', { name: 'Read this page in Chinese' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/large-models\/#history$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.toc a[data-active]')).toHaveAttribute('href', '#history');
  await page.getByRole('link', { name: '切换到英文版' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/large-models\/#history$/);
});

test('the language switch keeps the section the reader scrolled to', async ({ page }) => {
  await page.goto('/en/large-models/');
  await page.evaluate(() => document.getElementById('five-elements')!.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect(page.locator('.toc a[data-active]')).toHaveAttribute('href', '#five-elements');
  await page.getByRole('link', { name: 'Read this page in Chinese' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/large-models\/#five-elements$/);
});

test('dark mode follows the system, toggles, and is remembered', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/en/large-models/`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('each formula is in the page once, and still drawn after client-side navigation and the back button', async ({ page }) => {
  // Every KaTeX element drawn, with its visual HTML (a display formula wraps a .katex of its own).
  const drawn = () =>
    page.locator('.prose .katex, .prose .katex-display').evaluateAll((els) => ({
      count: els.length,
      empty: els.filter((e) => !e.querySelector('.katex-html') || !e.querySelector('math')).length,
    }));
  await page.goto('/en/loss-and-optimizers/');
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  const first = await drawn();
  expect(first.count).toBeGreaterThan(100);
  expect(first.empty).toBe(0);
  // The markup is in the HTML, not a second time in the inline React payload (scripts/formula-payload.mjs).
  const payload = await page
    .locator('script:not([src])')
    .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? '').filter((t) => t.includes('__next_f.push')).join(''));
  expect(payload.length).toBeGreaterThan(10_000);
  expect(payload).not.toContain('katex-mathml');
  // A sidebar link navigates on the client: the next chapter's formulas come from its .txt payload.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.locator('#sidebar a[href$="/en/large-models/"]').click();
  await expect(page).toHaveURL(/\/en\/large-models\/$/);
  await expect(page.locator('h1')).toContainText('large model');
  await expect.poll(async () => (await drawn()).count).toBeGreaterThan(5);
  expect((await drawn()).empty).toBe(0);
  // Back to the first page: React mounts its first tree again, whose formulas had no markup in the payload.
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/loss-and-optimizers\/$/);
  await expect.poll(async () => (await drawn()).count).toBe(first.count);
  expect((await drawn()).empty).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('previous / next and the sidebar link written chapters only', async ({ page }) => {
  await page.goto('/en/large-models/');
  await expect(page.locator('#sidebar a[aria-current="page"]')).toContainText('What a large model is');
  await expect(page.locator('#sidebar .forthcoming a')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the contents open from the menu button and nothing overflows sideways', async ({ page }) => {
    await page.goto('/en/large-models/');
    await expect(page.locator('#sidebar')).toBeHidden();
    await page.getByRole('button', { name: 'Open contents' }).click();
    await expect(page.locator('#sidebar')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#sidebar')).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('the print stylesheet hides the navigation', async ({ page }) => {
  await page.goto('/en/large-models/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('#sidebar')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
});

test('a link to a section far down a long chapter lands on its heading, after the page has loaded', async ({ page }) => {
  // Sections far from the view are not laid out (content-visibility) and widgets grow as their code loads: a jump
  // must land where the heading is once they have, not where it was when the jump began.
  await page.goto('/en/applications/');
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  for (const id of ['anomaly-lab', 'recommender-lab', 'exercises']) {
    await page.evaluate((h) => (location.hash = h), id);
    await expect
      .poll(async () => page.evaluate((h) => Math.round(document.getElementById(h)!.getBoundingClientRect().top), id), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(1500);
    const top = await page.evaluate((h) => document.getElementById(h)!.getBoundingClientRect().top, id);
    expect(top, id).toBeGreaterThanOrEqual(0);
    expect(top, id).toBeLessThan(250);
  }
});
