import fs from 'node:fs';
import type { FileChooser, Page } from '@playwright/test';
import { PORT } from '../playwright.config';
import { test, expect, showWidget } from './fixtures';

/**
 * Lab exercises: a lab is marked done from its widget's own results (here the loss explorer, whose goal a URL can set:
 * p = 0.053 makes BCE's logit gradient 1/(2 · 0.053 · 0.947) = 9.96 times MSE's, within 0.2 of 10), stays done after
 * a reload, is counted in both tables of contents, and travels to a fresh browser in an exported file.
 */
const LAB = 'lo-gradient-ratio';
const SLUG = 'loss-and-optimizers';
const TOTAL = 3;
const TEXT = {
  en: { done: /^Done on /, pending: 'Not reached yet', count: `labs 1/${TOTAL}`, export: 'Export progress file', import: 'Import progress file…', reset: 'Reset progress…', erase: 'Erase', imported: /Imported: 1 more lab done/, notJson: /not JSON/, summary: /^1 of \d+ labs done\.$/, none: /^0 of \d+ labs done\.$/ },
  zh: { done: /^已于 .+ 完成$/, pending: '尚未达成', count: `实验 1/${TOTAL}`, export: '导出进度文件', import: '导入进度文件…', reset: '清除进度…', erase: '清除', imported: /新增 1 个已完成的实验/, notJson: /不是 JSON/, summary: /^已完成 \d+ 个实验中的 1 个。$/, none: /^已完成 \d+ 个实验中的 0 个。$/ },
} as const;

const status = (page: Page, id = LAB) => page.locator(`[data-lab="${id}"] .lab-status`);
const sidebarCount = (page: Page) => page.locator(`#sidebar a[href$="/${SLUG}/"] .lab-count`);
const coverCount = (page: Page) => page.locator(`.cover-chapter[data-slug="${SLUG}"] .lab-count`);

