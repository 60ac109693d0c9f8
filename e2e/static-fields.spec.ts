import type { Page } from '@playwright/test';
import { PORT } from '../playwright.config';
import { test, expect, showWidget } from './fixtures';

// Before a widget's code loads, its text fields and menus are look-alike boxes (scripts/static-fields.mjs): a text
// field or menu in a skipped section made Chromium style and lay out that section on load. The boxes must look and
// read as the controls do, and take their exact space, so nothing moves when the live widget takes over.
const FIELDS = 'input:not([type="range"]):not([type="radio"]):not([type="checkbox"]), select, textarea';

/** Each widget's text fields and menus (or their boxes), in order: kind and size. */
async function measure(page: Page, widget: string, selector: string) {
  return page.locator(`[data-widget="${widget}"]`).evaluate((w, sel) => {
    return [...w.querySelectorAll(sel)].map((el) => {
      // Measured where it is drawn: scrolled to, so that its section is laid out.
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const kind = el.getAttribute('data-static-field') ?? (el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'textarea' : 'input');
      return { kind, width: Math.round(r.width * 2) / 2, height: Math.round(r.height * 2) / 2 };
    });
  }, selector);
}

// The calculators' number fields and menus; the idea scorer's text fields hold words (CJK in Chinese).
for (const [lang, slug] of [['en', 'compute-economics'], ['zh', 'compute-economics'], ['zh', 'project-planning']] as const) {
  test(`${lang} ${slug}: a widget’s fields are look-alike boxes until its code loads, the same size as the live controls`, async ({ page, browser }) => {
    // The server's HTML as a browser without JavaScript shows it (no island ever loads there).
    const bare = await (await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}`, javaScriptEnabled: false, viewport: page.viewportSize() })).newPage();
    await bare.goto(`/${lang}/${slug}/`);
    const widgets = await bare.locator('.island [data-widget]').evaluateAll((ws) => ws.map((w) => w.getAttribute('data-widget')!));
    expect(widgets.length).toBeGreaterThanOrEqual(2);
    // No text field or menu is left in any island; every box is a named, read-only text box.
    await expect(bare.locator('.island').locator(FIELDS)).toHaveCount(0);
    const boxes = bare.locator('.island [data-static-field]');
    expect(await boxes.count()).toBeGreaterThan(10);
    for (const box of await boxes.all()) {
      await expect(box).toHaveAttribute('role', 'textbox');
      await expect(box).toHaveAttribute('aria-readonly', 'true');
      expect(await box.evaluate((el) => el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))).toBe(true);
    }
    // A menu's label names its box: "Scaling-law fit" is a <select> in the live widget.
    if (slug === 'compute-economics') await expect(bare.getByRole('textbox', { name: { en: 'Scaling-law fit', zh: '缩放定律拟合' }[lang] })).toHaveCount(1);

    await page.goto(`/${lang}/${slug}/`);
    for (const id of widgets) {
      const before = await measure(bare, id, '[data-static-field]');
      await showWidget(page, id);
      const live = await measure(page, id, FIELDS);
      // The live widget has real controls, one for each box, of the same kind and size (to half a pixel).
      expect(await page.locator(`[data-widget="${id}"] [data-static-field]`).count()).toBe(0);
      expect([id, live]).toEqual([id, before]);
    }
    await bare.context().close();
  });
}
