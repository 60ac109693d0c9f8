import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, waitForDiagrams } from './fixtures';

// The covers and every written chapter and appendix, in both editions, in light mode, with every rule. In dark mode,
// every page of the English edition and the Chinese cover: the covers with every rule (the shell's own dark-mode
// controls), the chapters with the rules that depend on colour (the DOM is the one light mode checked; only the
// stylesheet's colours differ, and the two editions share every component and colour).
const slugs = fs.readdirSync('content/en').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const pages = (lang: string) => [`/${lang}/`, ...slugs.map((s) => `/${lang}/${s}/`)];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const runs = [
  ...['zh', 'en'].flatMap((lang) => pages(lang).map((path) => ({ path, colorScheme: 'light' as const, rules: 'all' }))),
  ...[...pages('en'), '/zh/'].map((path) => ({
    path,
    colorScheme: 'dark' as const,
    rules: /^\/[a-z]{2}\/$/.test(path) ? 'all' : 'colour',
  })),
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe with the book's rules. Only violations are reported in full: with passes and "incomplete" listed node by node,
 * a chapter's result is ~3.5 MB of JSON, and sending it out of the page took as long as the audit (4–5 s a page).
 */
const axe = (page: Page, rules: string) => {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  return rules === 'colour' ? builder.withRules(COLOUR_RULES) : builder.withTags(TAGS);
};

const summarise = (violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[]; help: string }[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);

for (const { path, colorScheme, rules } of runs) {
  test.describe(`${path} in ${colorScheme} mode${rules === 'colour' ? ' (colour rules)' : ''}`, () => {
    test.use({ colorScheme });
    test('has no axe violations', async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await waitForDiagrams(page);
      // KaTeX's formulas are half a chapter's elements (its visual HTML, hidden from screen readers, and its MathML);
      // axe on them doubles the time of a page. They take the prose's colours; the test below checks them in full.
      const results = await axe(page, rules).exclude('.katex').analyze();
      expect(summarise(results.violations)).toEqual([]);
    });
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`formulas in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    test('the chapter densest in KaTeX has no axe violations, formulas included', async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto('/en/loss-and-optimizers/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.locator('.katex').first()).toBeAttached();
      // A display equation wider than the column is measured when it nears the viewport, or at a keyboard reader's
      // first Tab (components/shell/ScrollableMath.tsx): press it, as the reader this rule protects would.
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      await page.keyboard.press('Tab');
      await expect(page.locator('.katex-display[tabindex="0"]').first()).toBeAttached();
      const results = await axe(page, 'all').include('.prose').analyze();
      expect(summarise(results.violations)).toEqual([]);
    });
  });
}