for (const lang of ['en', 'zh'] as const) {
  const t = TEXT[lang];

  test(`${lang}: a lab is checked from its widget, stays done, is counted in the contents and moves in a file`, async ({ page, browser }, testInfo) => {
    // Not reached with the explorer's defaults (p = 0.9: a ratio of 5.56).
    await page.goto(`/${lang}/${SLUG}/`);
    await showWidget(page, 'lossExplorer');
    await expect(status(page)).toHaveAttribute('data-lab-state', 'pending');
    await expect(status(page)).toHaveText(t.pending);
    await expect(sidebarCount(page)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
    // Its check is not loaded while the reader has not touched the widget and the lab is far from view.
    await expect(status(page)).not.toHaveAttribute('data-lab-armed', 'true');

    // Reached as soon as the explorer shows p = 0.053, announced to screen readers, counted in the sidebar.
    await page.goto(`/${lang}/${SLUG}/?lossExplorer.p=0.053#loss-explorer`);
    await showWidget(page, 'lossExplorer');
    await expect(status(page)).toHaveAttribute('data-lab-state', 'done');
    await expect(status(page)).toHaveText(t.done);
    await expect(page.getByTestId('announcer')).not.toBeEmpty();
    await expect(status(page, 'lo-entropy-floor')).toHaveAttribute('data-lab-state', 'pending');
    await expect(sidebarCount(page)).toHaveAttribute('data-lab-count', `1/${TOTAL}`);
    await expect(sidebarCount(page)).toContainText(t.count);

    // Still done after a reload, and without the URL that reached it.
    await page.reload();
    await expect(status(page)).toHaveAttribute('data-lab-state', 'done');
    await page.goto(`/${lang}/${SLUG}/`);
    await expect(status(page)).toHaveAttribute('data-lab-state', 'done');
    const doneText = await status(page).textContent();

    // The cover counts it too, and exports it.
    await page.goto(`/${lang}/`);
    await expect(coverCount(page)).toHaveAttribute('data-lab-count', `1/${TOTAL}`);
    const panel = page.getByTestId('lab-progress');
    await expect(panel.locator('.lab-progress-summary')).toHaveText(t.summary);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: t.export }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath(`progress-${lang}.json`);
    await download.saveAs(file);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(data).toMatchObject({ format: 'lab-progress', version: 1, book: 'large-models-small-startups' });
    expect(Object.keys(data.labs)).toEqual([LAB]);
    expect(data.labs[LAB]).toMatchObject({ chapter: SLUG });
    expect(Date.parse(data.labs[LAB].doneAt)).toBeGreaterThan(Date.now() - 10 * 60_000);

    // A fresh browser knows nothing; a junk file is refused with a reason; the export is merged in.
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}`, serviceWorkers: 'block' });
    try {
      const other = await context.newPage();
      await other.goto(`/${lang}/`);
      const otherPanel = other.getByTestId('lab-progress');
      await expect(otherPanel.locator('.lab-progress-summary')).toHaveText(t.none);
      await expect(coverCount(other)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
      const choose = async (files: Parameters<FileChooser['setFiles']>[0]) => {
        const [chooser] = await Promise.all([other.waitForEvent('filechooser'), otherPanel.getByRole('button', { name: t.import }).click()]);
        await chooser.setFiles(files);
      };
      await choose({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('my notes, not JSON') });
      await expect(other.getByTestId('lab-progress-error')).toHaveText(t.notJson);
      await expect(coverCount(other)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
      await choose(file);
      await expect(other.getByTestId('lab-progress-message')).toHaveText(t.imported);
      await expect(other.getByTestId('lab-progress-error')).toBeEmpty();
      await expect(coverCount(other)).toHaveAttribute('data-lab-count', `1/${TOTAL}`);
      await other.goto(`/${lang}/${SLUG}/`);
      await expect(status(other)).toHaveAttribute('data-lab-state', 'done');
      // The date travels with the lab: the day it was reached, not the day it was imported.
      await expect(status(other)).toHaveText(doneText!);
    } finally {
      await context.close();
    }

    // Reset asks first; the keyboard can cancel, then confirm.
    const reset = panel.getByRole('button', { name: t.reset });
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: t.erase, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('button', { name: t.erase, exact: true })).toHaveCount(0);
    await expect(coverCount(page)).toHaveAttribute('data-lab-count', `1/${TOTAL}`);
    await reset.click();
    await panel.getByRole('button', { name: t.erase, exact: true }).click();
    await expect(coverCount(page)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
    await expect(panel.locator('.lab-progress-summary')).toHaveText(t.none);
  });
}

test('the counts in the contents take their space before they are known, so nothing moves when they appear', async ({ page, browser }) => {
  // The server's HTML, as a browser without JavaScript shows it: the boxes are there, empty.
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}`, javaScriptEnabled: false });
  // Measured by the browser's layout, through the protocol (page scripts are off in one of the two).
  const measure = async (p: Page) => {
    const box = async (sel: string) => (await p.locator(sel).first().boundingBox())!;
    return {
      sidebarItem: (await box(`#sidebar a[href$="/${SLUG}/"]`)).height,
      sidebarCount: (await box(`#sidebar a[href$="/${SLUG}/"] .lab-count`)).width,
      coverItem: (await box(`.cover-chapter[data-slug="${SLUG}"]`)).height,
      coverCount: (await box(`.cover-chapter[data-slug="${SLUG}"] .lab-count`)).width,
      panel: (await box('[data-testid="lab-progress"]')).height,
    };
  };
  try {
    const bare = await context.newPage();
    await bare.goto('/en/');
    await expect(coverCount(bare)).toBeEmpty();
    await page.goto('/en/');
    await expect(coverCount(page)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
    await expect(sidebarCount(page)).toHaveAttribute('data-lab-count', `0/${TOTAL}`);
    await page.waitForLoadState('load');
    await bare.waitForLoadState('load');
    const [a, b] = [await measure(bare), await measure(page)];
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect([k, b[k]]).toEqual([k, expect.closeTo(a[k], 0)]);
  } finally {
    await context.close();
  }
});
