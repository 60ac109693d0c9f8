import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, waitForDiagrams } from './fixtures';

// The covers and every written chapter, in both editions.
const slugs = fs.readdirSync('content/en').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const pages = ['zh', 'en'].flatMap((lang) => [`/${lang}/`, ...slugs.map((s) => `/${lang}/${s}/`)]);

for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${path} in ${colorScheme} mode`, () => {
      test.use({ colorScheme });
      test('has no axe violations', async ({ page }) => {
        // Axe walks every element: a chapter dense with KaTeX markup has over 20,000 of them.
        test.setTimeout(150_000);
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await waitForDiagrams(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
        expect(summary).toEqual([]);
      });
    });
  }
}
